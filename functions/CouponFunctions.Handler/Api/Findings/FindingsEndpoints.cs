using CouponFunctions.Core.Inspections.Runs;
using CouponFunctions.Core.Stores;
using CouponFunctions.Handler.Api.Auth;

namespace CouponFunctions.Handler.Api.Findings;

/// <summary>/api/findings: each visible store's latest inspection, its findings marked new, ongoing or resolved.</summary>
internal static class FindingsEndpoints
{
    public static RouteGroupBuilder MapFindings(this RouteGroupBuilder api)
    {
        api.MapGet("/findings", async (HttpContext http, ManageStoresHandler stores, IInspectionRepository inspections, CancellationToken ct) =>
        {
            var caller = http.Caller();
            var visible = (await stores.ListAsync(caller, ct)).Where(s => s.Status != StoreStatus.Disabled).ToList();
            var runs = await Task.WhenAll(visible.Select(async s => (Store: s, Run: await inspections.GetLatestRunAsync(caller.TenantId, s.Id, ct))));
            var items = runs.Where(r => r.Run is not null).Select(r => new
            {
                store = new { id = r.Store.Id.Value, displayName = r.Store.DisplayName, platform = r.Store.Platform.ToString().ToLowerInvariant(), site = r.Store.Site, timeZone = r.Store.TimeZoneId },
                slot = r.Run!.SlotKey,
                inspectedAt = r.Run.InspectedAt,
                notes = r.Run.Notes ?? [],
                findings = r.Run.Findings
                    .OrderBy(f => f.State == Core.Inspections.FindingState.Resolved).ThenBy(f => f.Finding.Severity).ThenBy(f => f.State)
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
                    }),
            }).ToList();
            var open = runs.Where(r => r.Run is not null).SelectMany(r => r.Run!.Findings).Where(f => f.IsOpen).ToList();
            return Results.Ok(new
            {
                summary = new
                {
                    critical = open.Count(f => f.Finding.Severity == Core.Inspections.FindingSeverity.Critical),
                    warning = open.Count(f => f.Finding.Severity == Core.Inspections.FindingSeverity.Warning),
                    info = open.Count(f => f.Finding.Severity == Core.Inspections.FindingSeverity.Info),
                    @new = open.Count(f => f.State == Core.Inspections.FindingState.New),
                    resolved = runs.Where(r => r.Run is not null).SelectMany(r => r.Run!.Findings).Count(f => !f.IsOpen),
                },
                stores = items,
                notInspected = runs.Where(r => r.Run is null).Select(r => new { id = r.Store.Id.Value, displayName = r.Store.DisplayName }),
            });
        }).WithTags("Findings");
        return api;
    }
}
