using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Core.Coupons.Campaigns;

/// <summary>The campaigns on the caller's coupons, each with the stores that carry it (read from the coupon list's read model).</summary>
public sealed class ListCampaignsHandler(ICouponReadModel readModel, IStoreRepository stores)
{
    public async Task<IReadOnlyList<CampaignStores>> ListAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var rowsTask = readModel.GetRowsAsync(caller.TenantId, cancellationToken);
        var storesTask = stores.ListAsync(caller.TenantId, cancellationToken);
        await Task.WhenAll(rowsTask, storesTask);
        var visible = (await storesTask).Where(s => s.Status != StoreStatus.Disabled && caller.CanSee(s.Id)).Select(s => s.Id).ToHashSet();
        return CampaignStores.From(await rowsTask, visible);
    }
}
