using CouponFunctions.Core.Common;
using CouponFunctions.Core.Templates;

namespace CouponFunctions.Core.Coupons.Campaigns;

/// <summary>The rules of a coupon's campaign name: the same as a template's campaign, compared by its tag.</summary>
public static class CouponCampaign
{
    public const int MaxLength = TemplateValidator.CampaignTextMaxLength;

    /// <summary>The trimmed name, or null (with an error under <paramref name="field"/>) when it is too long, has a control
    /// or text-direction character, or no letter or digit.</summary>
    public static string? Check(string? name, string field, ValidationErrors errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var own = new ValidationErrors();
        var text = TextRules.Check(name, field, "Campaign", MaxLength, required: true, own);
        if (text is not null && own.IsEmpty && Tag(text).Length == 0) own.Add(field, "Campaign needs at least one letter or digit.");
        foreach (var (key, messages) in own)
            foreach (var message in messages) errors.Add(key, message);
        return own.IsEmpty ? text : null;
    }

    /// <summary>The key campaigns are filtered and grouped by ("Mid-Year Sale!" → "mid-year-sale").</summary>
    public static string Tag(string name) => CampaignInfo.TagOf(name);
}
