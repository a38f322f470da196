using Azure.Data.Tables;
using CouponFunctions.Core.Attention;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Storage.Attention;

/// <summary>FindingAcknowledgements table: PartitionKey = tenant id, RowKey = the escaped finding key (it names the store).</summary>
internal sealed class FindingAcknowledgementRepository(TableServiceClient tables) : IFindingAcknowledgements
{
    private readonly TableClient _table = tables.GetTableClient(TableNames.FindingAcknowledgements);

    public async Task<IReadOnlyList<FindingAcknowledgement>> ListAsync(TenantId tenantId, CancellationToken cancellationToken = default)
    {
        var list = new List<FindingAcknowledgement>();
        await foreach (var e in _table.QueryAsync<TableEntity>(Keys.InPartition(tenantId.Value), cancellationToken: cancellationToken))
        {
            list.Add(new FindingAcknowledgement(
                tenantId, StoreId.Parse(e.GetString("StoreId")), e.GetString("FindingKey"), e.GetString("Fingerprint"),
                e.GetString("ByKeyId"), e.GetString("ByName"), e.GetDateTimeOffset("At")!.Value, e.GetDateTimeOffset("SnoozedUntil")));
        }
        return list;
    }

    public Task SaveAsync(FindingAcknowledgement acknowledgement, CancellationToken cancellationToken = default) =>
        _table.UpsertEntityAsync(new TableEntity(acknowledgement.TenantId.Value, Keys.Escape(acknowledgement.FindingKey))
        {
            ["StoreId"] = acknowledgement.StoreId.Value,
            ["FindingKey"] = acknowledgement.FindingKey,
            ["Fingerprint"] = acknowledgement.Fingerprint,
            ["ByKeyId"] = acknowledgement.ByKeyId,
            ["ByName"] = acknowledgement.ByName,
            ["At"] = acknowledgement.At,
            ["SnoozedUntil"] = acknowledgement.SnoozedUntil,
        }, TableUpdateMode.Replace, cancellationToken);

    public Task DeleteAsync(TenantId tenantId, StoreId storeId, string findingKey, CancellationToken cancellationToken = default) =>
        // Deleting an absent row answers 404, which DeleteEntityAsync treats as done.
        _table.DeleteEntityAsync(tenantId.Value, Keys.Escape(findingKey), cancellationToken: cancellationToken);
}
