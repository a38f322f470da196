using CouponFunctions.Core.BulkActions;
using CouponFunctions.Core.Inspections;
using CouponFunctions.Core.Inspections.Runs;
using CouponFunctions.Core.Stores;

namespace CouponFunctions.App.Api.Findings;

/// <summary>The findings view: each store's latest inspection, findings ordered open first by severity, and a summary.</summary>
internal static class FindingsResponse
{
    public static object From(IReadOnlyList<(Store Store, StoreInspectionRun? Run)> runs, IReadOnlyDictionary<StoreId, IReadOnlyDictionary<string, FindingRemedy>> remedies)
    {
        var inspected = runs.Where(r => r.Run is not null).ToList();
        var open = inspected.SelectMany(r => r.Run!.Findings).Where(f => f.IsOpen).ToList();
        return new
        {
            summary = new
            {
                critical = open.Count(f => f.Finding.Severity == FindingSeverity.Critical),
                warning = open.Count(f => f.Finding.Severity == FindingSeverity.Warning),
                info = open.Count(f => f.Finding.Severity == FindingSeverity.Info),
                @new = open.Count(f => f.State == FindingState.New),
                resolved = inspected.SelectMany(r => r.Run!.Findings).Count(f => !f.IsOpen),
            },
            stores = inspected.Select(r => new
            {
                store = new { id = r.Store.Id.Value, displayName = r.Store.DisplayName, platform = r.Store.Platform.ToString().ToLowerInvariant(), site = r.Store.Site, timeZone = r.Store.TimeZoneId },
                slot = r.Run!.SlotKey,
                inspectedAt = r.Run.InspectedAt,
                notes = r.Run.Notes ?? [],
                findings = r.Run.Findings
                    .OrderBy(f => f.State == FindingState.Resolved).ThenBy(f => f.Finding.Severity).ThenBy(f => f.State)
                    .Select(f => new
                    {
                        key = f.Key,
                        state = f.State,
                        f.FirstSeenAt,
                        f.LastSeenAt,
                        code = f.Finding.Code,
                        severity = f.Finding.Severity,
                        couponId = f.Finding.PlatformCouponId,
                        couponName = f.Finding.CouponName,
                        couponCode = f.Finding.CouponCode,
                        message = f.Finding.Message,
                        action = f.Finding.Action,
                        remedy = f.IsOpen && remedies.TryGetValue(r.Store.Id, out var fixes) && fixes.TryGetValue(f.Key, out var fix) ? Remedy(fix) : null,
                    }),
            }).ToList(),
            notInspected = runs.Where(r => r.Run is null).Select(r => new { id = r.Store.Id.Value, displayName = r.Store.DisplayName }),
        };
    }

    /// <summary>The fix: what it does, and (where an action can do it) the body to POST to the action preview.</summary>
    private static object Remedy(FindingRemedy fix) => new
    {
        explanation = fix.Explanation,
        preview = fix.Request is { } request
            ? new
            {
                url = "/api/coupons/actions/preview",
                body = new { action = BulkActionInput.From(request), coupons = new[] { new { storeId = fix.Coupon.StoreId.Value, couponId = fix.Coupon.PlatformCouponId } } },
            }
            : null,
    };
}
