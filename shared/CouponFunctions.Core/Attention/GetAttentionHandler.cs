using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Inspections.Runs;
using CouponFunctions.Core.Jobs;
using CouponFunctions.Core.Sends;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Sync;
using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Core.Attention;

/// <summary>
/// Reads what the attention view is built from, for the stores the caller sees, and builds it (<see cref="AttentionBuilder"/>).
/// Jobs span stores, so keys scoped to some stores do not see them; sends are per store and are filtered like stores.
/// </summary>
public sealed class GetAttentionHandler(
    IStoreRepository stores,
    ISyncStateRepository syncStates,
    IInspectionRepository inspections,
    IFindingAcknowledgements acknowledgements,
    ICouponReadModel coupons,
    IJobRepository jobs,
    ISendRepository sends,
    TimeProvider time)
{
    /// <summary>The newest jobs looked at; older failures have left the view's window anyway.</summary>
    private const int JobsRead = 100;

    public async Task<AttentionList> HandleAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        var tenant = caller.TenantId;
        var visible = (await stores.ListAsync(tenant, cancellationToken)).Where(s => caller.CanSee(s.Id)).ToList();
        var ids = visible.Select(s => s.Id).ToHashSet();
        var states = syncStates.ListAsync(tenant, cancellationToken);
        var acks = acknowledgements.ListAsync(tenant, cancellationToken);
        var rows = coupons.GetRowsAsync(tenant, cancellationToken);
        var jobPage = caller.IsScoped ? Task.FromResult(new JobPage([], null)) : jobs.ListAsync(tenant, JobsRead, null, cancellationToken);
        var sendList = sends.ListAsync(tenant, null, cancellationToken);
        var runs = await Task.WhenAll(visible.Where(s => s.Status != StoreStatus.Disabled)
            .Select(s => inspections.GetLatestRunAsync(tenant, s.Id, cancellationToken)));
        var input = new AttentionInput(
            visible,
            (await states).Where(s => ids.Contains(s.StoreId)).ToList(),
            runs.OfType<StoreInspectionRun>().ToList(),
            await acks,
            (await rows).Where(r => ids.Contains(r.StoreId)).ToList(),
            (await jobPage).Jobs,
            (await sendList).Where(s => ids.Contains(s.StoreId)).ToList());
        return AttentionBuilder.Build(input, time.GetUtcNow());
    }
}
