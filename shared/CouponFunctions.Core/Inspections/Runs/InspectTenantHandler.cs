using CouponFunctions.Core.Alerts;
using CouponFunctions.Core.Common;
using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Notifications;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Sync;
using CouponFunctions.Core.Tenancy;
using Microsoft.Extensions.Logging;

namespace CouponFunctions.Core.Inspections.Runs;

/// <summary>
/// Inspects the stores of one tenant for one slot, stores each run with its findings marked new, ongoing or resolved
/// against the store's previous run, updates the list's findings, and sends the tenant one digest. Each store's slot is
/// claimed by one digest (a second message for it, such as the demo's first inspection after the planner's, leaves it
/// out); a retried message reuses the runs already stored for the slot, and the digest's idempotency key is the message,
/// so nothing is sent twice.
/// </summary>
public sealed class InspectTenantHandler(
    ITenantRepository tenants,
    IStoreRepository stores,
    ICouponRepository coupons,
    ISyncStateRepository syncStates,
    IInspectionRepository inspections,
    IFindingsReadModel findingsReadModel,
    IAlertSettingsRepository alertSettings,
    INotificationSink notifications,
    CouponInspector inspector,
    AdminLinks links,
    TimeProvider time,
    ILogger<InspectTenantHandler> logger)
{
    /// <param name="lastAttempt">On the last delivery of the message, send the digest even if some stores failed.</param>
    public async Task<InspectionDigest?> HandleAsync(InspectTenantMessage message, bool lastAttempt, CancellationToken cancellationToken = default)
    {
        var tenantId = TenantId.Parse(message.TenantId);
        var tenant = await tenants.GetAsync(tenantId, cancellationToken);
        if (tenant is null) return null;
        var settings = await alertSettings.GetAsync(tenantId, cancellationToken);
        var digestKey = DigestKey(message);
        var results = new List<StoreFindings>();
        var failed = new List<StoreId>();
        foreach (var id in message.StoreIds)
        {
            var store = StoreId.TryParse(id, out var storeId) ? await stores.GetAsync(tenantId, storeId, cancellationToken) : null;
            if (store is null) continue;
            try
            {
                var run = await InspectStoreAsync(store, message.DueAt, settings, digestKey, cancellationToken);
                if (run is not null) results.Add(new StoreFindings(store, run.InspectedAt, run.Findings));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Inspecting {Store} failed", store);
                failed.Add(store.Id);
            }
        }
        if (failed.Count > 0 && !lastAttempt)
            throw new InvalidOperationException($"Inspection of {failed.Count} store(s) failed ({string.Join(", ", failed)}); the message will be retried.");
        if (results.Count == 0) return null;

        var digest = InspectionDigest.Build(tenantId, tenant.Name, results, links.AdminBaseUrl);
        await notifications.SendAsync(new Notification(
            tenantId, digestKey, "inspection.digest", settings.Recipients,
            digest.Subject, digest.RenderText(), digest.RenderHtml()), cancellationToken);
        return digest;
    }

    /// <summary>
    /// The digest's id (its idempotency key): the same for every delivery of one message, different for two messages (the
    /// planner's and the demo's, or two planning runs), which <see cref="IInspectionRepository.ClaimSlotAsync"/> keeps apart.
    /// </summary>
    public static string DigestKey(InspectTenantMessage message)
    {
        var stores = string.Join(",", message.StoreIds.Order(StringComparer.Ordinal));
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(stores)))[..8];
        return $"digest_{message.DueAt.UtcDateTime:yyyyMMdd'T'HHmmss}_{hash}";
    }

    private async Task<StoreInspectionRun?> InspectStoreAsync(Store store, DateTimeOffset dueAt, AlertSettings settings, string digestKey, CancellationToken cancellationToken)
    {
        if (InspectionSlots.LatestDue(store.TimeZone, settings.Inspection.Slots, dueAt) is not { } slot) return null;
        // One digest per store and slot: a slot another message claimed is in that message's digest, not in this one.
        if (await inspections.ClaimSlotAsync(store.TenantId, store.Id, slot.Key, digestKey, cancellationToken) != digestKey) return null;
        if (await inspections.GetRunAsync(store.TenantId, store.Id, slot.Key, cancellationToken) is { } done)
        {
            // A retry after a crash: the run is stored; its read-model write may not be (it is idempotent).
            await findingsReadModel.WriteFindingsAsync(store.TenantId, store.Id, done.Findings, cancellationToken);
            return done;
        }

        var now = time.GetUtcNow();
        var live = (await coupons.LoadStoreAsync(store.TenantId, store.Id, cancellationToken)).Values.Where(c => !c.IsRemoved).Select(c => c.Coupon).ToList();
        var health = (await syncStates.GetAsync(store.TenantId, store.Id, cancellationToken))?.ToHealth() ?? StoreSyncHealth.Never;
        var outcome = inspector.Run(new StoreInspectionInput(store, live, health, now), settings.Inspection);
        var previous = await inspections.GetLatestRunAsync(store.TenantId, store.Id, cancellationToken);
        var tracked = FindingComparer.Compare(previous?.Findings ?? [], outcome.Findings, now);
        var run = new StoreInspectionRun(store.TenantId, store.Id, slot.Key, now, tracked, outcome.Notes);
        await inspections.SaveRunAsync(run, cancellationToken);
        await findingsReadModel.WriteFindingsAsync(store.TenantId, store.Id, tracked, cancellationToken);
        logger.LogInformation("Inspected {Store} for slot {Slot}: {Open} open findings", store, slot.Key, tracked.Count(f => f.IsOpen));
        return run;
    }
}
