using System.Globalization;
using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Coupons.Listing;
using CouponFunctions.Core.Inspections;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Rules;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Templates;

namespace CouponFunctions.Core.Deployments;

/// <summary>What <see cref="TemplateDraftBuilder"/> made of a template for one store.</summary>
internal sealed record BuiltDraft(CouponDraft? Draft, DraftView? View, CouponVisibility Visibility, IReadOnlyList<PreviewIssue> Issues, IReadOnlyList<string> Advice);

/// <summary>Lays a template (already merged with its platform override) onto one store: the store's currency and its
/// decimals, its own clock, its products, its code.</summary>
internal static class TemplateDraftBuilder
{
    public static BuiltDraft Build(TemplateDefinition t, string codeSeed, Store store, PlatformRules rules, DateTimeOffset deployAt, TimeSpan startBuffer)
    {
        var issues = new List<PreviewIssue>();
        var advice = new List<string>();
        if (VisibilitySupport.Check(store.Platform, t.Visibility) is { } visibilityIssue) issues.Add(visibilityIssue);

        var currency = rules.Currency;
        var money = Money(t, rules, issues, advice);
        if (money is null) return new BuiltDraft(null, null, t.Visibility, issues, advice);

        var zone = StoreZones.Find(store.TimeZoneId);
        var (from, to) = Window(t.Validity, zone, deployAt, advice);
        var name = DisplayNamePattern.Render(t.DisplayNamePattern, t.Name, store.DisplayName, store.Site, store.Platform.ToWire(), t.Campaign?.Name);
        var code = rules.Code.Requirement == CodeRequirement.NotSupported ? null
            : t.Code.Mode == CodeMode.Fixed ? t.Code.Value
            : StoreCodes.For(t.Code.Value, codeSeed, store.Id, t.Code.SuffixLength);

        var draft = new CouponDraft
        {
            Name = name,
            Code = code,
            Scope = t.Scope.IsShopWide ? CouponScope.Shop : CouponScope.Product,
            Reward = money.Reward,
            DiscountAmount = money.Amount,
            Percentage = money.Percentage,
            MaxDiscount = money.Cap,
            MinSpend = money.MinSpend,
            TotalQuantity = t.TotalQuantity,
            PerBuyerLimit = t.PerBuyerLimit,
            ValidFrom = from,
            ValidTo = to,
            ProductIds = t.Scope.IsShopWide ? [] : t.Scope.ProductsOf(store.Id),
        };

        if (from - deployAt < startBuffer)
            advice.Add($"It starts {Words(from - deployAt)} after the deploy. The checklist advises a buffer of {Words(startBuffer)}: schedule it that far ahead so every store has it live, and checked, before the campaign begins.");

        var view = new DraftView
        {
            Name = name,
            Code = code,
            Visibility = t.Visibility,
            Reward = money.Reward,
            Currency = currency,
            CurrencyDecimals = rules.CurrencyDecimals,
            DiscountText = money.Reward == RewardType.FixedAmount
                ? $"{rules.FormatMoney(money.Amount!.Value)} off"
                : $"{Percent(money.Percentage!.Value)} off" + (money.Cap is { } cap ? $", up to {rules.FormatMoney(cap)}" : ", no cap"),
            MinSpendText = money.MinSpend > 0m ? rules.FormatMoney(money.MinSpend) : "none",
            TotalQuantity = t.TotalQuantity,
            PerBuyerLimit = t.PerBuyerLimit,
            LocalStart = TimeZoneInfo.ConvertTime(from, zone),
            LocalEnd = TimeZoneInfo.ConvertTime(to, zone),
            TimeZoneId = store.TimeZoneId,
            StartText = LocalText(from, zone, store.TimeZoneId),
            EndText = LocalText(to, zone, store.TimeZoneId),
            CampaignTag = t.Campaign?.Tag,
        };
        return new BuiltDraft(draft, view, t.Visibility, issues, advice);
    }

    private sealed record DraftMoney(RewardType Reward, decimal? Amount, decimal? Percentage, decimal? Cap, decimal MinSpend);

