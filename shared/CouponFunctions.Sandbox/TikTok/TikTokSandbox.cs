using CouponFunctions.Sandbox.Common;

namespace CouponFunctions.Sandbox.TikTok;

/// <summary>
/// A faithful in-memory TikTok Shop Partner API (coupon search/detail, shops, tokens): apps with secrets, sellers owning
/// shops (one token per seller, a cipher per shop), coupons, plus fault injection, throttling and call stats. Coupons are
/// seeded here only, as on TikTok they are made in Seller Center. Serve it with <c>MapTikTokSandbox</c>.
/// </summary>
public sealed partial class TikTokSandbox
{
    private readonly Dictionary<string, TikTokSandboxApp> _apps = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TikTokSandboxSeller> _sellers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TikTokSandboxShop> _shops = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _shopByCipher = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TikTokGrant> _codes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TikTokGrant> _accessTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TikTokGrant> _refreshTokens = new(StringComparer.Ordinal);
    private readonly Random _random;

    public TikTokSandbox(TikTokSandboxOptions? options = null, TimeProvider? clock = null)
    {
        Options = options ?? new TikTokSandboxOptions();
        Clock = clock ?? TimeProvider.System;
        _random = new Random(Options.Seed);
        Faults = new SandboxFaults(Options.Seed);
    }

    public TikTokSandboxOptions Options { get; }

    /// <summary>The business clock (coupon status, token expiry, timestamp window).</summary>
    public TimeProvider Clock { get; }

    /// <summary>Fault plans, per platform or per shop id.</summary>
    public SandboxFaults Faults { get; }

    /// <summary>Limits per app_key and per shop.</summary>
    public SandboxThrottle Throttle { get; } = new();

    public SandboxStats Stats { get; } = new();

    /// <summary>The seller who "approves" the next authorization page visit (default: the first seller added).</summary>
    public string? AuthorizingSellerId { get; set; }

    internal object Gate { get; } = new();

    /// <param name="redirectUri">The redirect URL registered in Partner Center, where the authorization page sends the seller.</param>
    public void AddApp(string appKey, string appSecret, string? serviceId = null, Uri? redirectUri = null)
    {
        lock (Gate) _apps[appKey] = new TikTokSandboxApp(appKey, appSecret, serviceId ?? appKey, redirectUri);
    }

    /// <summary>Adds a shop of a seller (created on first use; default "seller-{shopId}"), authorized for <paramref name="appKey"/> if given.</summary>
    public TikTokSandboxShop AddShop(string shopId, string region = "SG", string? sellerId = null, string? appKey = null, string? name = null)
    {
        lock (Gate)
        {
            region = region.ToUpperInvariant();
            var seller = SellerLocked(sellerId ?? $"seller-{shopId}", region);
            if (appKey is not null) seller.Apps.Add(appKey);
            var prefix = region == "US" ? "US_" : "ROW_";
            var shop = new TikTokSandboxShop(shopId, region, seller.SellerId, name ?? $"Shop {shopId}", prefix + Convert.ToBase64String(RandomBytes(18)).Replace('+', 'x').Replace('/', 'y'));
            _shops[shopId] = shop;
            _shopByCipher[shop.Cipher] = shopId;
            seller.ShopIds.Add(shopId);
            _coupons.TryAdd(shopId, []);
            AuthorizingSellerId ??= seller.SellerId;
            return shop;
        }
    }

    public TikTokSandboxShop Shop(string shopId)
    {
        lock (Gate) return ShopLocked(shopId);
    }

    /// <summary>Issues tokens as a completed authorization would (and records the seller's approval of the app).</summary>
    public TikTokSandboxTokens IssueTokens(string appKey, string sellerId)
    {
        lock (Gate)
        {
            SellerLocked(sellerId, null).Apps.Add(appKey);
            return IssueTokensLocked(appKey, sellerId);
        }
    }

    /// <summary>Issues a single-use authorization code, as the seller's approval on the authorization page would.</summary>
    public string IssueAuthCode(string appKey, string sellerId)
    {
        lock (Gate)
        {
            SellerLocked(sellerId, null).Apps.Add(appKey);
            var code = NewToken();
            _codes[code] = new TikTokGrant(appKey, sellerId, Clock.GetUtcNow() + Options.AuthCodeLifetime);
            return code;
        }
    }

    internal TikTokSandboxTokens IssueTokensLocked(string appKey, string sellerId)
    {
        var now = WholeSeconds(Clock.GetUtcNow());
        var tokens = new TikTokSandboxTokens(NewToken(), now + Options.AccessTokenLifetime, NewToken(), now + Options.RefreshTokenLifetime, sellerId);
        _accessTokens[tokens.AccessToken] = new TikTokGrant(appKey, sellerId, tokens.AccessTokenExpiresAt);
        _refreshTokens[tokens.RefreshToken] = new TikTokGrant(appKey, sellerId, tokens.RefreshTokenExpiresAt);
        return tokens;
    }

    internal TikTokSandboxApp? App(string appKey) => _apps.GetValueOrDefault(appKey);

    internal TikTokSandboxApp? AppByServiceId(string serviceId) => _apps.Values.FirstOrDefault(a => a.ServiceId == serviceId);

    internal TikTokSandboxSeller? Seller(string sellerId) => _sellers.GetValueOrDefault(sellerId);

    internal TikTokSandboxShop? ShopByCipher(string cipher) => _shopByCipher.TryGetValue(cipher, out var id) ? _shops[id] : null;

    internal TikTokGrant? Code(string code) => _codes.GetValueOrDefault(code);

    internal TikTokGrant? AccessToken(string token) => _accessTokens.GetValueOrDefault(token);

    internal TikTokGrant? RefreshToken(string token) => _refreshTokens.GetValueOrDefault(token);

    internal string NewRequestId()
    {
        lock (Gate) return Clock.GetUtcNow().ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture) + Convert.ToHexString(RandomBytes(10));
    }

    internal static DateTimeOffset WholeSeconds(DateTimeOffset value) => DateTimeOffset.FromUnixTimeSeconds(value.ToUnixTimeSeconds());

    private TikTokSandboxSeller SellerLocked(string sellerId, string? region)
    {
        if (_sellers.TryGetValue(sellerId, out var seller)) return seller;
        if (region is null) throw new ArgumentException($"No sandbox seller {sellerId}; add one of its shops first.", nameof(sellerId));
        seller = new TikTokSandboxSeller(sellerId, $"Seller {sellerId}", region);
        _sellers[sellerId] = seller;
        return seller;
    }

    private TikTokSandboxShop ShopLocked(string shopId) =>
        _shops.TryGetValue(shopId, out var shop) ? shop : throw new ArgumentException($"No sandbox shop {shopId}; add it first.", nameof(shopId));

    private string NewToken() => "TTP_" + Convert.ToHexStringLower(RandomBytes(16));

    private byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        _random.NextBytes(bytes);
        return bytes;
    }
}
