using CouponFunctions.Platforms.Common;

namespace CouponFunctions.Platforms.Shopee;

/// <summary>Settings of the Shopee connector, bound from <c>Platforms:Shopee</c>.</summary>
public sealed class ShopeeClientOptions : PlatformClientOptions
{
    public const string Name = "Shopee";

    public ShopeeClientOptions()
    {
        BaseUrl = new Uri("https://partner.shopeemobile.com");
        // Shopee publishes no QPS figures (platform-apis.md §1, UNCERTAIN): conservative defaults, set from the app console.
        AppQps = 10;
        ShopQps = 2;
    }

    /// <summary>The app's partner_id from the Shopee Open Platform console (0 = not configured).</summary>
    public long PartnerId { get; set; }

    /// <summary>The app's partner_key: the HMAC key of every signature. A secret: never logged.</summary>
    public string PartnerKey { get; set; } = string.Empty;

    /// <summary>Vouchers per get_voucher_list page (Shopee allows 1–100).</summary>
    public int PageSize { get; set; } = 100;

    /// <summary>Display channels of created vouchers (1 all, 3 feed, 4 live; empty = hidden).</summary>
    public int[] DisplayChannels { get; set; } = [1];

    public override void Validate()
    {
        base.Validate();
        Require(PartnerId >= 0, nameof(PartnerId), "must not be negative");
        Require(PageSize is >= 1 and <= 100, nameof(PageSize), "must be 1–100");
    }

    public override string ToString() => $"ShopeeClientOptions {{ PartnerId = {PartnerId}, BaseUrl = {BaseUrl}, PartnerKey = *** }}";
}
