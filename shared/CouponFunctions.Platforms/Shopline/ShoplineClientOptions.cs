using CouponFunctions.Platforms.Common;

namespace CouponFunctions.Platforms.Shopline;

/// <summary>Settings of the SHOPLINE connector, bound from <c>Platforms:Shopline</c>.</summary>
public sealed class ShoplineClientOptions : PlatformClientOptions
{
    public const string Name = "Shopline";

    public ShoplineClientOptions()
    {
        // Every store has its own host, so calls go to StoreUrlTemplate; BaseUrl only names the platform's site.
        BaseUrl = new Uri("https://myshopline.com");
        // 4 requests per second per store with a burst of 40 (platform-apis.md §4.1, UNCERTAIN); we stay at the rate.
        // No app-wide limit is documented: AppQps only caps our own total across stores.
        AppQps = 100;
        ShopQps = 4;
    }

    /// <summary>The root of one store, with <c>{handle}</c> for the store's handle (a sandbox: <c>http://127.0.0.1:7071/sandbox/shopline/{handle}</c>).</summary>
    public string StoreUrlTemplate { get; set; } = "https://{handle}.myshopline.com";

    /// <summary>The Admin REST API version in the path (<c>/admin/openapi/{version}/…</c>).</summary>
    public string ApiVersion { get; set; } = "v20251201";

    /// <summary>The app's appkey from the SHOPLINE developer center.</summary>
    public string AppKey { get; set; } = string.Empty;

    /// <summary>The app secret: the HMAC key of the token calls. A secret: never logged.</summary>
    public string AppSecret { get; set; } = string.Empty;

    /// <summary>Scopes asked for on the authorize page.</summary>
    public string Scopes { get; set; } = "read_price_rules,write_price_rules,read_discounts,write_discounts";

    /// <summary>Price rules per list page (the <c>limit</c> parameter, 1–250).</summary>
    public int PageSize { get; set; } = 100;

    /// <summary>Discount-code reads in flight at once while listing (the limiter still paces them; as many as sync's own detail reads).</summary>
    public int DetailConcurrency { get; set; } = 8;

    public override void Validate()
    {
        base.Validate();
        Require(StoreUrlTemplate.Contains("{handle}", StringComparison.Ordinal)
            && Uri.TryCreate(StoreUrlTemplate.Replace("{handle}", "handle", StringComparison.Ordinal), UriKind.Absolute, out _),
            nameof(StoreUrlTemplate), "must be an absolute URL containing {handle}");
        Require(System.Text.RegularExpressions.Regex.IsMatch(ApiVersion, "^v[0-9]{8}$"), nameof(ApiVersion), "must look like v20251201");
        Require(PageSize is >= 1 and <= 250, nameof(PageSize), "must be 1–250");
        Require(DetailConcurrency is >= 1 and <= 16, nameof(DetailConcurrency), "must be 1–16");
    }

    public override string ToString() => $"ShoplineClientOptions {{ AppKey = {AppKey}, StoreUrlTemplate = {StoreUrlTemplate}, AppSecret = *** }}";
}
