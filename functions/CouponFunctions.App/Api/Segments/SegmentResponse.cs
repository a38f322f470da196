using CouponFunctions.Core.Segments;

namespace CouponFunctions.App.Api.Segments;

/// <summary>A segment as the API shows it (with its members and reach when read one at a time).</summary>
internal static class SegmentResponse
{
    public static object From(Segment s, SegmentReach? reach = null) => new
    {
        id = s.Id.Value,
        name = s.Name,
        kind = s.Kind == SegmentKind.Static ? "static" : "rule",
        rule = s.Rule is null ? null : new
        {
            tagsAny = s.Rule.TagsAny, tagsAll = s.Rule.TagsAll, storeId = s.Rule.StoreId?.Value, emailConsent = s.Rule.EmailConsent,
            smsConsent = s.Rule.SmsConsent, createdWithinDays = s.Rule.CreatedWithinDays,
        },
        members = reach?.Members,
        reachable = reach is null ? null : new { email = reach.Email, sms = reach.Sms, emailOrSms = reach.EmailOrSms },
        createdAt = s.CreatedAt,
        updatedAt = s.UpdatedAt,
    };
}
