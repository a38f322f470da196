using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Rules;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Templates;

namespace CouponFunctions.Core.Deployments;

/// <summary>Template × store → the coupon exactly as that platform will receive it, and the verdict of the rule catalog.
/// Used by the preview endpoint and again by the deploy activity right before it creates (a store may have changed).</summary>
public sealed class DeploymentPreviewer(CouponRuleValidator validator, DeploymentPreviewOptions? options = null)
{
    public static DeploymentPreviewer Default { get; } = new(CouponRuleValidator.Default);

    public DeploymentPreviewOptions Options { get; } = options ?? new DeploymentPreviewOptions();

    /// <summary>The preview of a stored template; its id seeds the per-store codes.</summary>
    public StorePreview Preview(CouponTemplate template, Store store, IReadOnlyCollection<Coupon> storeCoupons, DateTimeOffset deployAt)
    {
        ArgumentNullException.ThrowIfNull(template);
        return Preview(template.Definition, template.Id.Value, store, storeCoupons, deployAt);
    }

    /// <summary>The preview of one store.</summary>
    /// <param name="codeSeed">Seeds the per-store code suffix: the template id, or "inline:" + name for an unsaved template.</param>
    /// <param name="storeCoupons">The store's coupons as last synced, for duplicate codes and the active-coupon limit.</param>
    /// <param name="deployAt">When the coupon would be created: relative validity starts from it and time rules are checked at it.</param>
    public StorePreview Preview(TemplateDefinition template, string codeSeed, Store store, IReadOnlyCollection<Coupon> storeCoupons, DateTimeOffset deployAt)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(storeCoupons);
        var rules = validator.Catalog.For(store.Platform, store.Site);
        var built = TemplateDraftBuilder.Build(template.ForPlatform(store.Platform), codeSeed, store, rules, deployAt, Options.StartBuffer);
        var issues = new List<PreviewIssue>(built.Issues);
        StoreChecks(store, rules, storeCoupons, issues);

        if (built.Draft is { } draft)
        {
            foreach (var v in validator.ValidateDraft(store.Platform, store.Site, draft, deployAt))
                issues.Add(new PreviewIssue(v.Field, v.Code, v.Message, IssueSeverity.Blocking));
            PreviewWarnings.Add(draft, rules, new CouponRuleInspector(validator.Catalog), storeCoupons, deployAt, Options, issues);
        }

        return new StorePreview
        {
            StoreId = store.Id,
            StoreName = store.DisplayName,
            Platform = store.Platform,
            Site = store.Site,
            Draft = built.Draft,
            View = built.View,
            Visibility = built.Visibility,
            Issues = issues,
            Advice = built.Advice,
        };
    }

    /// <summary>The preview of many stores, in the order given, with the summary.</summary>
    public DeploymentPreview PreviewAll(
        TemplateDefinition template, string codeSeed, IEnumerable<(Store Store, IReadOnlyCollection<Coupon> Coupons)> stores, DateTimeOffset deployAt)
    {
        ArgumentNullException.ThrowIfNull(stores);
        var previews = stores.Select(s => Preview(template, codeSeed, s.Store, s.Coupons, deployAt)).ToList();
        return new DeploymentPreview(previews, PreviewSummary.Of(previews));
    }

    private static void StoreChecks(Store store, PlatformRules rules, IReadOnlyCollection<Coupon> coupons, List<PreviewIssue> issues)
    {
        if (store.Status == StoreStatus.NeedsReauthorization)
            issues.Add(new PreviewIssue(RuleFields.Coupon, PreviewCodes.StoreNeedsReauthorization,
                $"{store.DisplayName} must be authorized again on {rules.DisplayName} before anything can be created there.", IssueSeverity.Blocking));
        else if (store.Status == StoreStatus.Disabled)
            issues.Add(new PreviewIssue(RuleFields.Coupon, PreviewCodes.StoreDisabled,
                $"{store.DisplayName} is disabled{(store.StatusReason is null ? "" : ": " + store.StatusReason)}.", IssueSeverity.Blocking));

        if (rules.MaxActiveCouponsPerStore is { } max)
        {
            var active = coupons.Count(c => c.Status is CouponStatus.Upcoming or CouponStatus.Ongoing or CouponStatus.Paused);
            if (active >= max)
                issues.Add(new PreviewIssue(RuleFields.Coupon, PreviewCodes.StoreTooManyActive,
                    $"{rules.DisplayName} allows at most {max:N0} upcoming and ongoing {rules.CouponNoun}s per store; {store.DisplayName} has {active:N0}. End or delete some first.",
                    IssueSeverity.Blocking));
        }
    }
}
