using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Rules;
using CouponFunctions.Core.Stores;

namespace CouponFunctions.Platforms.Shopee;

// Writes are checked against the rule catalog before any call, for the facts Shopee states plainly (voucher_code:
// 0-9A-Za-z, at most 5 characters; start not in the past; end at least 1 h after start, at most 3 months): the operator
// gets the catalog's plain words instead of a spent call and Shopee's error code. The amount rules stay with Shopee,
// whose regional limits the catalog only partly knows.
internal sealed partial class ShopeeClient
{
    private static readonly HashSet<string> PreCheckedCodes = new(StringComparer.Ordinal)
    {
        RuleCodes.CodeRequired, RuleCodes.CodeFormat, RuleCodes.CodeLength,
        RuleCodes.EndBeforeStart, RuleCodes.StartInPast, RuleCodes.StartTooSoon, RuleCodes.EndInPast, RuleCodes.TooShort, RuleCodes.TooLong,
    };

    private PlatformError? PreCheck(string site, CouponDraft draft) =>
        Refusal(_rules.ValidateDraft(Platform.Shopee, site, draft, _time.GetUtcNow()));

    private PlatformError? PreCheck(string site, Coupon current, CouponChange change) =>
        Refusal(_rules.ValidateChange(Platform.Shopee, site, current, change, _time.GetUtcNow()));

    private static PlatformError? Refusal(IReadOnlyList<RuleViolation> violations)
    {
        var broken = violations.Where(v => PreCheckedCodes.Contains(v.Code)).ToList();
        return broken.Count == 0 ? null
            : new PlatformError(Platform.Shopee, PlatformErrorKind.Rejected, broken[0].Code, string.Join(" ", broken.Select(v => v.Message)));
    }
}
