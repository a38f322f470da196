using CouponFunctions.Core.Customers;
using CouponFunctions.Core.Stores;

namespace CouponFunctions.Core.Sends;

/// <summary>
/// The link a message carries for the customer to get the coupon, tagged utm_source=couponfunctions,
/// utm_medium=email|sms and utm_campaign=&lt;campaign or send id&gt;.
/// <list type="bullet">
/// <item>Shopee has no public claim link for a voucher (its voucher pages carry a platform signature only Shopee makes):
/// the message links to the shop page, https://shopee.{site domain}/shop/{shop id}, and the customer types the code at checkout.</item>
/// <item>Lazada and TikTok Shop have no public claim link either, and their shop pages are addressed by a store name the
/// APIs we use do not return: the merchant gives the page (the send's landingUrl, on the platform's own domain).</item>
/// <item>SHOPLINE: the storefront, https://{handle}.myshopline.com/ (or the merchant's landingUrl, which may be a custom
/// domain); discount codes are typed at checkout, since SHOPLINE documents no link that applies a code.</item>
/// </list>
/// </summary>
public static class ClaimLinks
{
    public const string UtmSource = "couponfunctions";

    private static readonly Dictionary<string, string> ShopeeDomains = new(StringComparer.OrdinalIgnoreCase)
    {
        ["SG"] = "shopee.sg", ["MY"] = "shopee.com.my", ["PH"] = "shopee.ph", ["TH"] = "shopee.co.th", ["VN"] = "shopee.vn",
        ["ID"] = "shopee.co.id", ["TW"] = "shopee.tw", ["BR"] = "shopee.com.br", ["MX"] = "shopee.com.mx",
    };

    private static readonly Dictionary<string, string> LazadaDomains = new(StringComparer.OrdinalIgnoreCase)
    {
        ["SG"] = "lazada.sg", ["MY"] = "lazada.com.my", ["PH"] = "lazada.com.ph", ["TH"] = "lazada.co.th", ["VN"] = "lazada.vn", ["ID"] = "lazada.co.id",
    };

    /// <summary>The landing page of a store's sends without UTM tags, or null with the reason (landingUrl missing or off-platform).</summary>
    public static Uri? Landing(Store store, Uri? landingUrl, out string? error)
    {
        error = null;
        if (landingUrl is not null)
        {
            if (!landingUrl.IsAbsoluteUri || landingUrl.Scheme != Uri.UriSchemeHttps || !string.IsNullOrEmpty(landingUrl.UserInfo))
                error = "The landing URL must be an https address without user information.";
            else if (!OnPlatform(store, landingUrl.Host))
                error = $"The landing URL must be on {store.Platform.ToWire()}'s own site for {store.Site} ({string.Join(", ", Hosts(store))}).";
            return error is null ? landingUrl : null;
        }

        switch (store.Platform)
        {
            case Platform.Shopee when ShopeeDomains.TryGetValue(store.Site, out var domain):
                return new Uri($"https://{domain}/shop/{Uri.EscapeDataString(store.ShopId)}");
            case Platform.Shopline:
                return new Uri($"https://{Uri.EscapeDataString(store.ShopId)}.myshopline.com/");
            default:
                error = $"{store.Platform.ToWire()} has no public link to a coupon or shop that we can build: give the shop's page as landingUrl.";
                return null;
        }
    }

    /// <summary>The landing page with the UTM tags for one channel (existing query parameters are kept; utm_* are replaced).</summary>
    public static Uri Tag(Uri landing, ContactChannel channel, string campaign)
    {
        var kept = landing.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !p.StartsWith("utm_source=", StringComparison.Ordinal) && !p.StartsWith("utm_medium=", StringComparison.Ordinal)
                && !p.StartsWith("utm_campaign=", StringComparison.Ordinal));
        var tags = new[] { "utm_source=" + UtmSource, "utm_medium=" + (channel == ContactChannel.Email ? "email" : "sms"), "utm_campaign=" + Uri.EscapeDataString(campaign) };
        var builder = new UriBuilder(landing) { Query = string.Join('&', kept.Concat(tags)) };
        return builder.Uri;
    }

    private static bool OnPlatform(Store store, string host) =>
        store.Platform == Platform.Shopline || Hosts(store).Any(h => host.Equals(h, StringComparison.OrdinalIgnoreCase) || host.EndsWith("." + h, StringComparison.OrdinalIgnoreCase));

    private static IEnumerable<string> Hosts(Store store) => store.Platform switch
    {
        Platform.Shopee => ShopeeDomains.TryGetValue(store.Site, out var d) ? [d] : [],
        Platform.Lazada => LazadaDomains.TryGetValue(store.Site, out var d) ? [d] : [],
        Platform.TikTok => ["tiktok.com"],
        _ => ["any https site"],
    };
}
