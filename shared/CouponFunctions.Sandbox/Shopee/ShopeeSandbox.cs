using CouponFunctions.Sandbox.Common;

namespace CouponFunctions.Sandbox.Shopee;

/// <summary>
/// A faithful in-memory Shopee Open Platform v2 (vouchers and auth): partners with keys, shops, tokens with expiry and
/// vouchers, plus fault injection, throttling and call stats. Seed it here; serve it with <c>MapShopeeSandbox</c>.
/// </summary>
public sealed partial class ShopeeSandbox
{
    private readonly Dictionary<long, string> _partners = [];
    private readonly Dictionary<long, ShopeeSandboxShop> _shops = [];
    private readonly Dictionary<string, ShopeeGrant> _codes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ShopeeGrant> _accessTokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ShopeeGrant> _refreshTokens = new(StringComparer.Ordinal);
    private readonly Random _random;

    public ShopeeSandbox(ShopeeSandboxOptions? options = null, TimeProvider? clock = null)
    {
        Options = options ?? new ShopeeSandboxOptions();
        Clock = clock ?? TimeProvider.System;
        _random = new Random(Options.Seed);
        Faults = new SandboxFaults(Options.Seed);
    }

    public ShopeeSandboxOptions Options { get; }

    /// <summary>The business clock (voucher status, token expiry, timestamp window).</summary>
    public TimeProvider Clock { get; }

    public SandboxFaults Faults { get; }

    public SandboxThrottle Throttle { get; } = new();

    public SandboxStats Stats { get; } = new();

    /// <summary>The shop that "approves" the next auth_partner visit (default: the first shop added).</summary>
    public long? AuthorizingShopId { get; set; }

    internal object Gate { get; } = new();

    public void AddPartner(long partnerId, string partnerKey)
    {
        lock (Gate) _partners[partnerId] = partnerKey;
    }

    /// <summary>Adds a shop (linked to <paramref name="partnerId"/> if given, as if it had authorized that app).</summary>
    public void AddShop(long shopId, string site = "SG", long? partnerId = null, bool allowCoinCashback = true)
    {
        lock (Gate)
        {
            var shop = new ShopeeSandboxShop(shopId, site.ToUpperInvariant()) { AllowCoinCashback = allowCoinCashback };
            if (partnerId is { } p) shop.Partners.Add(p);
            _shops[shopId] = shop;
            AuthorizingShopId ??= shopId;
        }
    }

    public void AddItem(long shopId, ShopeeSandboxItem item)
    {
        lock (Gate) Shop(shopId).Items[item.ItemId] = item;
    }

    /// <summary>Issues tokens as a completed authorization would (and links the shop to the partner).</summary>
    public ShopeeSandboxTokens IssueTokens(long partnerId, long shopId)
    {
        lock (Gate)
        {
            Shop(shopId).Partners.Add(partnerId);
            return IssueTokensLocked(partnerId, shopId);
        }
    }

    /// <summary>Issues a single-use authorization code, as the seller's approval on auth_partner would.</summary>
    public string IssueAuthCode(long partnerId, long shopId)
    {
        lock (Gate)
        {
            Shop(shopId).Partners.Add(partnerId);
            var code = NewToken();
            _codes[code] = new ShopeeGrant(partnerId, shopId, Clock.GetUtcNow() + Options.AuthCodeLifetime);
            return code;
        }
    }

    internal ShopeeSandboxTokens IssueTokensLocked(long partnerId, long shopId)
    {
        var now = Clock.GetUtcNow();
        var access = NewToken();
        var refresh = NewToken();
        var tokens = new ShopeeSandboxTokens(access, now + Options.AccessTokenLifetime, refresh, now + Options.RefreshTokenLifetime);
        _accessTokens[access] = new ShopeeGrant(partnerId, shopId, tokens.AccessTokenExpiresAt);
        _refreshTokens[refresh] = new ShopeeGrant(partnerId, shopId, tokens.RefreshTokenExpiresAt);
        return tokens;
    }

    internal bool TryGetPartnerKey(long partnerId, out string key)
    {
        lock (Gate) return _partners.TryGetValue(partnerId, out key!);
    }

    internal bool TryGetShop(long shopId, out ShopeeSandboxShop shop) => _shops.TryGetValue(shopId, out shop!);

    internal ShopeeGrant? Code(string code) => _codes.GetValueOrDefault(code);

    internal ShopeeGrant? AccessToken(string token) => _accessTokens.GetValueOrDefault(token);

    internal ShopeeGrant? RefreshToken(string token) => _refreshTokens.GetValueOrDefault(token);

    internal string NewRequestId()
    {
        lock (Gate) return Convert.ToHexStringLower(RandomBytes(16));
    }

    private string NewToken() => Convert.ToHexStringLower(RandomBytes(16));

    private byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        _random.NextBytes(bytes);
        return bytes;
    }

    private ShopeeSandboxShop Shop(long shopId) =>
        _shops.TryGetValue(shopId, out var shop) ? shop : throw new ArgumentException($"No sandbox shop {shopId}; add it first.", nameof(shopId));
}
