using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Storage.ReadModel;
using CouponFunctions.Storage.Tables;

namespace CouponFunctions.Storage.Stores;

/// <summary>
/// Stores table, one partition per tenant: "store_{id}" rows, plus a "shop_{platform}_{shopId}" row written in the
/// same entity-group transaction so that one platform shop cannot be added twice to a tenant. Every change of a store
/// is followed by a new version of the tenant's coupon list (which shows stores' names and leaves disabled ones out).
/// </summary>
internal sealed class StoreRepository(TableServiceClient tables, StoreEntityMapper mapper, ReadModelVersion listVersion) : IStoreRepository
{
    private readonly TableClient _table = tables.GetTableClient(TableNames.Stores);

    public async Task<Store?> GetAsync(TenantId tenantId, StoreId storeId, CancellationToken cancellationToken = default)
    {
        var entity = await _table.GetEntityIfExistsAsync<TableEntity>(tenantId.Value, StoreEntityMapper.RowKey(storeId), cancellationToken: cancellationToken);
        return entity.HasValue ? mapper.ToStore(entity.Value!) : null;
    }

    public async Task<IReadOnlyList<Store>> ListAsync(TenantId tenantId, CancellationToken cancellationToken = default)
    {
        var filter = Keys.RowKeyStartsWith(tenantId.Value, StoreEntityMapper.RowPrefix);
        var stores = new List<Store>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken)) stores.Add(mapper.ToStore(entity));
        return stores;
    }

    public async IAsyncEnumerable<Store> ListAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var entity in _table.QueryAsync<TableEntity>(Keys.RowKeyStartsWith(StoreEntityMapper.RowPrefix), cancellationToken: cancellationToken))
        {
            yield return mapper.ToStore(entity);
        }
    }

    public async Task<bool> AddAsync(Store store, CancellationToken cancellationToken = default)
    {
        var shopRow = new TableEntity(store.TenantId.Value, StoreEntityMapper.ShopRowKey(store.Platform, store.ShopId)) { ["StoreId"] = store.Id.Value };
        var failure = await _table.TrySubmitAsync(
            [new TableTransactionAction(TableTransactionActionType.Add, mapper.ToEntity(store)), new TableTransactionAction(TableTransactionActionType.Add, shopRow)],
            cancellationToken);
        // Action 1 is the shop row: refused as existing, the tenant already has this platform shop.
        if (failure is null)
        {
            await listVersion.TouchAsync(store.TenantId, cancellationToken);
            return true;
        }
        return failure is { ActionIndex: 1, Status: 409 } ? false : throw new TableBatchException(failure);
    }

    public async Task<bool> UpdateAsync(Store store, CancellationToken cancellationToken = default)
    {
        var result = await _table.UpdateIfUnchangedAsync(mapper.ToEntity(store), StoreEntityMapper.VersionOf(store), TableUpdateMode.Replace, cancellationToken);
        if (result.IsOk) await listVersion.TouchAsync(store.TenantId, cancellationToken);
        return result.IsOk;
    }
}
