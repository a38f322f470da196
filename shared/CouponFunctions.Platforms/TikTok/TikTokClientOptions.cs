using CouponFunctions.Platforms.Common;

namespace CouponFunctions.Platforms.TikTok;

/// <summary>Settings of the TikTok Shop connector, bound from <c>Platforms:TikTok</c>.</summary>
public sealed class TikTokClientOptions : PlatformClientOptions
{
    public const string Name = "TikTok";

    public TikTokClientOptions()
    {
        BaseUrl = new Uri("https://open-api.tiktokglobalshop.com");
        // TikTok Shop publishes no QPS figures (platform-apis.md §3, UNCERTAIN): conservative defaults.
        AppQps = 10;
        ShopQps = 2;
    }

    /// <summary>Host of the token endpoints (/api/v2/token/get, /refresh); sandbox: https://auth-sandbox.tiktok-shops.com.</summary>
    public Uri AuthBaseUrl { get; set; } = new("https://auth.tiktok-shops.com");

    /// <summary>The seller's authorization page (US sellers: https://services.us.tiktokshop.com/open/authorize).</summary>
    public Uri AuthorizePageUrl { get; set; } = new("https://services.tiktokshop.com/open/authorize");

    /// <summary>The app's app_key from Partner Center.</summary>
    public string AppKey { get; set; } = string.Empty;

    /// <summary>The app's app_secret: the HMAC key, also sent in the token endpoints' query. A secret: never logged.</summary>
    public string AppSecret { get; set; } = string.Empty;

    /// <summary>The service_id of the app's authorization page.</summary>
    public string ServiceId { get; set; } = string.Empty;

    /// <summary>Coupons per SearchCoupons page (1–100).</summary>
    public int PageSize { get; set; } = 50;

    /// <summary>Whether listing reads each coupon's detail for claimed/redeemed counts (one more call per coupon).</summary>
    public bool FetchUsageStats { get; set; } = true;

    /// <summary>Detail reads in flight at once while listing (the limiter still paces them; as many as sync's own detail reads).</summary>
    public int DetailConcurrency { get; set; } = 8;

    public override void Validate()
    {
        base.Validate();
        Require(AuthBaseUrl.IsAbsoluteUri, nameof(AuthBaseUrl), "must be an absolute URL");
        Require(AuthorizePageUrl.IsAbsoluteUri, nameof(AuthorizePageUrl), "must be an absolute URL");
        Require(PageSize is >= 1 and <= 100, nameof(PageSize), "must be 1–100");
        Require(DetailConcurrency is >= 1 and <= 16, nameof(DetailConcurrency), "must be 1–16");
    }

    public override string ToString() => $"TikTokClientOptions {{ AppKey = {AppKey}, BaseUrl = {BaseUrl}, AppSecret = *** }}";
}
