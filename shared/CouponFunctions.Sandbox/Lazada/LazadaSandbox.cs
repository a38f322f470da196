using CouponFunctions.Sandbox.Common;

namespace CouponFunctions.Sandbox.Lazada;

/// <summary>
/// A faithful in-memory Lazada Open Platform (seller vouchers and auth): apps with secrets, sellers per country, tokens
/// with expiry, vouchers and SKUs, plus fault injection, throttling and call stats. Seed it here; serve it with
/// <c>MapLazadaSandbox</c> (one base URL for every country: <c>{prefix}/rest</c>).
/// </summary>
public sealed partial class LazadaSandbox
{
    private readonly Dictionary<string, string> _apps = new(StringComparer.Ordinal);
    private readonly Dictionary<long, LazadaSandboxSeller> _sellers = [];
    private readonly Dictionary<string, LazadaGrant> _codes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LazadaGrant> _accessTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, LazadaGrant> _refreshTokens = new(StringComparer.Ordinal);
    private readonly Random _random;

    public LazadaSandbox(LazadaSandboxOptions? options = null, TimeProvider? clock = null)
    {
        Options = options ?? new LazadaSandboxOptions();
        Clock = clock ?? TimeProvider.System;
        _random = new Random(Options.Seed);
        Faults = new SandboxFaults(Options.Seed);
    }

    public LazadaSandboxOptions Options { get; }

    /// <summary>The business clock (voucher status, token expiry, timestamp window).</summary>
    public TimeProvider Clock { get; }

    public SandboxFaults Faults { get; }

    public SandboxThrottle Throttle { get; } = new();

    public SandboxStats Stats { get; } = new();

    /// <summary>The seller who "approves" the next visit to the authorization page (default: the first seller added).</summary>
    public long? AuthorizingSellerId { get; set; }

    internal object Gate { get; } = new();

    public void AddApp(string appKey, string appSecret)
    {
        lock (Gate) _apps[appKey] = appSecret;
    }

    /// <summary>Adds a seller of a country (linked to <paramref name="appKey"/> if given, as if it had authorized that app).</summary>
    public void AddSeller(long sellerId, string site = "SG", string? appKey = null)
    {
        lock (Gate)
        {
            var seller = new LazadaSandboxSeller(sellerId, site.ToUpperInvariant());
            if (appKey is not null) seller.Apps.Add(appKey);
            _sellers[sellerId] = seller;
            AuthorizingSellerId ??= sellerId;
        }
    }

    public void AddSku(long sellerId, LazadaSandboxSku sku)
    {
        lock (Gate) Seller(sellerId).Skus[sku.SkuId] = sku;
    }

    /// <summary>Issues tokens as a completed authorization would (and links the seller to the app).</summary>
    public LazadaSandboxTokens IssueTokens(string appKey, long sellerId)
    {
        lock (Gate)
        {
            Seller(sellerId).Apps.Add(appKey);
            return IssueTokensLocked(appKey, sellerId, Clock.GetUtcNow() + Options.RefreshTokenLifetime);
        }
    }

    /// <summary>Issues a single-use authorization code, as the seller's approval on the authorization page would.</summary>
    public string IssueAuthCode(string appKey, long sellerId)
    {
        lock (Gate)
        {
            Seller(sellerId).Apps.Add(appKey);
            var code = NewToken();
            var expires = Clock.GetUtcNow() + Options.AuthCodeLifetime;
            _codes[code] = new LazadaGrant(appKey, sellerId, expires, expires);
            return code;
        }
    }

    internal LazadaSandboxTokens IssueTokensLocked(string appKey, long sellerId, DateTimeOffset authorizedUntil)
    {
        var now = Clock.GetUtcNow();
        // An access token never outlives the authorization it came from.
        var accessExpiry = now + Options.AccessTokenLifetime < authorizedUntil ? now + Options.AccessTokenLifetime : authorizedUntil;
        var tokens = new LazadaSandboxTokens(NewToken(), accessExpiry, NewToken(), authorizedUntil);
        _accessTokens[tokens.AccessToken] = new LazadaGrant(appKey, sellerId, tokens.AccessTokenExpiresAt, authorizedUntil);
        _refreshTokens[tokens.RefreshToken] = new LazadaGrant(appKey, sellerId, authorizedUntil, authorizedUntil);
        return tokens;
    }

    internal bool TryGetAppSecret(string appKey, out string secret)
    {
        lock (Gate) return _apps.TryGetValue(appKey, out secret!);
    }

    internal bool TryGetSeller(long sellerId, out LazadaSandboxSeller seller) => _sellers.TryGetValue(sellerId, out seller!);

    internal LazadaGrant? Code(string code) => _codes.GetValueOrDefault(code);

    internal LazadaGrant? AccessToken(string token)
    {
        lock (Gate) return _accessTokens.GetValueOrDefault(token);
    }

    internal LazadaGrant? RefreshToken(string token) => _refreshTokens.GetValueOrDefault(token);

    internal string NewRequestId()
    {
        lock (Gate) return Convert.ToHexStringLower(RandomBytes(12));
    }

    private string NewToken() => Convert.ToHexStringLower(RandomBytes(16));

    private byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        _random.NextBytes(bytes);
        return bytes;
    }

    private LazadaSandboxSeller Seller(long sellerId) =>
        _sellers.TryGetValue(sellerId, out var seller) ? seller : throw new ArgumentException($"No sandbox seller {sellerId}; add it first.", nameof(sellerId));
}