    private static DraftMoney? Money(TemplateDefinition t, PlatformRules rules, List<PreviewIssue> issues, List<string> advice)
    {
        var currency = rules.Currency;
        var decimals = rules.CurrencyDecimals;
        decimal Round(decimal value, string what)
        {
            var rounded = Rules.Money.Round(value, decimals);
            if (rounded != value)
                advice.Add($"The {what} {value.ToString(CultureInfo.InvariantCulture)} is rounded to {rules.FormatMoney(rounded)}: {rules.DisplayName} takes {currency} amounts with {decimals} decimals on {rules.Site.Name}.");
            return rounded;
        }

        var minSpend = 0m;
        if (t.MinSpend.TryGetValue(currency, out var spend)) minSpend = Round(spend, "minimum spend");
        else if (t.MinSpend.Count > 0)
            issues.Add(new PreviewIssue($"minSpend.{currency}", PreviewCodes.MinSpendMissing,
                $"The template sets a minimum spend in {string.Join(", ", t.MinSpend.Keys.Order())} but not in {currency}: this store's coupon has no minimum spend.", IssueSeverity.Warning));

        switch (t.Discount.Kind)
        {
            case TemplateRewardKind.FixedAmount:
                if (t.Discount.Amount?.TryGetValue(currency, out var amount) != true)
                {
                    issues.Add(new PreviewIssue($"discount.amount.{currency}", PreviewCodes.AmountMissing,
                        $"The template has no fixed amount in {currency} for this {rules.Site.Name} store; add one, or a {rules.Platform.ToWire()} override.", IssueSeverity.Blocking));
                    return null;
                }

                return new DraftMoney(RewardType.FixedAmount, Round(amount, "discount"), null, null, minSpend);
            case TemplateRewardKind.Percentage:
                decimal? cap = null;
                if (t.Discount.Cap?.TryGetValue(currency, out var c) == true) cap = Round(c, "maximum discount");
                else if (t.Discount.Cap is { Count: > 0 })
                    issues.Add(new PreviewIssue($"discount.cap.{currency}", PreviewCodes.CapMissing,
                        $"The template caps the discount in {string.Join(", ", t.Discount.Cap.Keys.Order())} but not in {currency}: this store's coupon has no cap.", IssueSeverity.Warning));
                return new DraftMoney(RewardType.Percentage, null, t.Discount.Percentage, cap, minSpend);
            default:
                issues.Add(new PreviewIssue(RuleFields.Reward, RuleCodes.RewardUnsupported,
                    $"{rules.Plural} cannot be free shipping through the API; create a shipping {rules.CouponNoun} in the seller center.", IssueSeverity.Blocking));
                return null;
        }
    }

    private static (DateTimeOffset From, DateTimeOffset To) Window(TemplateValidity v, TimeZoneInfo zone, DateTimeOffset deployAt, List<string> advice)
    {
        if (v.Kind == ValidityKind.Relative)
        {
            var start = deployAt.ToUniversalTime().AddHours(v.StartAfterHours ?? 0);
            return (start, start.AddDays(v.DurationDays ?? 1));
        }

        return (Local(v.LocalStart!.Value, zone, advice), Local(v.LocalEnd!.Value, zone, advice));
    }

    private static DateTimeOffset Local(DateTime local, TimeZoneInfo zone, List<string> advice)
    {
        var instant = ZoneTime.ToInstant(DateOnly.FromDateTime(local), TimeOnly.FromDateTime(local), zone);
        var shown = TimeZoneInfo.ConvertTime(instant, zone).DateTime;
        if (shown != local)
            advice.Add($"{local:yyyy-MM-dd HH:mm} does not exist in {zone.Id} (clocks jump forward that night); it becomes {shown:yyyy-MM-dd HH:mm}.");
        return instant;
    }

    internal static string LocalText(DateTimeOffset instant, TimeZoneInfo zone, string zoneId)
    {
        var local = TimeZoneInfo.ConvertTime(instant, zone);
        return local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " (UTC" + local.ToString("zzz", CultureInfo.InvariantCulture) + ") " + zoneId;
    }

    internal static string Percent(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture) + "%";

    internal static string Words(TimeSpan span)
    {
        if (span <= TimeSpan.Zero) return "0 hours";
        if (span.TotalHours < 1) return $"{(int)span.TotalMinutes} minutes";
        var hours = (int)span.TotalHours;
        return hours == 1 ? "1 hour" : $"{hours} hours";
    }
}
