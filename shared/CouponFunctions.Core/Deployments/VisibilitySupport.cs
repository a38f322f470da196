using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Templates;

namespace CouponFunctions.Core.Deployments;

/// <summary>Which visibilities each platform's create API can give a coupon.</summary>
internal static class VisibilitySupport
{
    public static PreviewIssue? Check(Platform platform, CouponVisibility wanted) => (platform, wanted) switch
    {
        // platform-apis.md §2: only COLLECTIBLE_VOUCHER can be created; Lazada has no seller-chosen code.
        (Platform.Lazada, CouponVisibility.CodeOnly) => new PreviewIssue("visibility", PreviewCodes.VisibilityUnsupported,
            "Lazada's API creates only collectible vouchers, which every buyer sees; a code-only coupon cannot be made there. Leave Lazada out or override its visibility to public.",
            IssueSeverity.Blocking),
        // platform-apis.md §4.1: SHOPLINE discount codes are typed at checkout; nothing lists them for claiming.
        (Platform.Shopline, CouponVisibility.Public) => new PreviewIssue("visibility", PreviewCodes.VisibilityDiffers,
            "SHOPLINE discounts are codes buyers type at checkout; this one will not be listed in the shop for claiming.",
            IssueSeverity.Warning),
        _ => null,
    };
}
