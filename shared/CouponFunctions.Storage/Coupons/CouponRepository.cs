using Azure.Data.Tables;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Sync;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Storage.Tables;

namespace CouponFunctions.Storage.Coupons;

/// <summary>Coupons table, one partition per store: coupon rows, their history and pending alerts side by side.</summary>
internal sealed class CouponRepository(TableServiceClient tables) : ICouponRepository
{
    private const int MaxBatch = 100;
    private readonly TableClient _table = tables.GetTableClient(TableNames.Coupons);

    public async Task<Dictionary<string, StoredCoupon>> LoadStoreAsync(TenantId tenantId, StoreId storeId, CancellationToken cancellationToken = default)
    {
        var coupons = new Dictionary<string, StoredCoupon>(StringComparer.Ordinal);
        await foreach (var entity in _table.QueryAsync<TableEntity>(RowsWithPrefix(tenantId, storeId, CouponEntityMapper.CouponPrefix), cancellationToken: cancellationToken))
        {
            var stored = CouponEntityMapper.ToStored(entity);
            coupons[stored.Id] = stored;
        }
        return coupons;
    }

    public async Task<StoredCoupon?> GetAsync(TenantId tenantId, StoreId storeId, string couponId, CancellationToken cancellationToken = default)
    {
        var entity = await _table.GetEntityIfExistsAsync<TableEntity>(Keys.StorePartition(tenantId, storeId), CouponEntityMapper.CouponRowKey(couponId), cancellationToken: cancellationToken);
        return entity.HasValue ? CouponEntityMapper.ToStored(entity.Value!) : null;
    }

    public async Task ApplyAsync(TenantId tenantId, StoreId storeId, string runId, DateTimeOffset runStartedAt, IReadOnlyList<CouponWrite> writes, CancellationToken cancellationToken = default)
    {
        var partition = Keys.StorePartition(tenantId, storeId);
        var batch = new List<TableTransactionAction>(MaxBatch);
        foreach (var write in writes)
        {
            // A coupon's row, history and alert travel together: all or nothing for that coupon. A coupon seen for the first
            // time keeps its first entry on its own row (the run id beside FirstSeenAt), so a first sync writes one row per
            // coupon, not two.
            var actions = new List<TableTransactionAction>(3);
            if (write.Kind == CouponWriteKind.Created && write.Changes.Count == 0)
                actions.Add(new(TableTransactionActionType.UpsertReplace, CouponEntityMapper.ToEntity(partition, write.Next with { FirstRunId = runId })));
            else
            {
                actions.Add(new(TableTransactionActionType.UpsertReplace, CouponEntityMapper.ToEntity(partition, write.Next)));
                actions.Add(new(TableTransactionActionType.UpsertReplace, CouponEntityMapper.HistoryEntity(partition, write.Next, runId, runStartedAt, write.Changes)));
            }
            if (write.Alert is { } alert) actions.Add(new(TableTransactionActionType.UpsertReplace, CouponEntityMapper.AlertEntity(partition, alert)));
            if (batch.Count + actions.Count > MaxBatch)
            {
                await SubmitAsync(batch, cancellationToken);
                batch.Clear();
            }
            batch.AddRange(actions);
        }
        if (batch.Count > 0) await SubmitAsync(batch, cancellationToken);
    }

    public async Task<IReadOnlyList<CouponHistoryEntry>> GetHistoryAsync(TenantId tenantId, StoreId storeId, string couponId, int max, CancellationToken cancellationToken = default)
    {
        var history = new List<CouponHistoryEntry>();
        var filter = RowsWithPrefix(tenantId, storeId, CouponEntityMapper.HistoryPrefixOf(couponId));
        await foreach (var entity in _table.QueryAsync<TableEntity>(filter, maxPerPage: max, cancellationToken: cancellationToken))
        {
            history.Add(CouponEntityMapper.ToHistory(entity));
            if (history.Count >= max) break;
        }
        return history;
    }

    public async Task<IReadOnlyList<PendingAlert>> GetPendingAlertsAsync(TenantId tenantId, StoreId storeId, CancellationToken cancellationToken = default)
    {
        var alerts = new List<PendingAlert>();
        await foreach (var entity in _table.QueryAsync<TableEntity>(RowsWithPrefix(tenantId, storeId, CouponEntityMapper.AlertPrefix), cancellationToken: cancellationToken))
            alerts.Add(CouponEntityMapper.ToAlert(entity));
        return alerts;
    }

    public Task DeletePendingAlertAsync(TenantId tenantId, StoreId storeId, string alertKey, CancellationToken cancellationToken = default) =>
        _table.DeleteEntityAsync(Keys.StorePartition(tenantId, storeId), CouponEntityMapper.AlertPrefix + Keys.Escape(alertKey), cancellationToken: cancellationToken);

    private Task SubmitAsync(List<TableTransactionAction> batch, CancellationToken cancellationToken) => _table.SubmitAsync(batch, cancellationToken);

    private static string RowsWithPrefix(TenantId tenantId, StoreId storeId, string prefix) =>
        Keys.RowKeyStartsWith(Keys.StorePartition(tenantId, storeId), prefix);
}
