using CouponFunctions.Sandbox.Common;

namespace CouponFunctions.Sandbox.Shopline;

/// <summary>
/// A faithful in-memory SHOPLINE Open Platform (price rules, discount codes, OAuth): apps with secrets, stores by handle
/// with the apps installed on them, 10-hour tokens, plus fault injection, throttling and call stats. Seed it here; serve
/// it with <c>MapShoplineSandbox</c>, each store under <c>{prefix}/{handle}</c> as its own host would be.
/// </summary>
public sealed partial class ShoplineSandbox
{
    private readonly Dictionary<string, string> _apps = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ShoplineSandboxStore> _stores = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ShoplineGrant> _codes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ShoplineGrant> _tokens = new(StringComparer.Ordinal);
    private readonly Random _random;

    public ShoplineSandbox(ShoplineSandboxOptions? options = null, TimeProvider? clock = null)
    {
        Options = options ?? new ShoplineSandboxOptions();
        Clock = clock ?? TimeProvider.System;
        _random = new Random(Options.Seed);
        Faults = new SandboxFaults(Options.Seed);
    }

    public ShoplineSandboxOptions Options { get; }

    /// <summary>The business clock (rule status, token expiry, timestamp window).</summary>
    public TimeProvider Clock { get; }

    /// <summary>Fault plans, per platform or per store handle.</summary>
    public SandboxFaults Faults { get; }

    /// <summary>Limits per app and per store (SHOPLINE: 4/s per store with a burst of 40 is <c>Configure(0, 4, 10)</c>).</summary>
    public SandboxThrottle Throttle { get; } = new();

    public SandboxStats Stats { get; } = new();

    internal object Gate { get; } = new();

    public void AddApp(string appKey, string appSecret)
    {
        lock (Gate) _apps[appKey] = appSecret;
    }

    /// <summary>Adds a store (with the app installed if <paramref name="appKey"/> is given). The currency sets the decimals money may have.</summary>
    public void AddStore(string handle, string currency = "SGD", string? appKey = null)
    {
        lock (Gate)
        {
            var store = new ShoplineSandboxStore(handle, currency.ToUpperInvariant());
            if (appKey is not null) store.Apps.Add(appKey);
            _stores[handle] = store;
        }
    }

    /// <summary>Issues an access token as a completed authorization would (and installs the app).</summary>
    public ShoplineSandboxToken IssueToken(string appKey, string handle)
    {
        lock (Gate)
        {
            StoreLocked(handle).Apps.Add(appKey);
            return IssueTokenLocked(appKey, handle);
        }
    }

    /// <summary>Issues a single-use authorization code (10 minutes), as the merchant's approval would.</summary>
    public string IssueAuthCode(string appKey, string handle)
    {
        lock (Gate)
        {
            StoreLocked(handle).Apps.Add(appKey);
            var code = Convert.ToHexStringLower(RandomBytes(16));
            _codes[code] = new ShoplineGrant(appKey, handle, Clock.GetUtcNow() + Options.AuthCodeLifetime);
            return code;
        }
    }

    /// <summary>The merchant uninstalls the app: its tokens stop working and refresh is refused.</summary>
    public void Uninstall(string appKey, string handle)
    {
        lock (Gate) StoreLocked(handle).Apps.Remove(appKey);
    }

    internal ShoplineSandboxToken IssueTokenLocked(string appKey, string handle)
    {
        var token = new ShoplineSandboxToken("eyJ" + Convert.ToBase64String(RandomBytes(24)).Replace('+', '-').Replace('/', '_'), Clock.GetUtcNow() + Options.AccessTokenLifetime);
        _tokens[token.AccessToken] = new ShoplineGrant(appKey, handle, token.ExpiresAt);
        return token;
    }

    internal string? AppSecret(string appKey) => _apps.GetValueOrDefault(appKey);

    internal ShoplineSandboxStore? Store(string handle) => _stores.GetValueOrDefault(handle);

    internal ShoplineGrant? Code(string code) => _codes.GetValueOrDefault(code);

    internal ShoplineGrant? Token(string token) => _tokens.GetValueOrDefault(token);

    internal string NewTraceId()
    {
        lock (Gate) return Convert.ToHexStringLower(RandomBytes(16));
    }

    internal static DateTimeOffset WholeSeconds(DateTimeOffset value) => DateTimeOffset.FromUnixTimeSeconds(value.ToUnixTimeSeconds());

    private ShoplineSandboxStore StoreLocked(string handle) =>
        _stores.TryGetValue(handle, out var store) ? store : throw new ArgumentException($"No sandbox store {handle}; add it first.", nameof(handle));

    private byte[] RandomBytes(int count)
    {
        var bytes = new byte[count];
        _random.NextBytes(bytes);
        return bytes;
    }
}
