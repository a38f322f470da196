using Azure.Data.Tables;
using CouponFunctions.Core.Coupons.Campaigns;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Storage.ReadModel;

namespace CouponFunctions.Storage.Coupons;

/// <summary>
/// Coupon campaigns: "g_{coupon}" rows in the store's partition of the Coupons table, beside (never inside) the coupon rows
/// sync owns, so a sync cannot overwrite a campaign set while it runs. A cleared campaign is an empty value (an upsert, so
/// a repeat or a race never fails on a missing row). After each change the store's campaign overlay of the read model is
/// rewritten from the rows.
/// </summary>
internal sealed class CouponCampaignRepository(TableServiceClient tables, CampaignOverlayWriter overlay) : ICouponCampaigns
{
    public const string Prefix = "g_";
    private const int MaxBatch = 100;
    private readonly TableClient _table = tables.GetTableClient(TableNames.Coupons);

    public async Task<IReadOnlyDictionary<string, string>> GetStoreAsync(TenantId tenantId, StoreId storeId, CancellationToken cancellationToken = default)
    {
        var campaigns = new Dictionary<string, string>(StringComparer.Ordinal);
        var filter = Keys.RowKeyStartsWith(Keys.StorePartition(tenantId, storeId), Prefix);
        await foreach (var e in _table.QueryAsync<TableEntity>(filter, select: ["CouponId", "Campaign"], cancellationToken: cancellationToken))
        {
            if (e.GetString("CouponId") is { } id && e.GetString("Campaign") is { Length: > 0 } campaign) campaigns[id] = campaign;
        }
        return campaigns;
    }

    public async Task SetAsync(TenantId tenantId, StoreId storeId, IReadOnlyCollection<string> couponIds, string? campaign, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(couponIds);
        var partition = Keys.StorePartition(tenantId, storeId);
        foreach (var chunk in couponIds.Distinct(StringComparer.Ordinal).Chunk(MaxBatch))
        {
            var actions = chunk.Select(id => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(partition, Prefix + Keys.Escape(id))
            {
                ["CouponId"] = id,
                ["Campaign"] = campaign ?? "",
            }));
            await _table.SubmitTransactionAsync(actions, cancellationToken);
        }
        await overlay.RewriteAsync(tenantId, storeId, () => GetStoreAsync(tenantId, storeId, cancellationToken), cancellationToken);
    }
}
