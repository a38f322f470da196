using CouponFunctions.Core.Alerts;
using CouponFunctions.Core.Queues;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;
using Microsoft.Extensions.Logging;

namespace CouponFunctions.Core.Inspections.Runs;

/// <summary>
/// The InspectCoupons timer's use case (every few minutes, in UTC): finds each store whose local inspection slot is due
/// and not done yet, and sends one message per tenant with every store due (one digest, however many zones the stores
/// are in). Stores in Bangkok and Manila are each inspected at their own 09:00. A slot already planned is not planned again unless it stayed undone for a while.
/// </summary>
public sealed class PlanInspectionsHandler(
    ITenantRepository tenants,
    IStoreRepository stores,
    IAlertSettingsRepository settings,
    IInspectionRepository inspections,
    IWorkQueue queue,
    TimeProvider time,
    ILogger<PlanInspectionsHandler> logger)
{
    private static readonly TimeSpan ReplanAfter = TimeSpan.FromMinutes(30);

    public async Task<int> HandleAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var messages = 0;
        await foreach (var tenant in tenants.ListAsync(cancellationToken))
        {
            try
            {
                messages += await PlanTenantAsync(tenant.Id, now, cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // One tenant's bad data must not stop the others' inspections.
                logger.LogError(e, "Planning inspections of tenant {TenantId} failed", tenant.Id);
            }
        }
        return messages;
    }

    private async Task<int> PlanTenantAsync(TenantId tenantId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var slots = (await settings.GetAsync(tenantId, cancellationToken)).Inspection.Slots;
        var states = (await inspections.ListStatesAsync(tenantId, cancellationToken)).ToDictionary(s => s.StoreId);
        var due = new List<(Store Store, InspectionSlot Slot)>();
        foreach (var store in await stores.ListAsync(tenantId, cancellationToken))
        {
            if (store.Status == StoreStatus.Disabled) continue;
            var state = states.GetValueOrDefault(store.Id);
            if (InspectionSlots.Pending(store.TimeZone, slots, now, state?.LastInspectedAt) is not { } slot) continue;
            // Only today's slots (store-local): a slot missed yesterday is not run late; today's next slot covers it.
            if (slot.LocalDate != ZoneTime.LocalDate(now, store.TimeZone)) continue;
            if (state?.LastSlotKey == slot.Key) continue;
            if (state?.PlannedSlotKey == slot.Key && state.PlannedAt > now - ReplanAfter) continue;
            if (await inspections.TryMarkPlannedAsync(tenantId, store.Id, slot.Key, now, state?.Version, cancellationToken)) due.Add((store, slot));
        }

        if (due.Count == 0) return 0;
        // One message (so one digest) for everything due now, whatever zones the stores are in: each store's latest slot due
        // at the planning instant is the one planned for it.
        await queue.EnqueueAsync(new InspectTenantMessage(tenantId.Value, now, due.Select(d => d.Store.Id.Value).ToList()), null, cancellationToken);
        return 1;
    }
}
