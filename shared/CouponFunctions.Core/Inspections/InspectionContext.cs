using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Rules;
using CouponFunctions.Core.Stores;

namespace CouponFunctions.Core.Inspections;

/// <summary>One store's inspection: the time-zone arithmetic done once per store, so each coupon costs only comparisons.</summary>
internal sealed class InspectionContext
{
    public InspectionContext(StoreInspectionInput input, InspectionSettings settings, CouponRuleInspector ruleInspector)
    {
        Store = input.Store;
        SyncHealth = input.SyncHealth;
        Settings = settings;
        RuleInspector = ruleInspector;
        Now = input.Now.ToUniversalTime();
        Zone = TimeZoneInfo.FindSystemTimeZoneById(Store.TimeZoneId);
        Today = ZoneTime.LocalDate(Now, Zone);
        TomorrowStartsAt = ZoneTime.StartOfDay(Today.AddDays(1), Zone);
        WindowEndsAt = ZoneTime.StartOfDay(Today.AddDays(settings.ExpiryWindowDays + 1), Zone);
        // An unknown site has no rule catalog entry: the cap rule is skipped rather than failing the store.
        HasKnownSite = Sites.TryGet(Store.Site, out _);
    }

    public Store Store { get; }

    public StoreSyncHealth SyncHealth { get; }

    public InspectionSettings Settings { get; }

    public CouponRuleInspector RuleInspector { get; }

    public DateTimeOffset Now { get; }

    public TimeZoneInfo Zone { get; }

    /// <summary>The store's local calendar day at <see cref="Now"/>.</summary>
    public DateOnly Today { get; }

    /// <summary>The first instant of the store's local tomorrow: "ends today" means before it.</summary>
    public DateTimeOffset TomorrowStartsAt { get; }

    /// <summary>The first instant after the expiry window's last local day.</summary>
    public DateTimeOffset WindowEndsAt { get; }

    public bool HasKnownSite { get; }

    /// <summary>How many coupons each rule could not judge, and why ("threshold" → "the minimum spend is not known yet" → 12).</summary>
    public Dictionary<(string Rule, string Reason), int> NotJudgedCounts { get; } = [];

    /// <summary>Records that a rule did not fire because a value it needs is unknown: unknown is not zero.</summary>
    public void NotJudged(string rule, string reason) =>
        NotJudgedCounts[(rule, reason)] = NotJudgedCounts.GetValueOrDefault((rule, reason)) + 1;

    /// <summary>The run's notes: one line per rule and reason, e.g. "threshold: 12 coupons not judged: the minimum spend is not known yet (the next sync reads it from the platform).".</summary>
    public IReadOnlyList<string> Notes() =>
        [.. NotJudgedCounts.OrderBy(n => n.Key.Rule, StringComparer.Ordinal).ThenBy(n => n.Key.Reason, StringComparer.Ordinal)
            .Select(n => $"{n.Key.Rule}: {n.Value} coupon{(n.Value == 1 ? "" : "s")} not judged: {n.Key.Reason} (the next sync reads it from the platform).")];

    /// <summary>Running now as far as the last sync knows: ongoing and not past its end.</summary>
    public bool IsLive(Coupon coupon) => coupon.Status == CouponStatus.Ongoing && coupon.ValidTo > Now;

    /// <summary>Not finished: ended and deactivated coupons raise no findings about stock, expiry or terms.</summary>
    public static bool IsOpen(Coupon coupon) => coupon.Status is CouponStatus.Upcoming or CouponStatus.Ongoing or CouponStatus.Paused;

    /// <summary>"Sun 23 Nov 23:59 (Asia/Bangkok)": an instant on the store's clock, with the year when it is not this one.</summary>
    public string When(DateTimeOffset instant) => InspectionText.LocalTime(instant, Zone, Today.Year);

    public string Ago(DateTimeOffset instant) => InspectionText.Span(Now - instant) + " ago";

    public Finding For(Coupon coupon, string code, FindingSeverity severity, string message, string action) => new()
    {
        Code = code,
        Severity = severity,
        TenantId = Store.TenantId,
        StoreId = Store.Id,
        PlatformCouponId = coupon.PlatformCouponId,
        CouponName = coupon.Name,
        CouponCode = coupon.Code,
        Message = message,
        Action = action,
    };

    public Finding ForStore(string code, FindingSeverity severity, string message, string action) => new()
    {
        Code = code,
        Severity = severity,
        TenantId = Store.TenantId,
        StoreId = Store.Id,
        Message = message,
        Action = action,
    };
}
