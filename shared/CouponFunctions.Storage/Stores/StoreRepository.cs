using System.Runtime.CompilerServices;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Storage.Clients;
using CouponFunctions.Storage.Clients.Tables;

namespace CouponFunctions.Storage.Stores;

/// <summary>
/// Stores table, one partition per tenant: "store_{id}" rows, plus a "shop_{platform}_{shopId}" row written in the
/// same entity-group transaction so that one platform shop cannot be added twice to a tenant.
/// </summary>
internal sealed class StoreRepository(StorageClients storage, StoreEntityMapper mapper) : IStoreRepository
{
    private readonly TableClient _table = storage.GetTableClient(TableNames.Stores);

    public async Task<Store?> GetAsync(TenantId tenantId, StoreId storeId, CancellationToken cancellationToken = default)
    {
        var entity = await _table.GetEntityIfExistsAsync(tenantId.Value, StoreEntityMapper.RowKey(storeId), cancellationToken: cancellationToken);
        return entity.HasValue ? mapper.ToStore(entity.Value!) : null;
    }

    public async Task<IReadOnlyList<Store>> ListAsync(TenantId tenantId, CancellationToken cancellationToken = default)
    {
        var filter = TableFilter.And(TableFilter.Create($"PartitionKey eq {tenantId.Value}"), TableFilter.RowKeyStartsWith(StoreEntityMapper.RowPrefix));
        var stores = new List<Store>();
        await foreach (var entity in _table.QueryAsync(filter, cancellationToken: cancellationToken)) stores.Add(mapper.ToStore(entity));
        return stores;
    }

    public async IAsyncEnumerable<Store> ListAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var entity in _table.QueryAsync(TableFilter.RowKeyStartsWith(StoreEntityMapper.RowPrefix), cancellationToken: cancellationToken))
        {
            yield return mapper.ToStore(entity);
        }
    }

    public async Task<bool> AddAsync(Store store, CancellationToken cancellationToken = default)
    {
        var shopRow = new TableEntity(store.TenantId.Value, StoreEntityMapper.ShopRowKey(store.Platform, store.ShopId)) { ["StoreId"] = store.Id.Value };
        var result = await _table.SubmitTransactionAsync(
            [new TableTransactionAction(TableTransactionActionType.Add, mapper.ToEntity(store)), new TableTransactionAction(TableTransactionActionType.Add, shopRow)],
            cancellationToken);
        if (result.Succeeded) return true;
        if (result.FailedActionIndex == 1 && result.FailedStatus == 409) return false;
        result.EnsureSuccess();
        return false;
    }

    public async Task<bool> UpdateAsync(Store store, CancellationToken cancellationToken = default)
    {
        var result = await _table.UpdateEntityAsync(mapper.ToEntity(store), StoreEntityMapper.VersionOf(store), TableUpdateMode.Replace, cancellationToken);
        if (result.IsConflict || result.IsNotFound) return false;
        return result.Succeeded ? true : throw new InvalidOperationException($"Updating {store} failed with HTTP {result.Status} {result.ErrorCode}.");
    }
}
