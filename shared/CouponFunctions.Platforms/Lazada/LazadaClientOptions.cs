using CouponFunctions.Platforms.Common;

namespace CouponFunctions.Platforms.Lazada;

/// <summary>Settings of the Lazada connector, bound from <c>Platforms:Lazada</c>.</summary>
public sealed class LazadaClientOptions : PlatformClientOptions
{
    public const string Name = "Lazada";

    public LazadaClientOptions()
    {
        // Lazada publishes daily caps but no QPS figures (platform-apis.md §2, UNCERTAIN): conservative defaults,
        // to be set from the app console.
        AppQps = 10;
        ShopQps = 2;
    }

    /// <summary>The app's app_key from the Lazada Open Platform console (also the OAuth client_id).</summary>
    public string AppKey { get; set; } = string.Empty;

    /// <summary>The app's app_secret: the HMAC key of every signature. A secret: never sent, never logged.</summary>
    public string AppSecret { get; set; } = string.Empty;

    /// <summary>The API gateway of each site (Lazada has one per country; a seller is called on its own country's).</summary>
    public Dictionary<string, Uri> Gateways { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["SG"] = new("https://api.lazada.sg/rest"),
        ["MY"] = new("https://api.lazada.com.my/rest"),
        ["PH"] = new("https://api.lazada.com.ph/rest"),
        ["TH"] = new("https://api.lazada.co.th/rest"),
        ["VN"] = new("https://api.lazada.vn/rest"),
        ["ID"] = new("https://api.lazada.co.id/rest"),
    };

    /// <summary>When set, every site is called on <see cref="PlatformClientOptions.BaseUrl"/> instead of its gateway
    /// (a sandbox such as <c>http://127.0.0.1:7071/sandbox/lazada/rest</c>, or a proxy).</summary>
    public bool UseBaseUrlForAllSites { get; set; }

    /// <summary>Where the token APIs (/auth/token/create, /auth/token/refresh) live; shared by all countries.</summary>
    public Uri AuthBaseUrl { get; set; } = new("https://auth.lazada.com/rest");

    /// <summary>The seller's authorization page.</summary>
    public Uri AuthorizeUrl { get; set; } = new("https://auth.lazada.com/oauth/authorize");

    /// <summary>Vouchers per /promotion/vouchers/get page. Lazada states no maximum for this API (UNCERTAIN); its
    /// other list APIs allow 100, so we stay within 1–100.</summary>
    public int PageSize { get; set; } = 50;

    /// <summary>display_area of created vouchers: REGULAR_CHANNEL, STORE_FOLLOWER, OFFLINE, LIVE_STREAM or CEM_SELLER.</summary>
    public string DisplayArea { get; set; } = "REGULAR_CHANNEL";

    /// <summary>The gateway that serves a site, or null when the site has none.</summary>
    public Uri? GatewayFor(string site) =>
        UseBaseUrlForAllSites ? BaseUrl : Gateways.TryGetValue(site, out var gateway) ? gateway : null;

    public override void Validate()
    {
        base.Validate();
        Require(PageSize is >= 1 and <= 100, nameof(PageSize), "must be 1–100");
        Require(Gateways.Values.All(g => g.IsAbsoluteUri), nameof(Gateways), "must hold absolute URLs");
        Require(AuthBaseUrl.IsAbsoluteUri, nameof(AuthBaseUrl), "must be an absolute URL");
        Require(AuthorizeUrl.IsAbsoluteUri, nameof(AuthorizeUrl), "must be an absolute URL");
        Require(!string.IsNullOrWhiteSpace(DisplayArea), nameof(DisplayArea), "must be set");
    }

    public override string ToString() =>
        $"LazadaClientOptions {{ AppKey = {AppKey}, BaseUrl = {BaseUrl}, UseBaseUrlForAllSites = {UseBaseUrlForAllSites}, AuthBaseUrl = {AuthBaseUrl}, AppSecret = *** }}";
}
