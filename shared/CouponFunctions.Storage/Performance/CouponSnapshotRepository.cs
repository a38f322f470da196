using System.Globalization;
using Azure.Data.Tables;
using CouponFunctions.Core.Performance;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Storage.Performance;

/// <summary>
/// CouponSnapshots table, one partition per store "{tenant}_{store}": "d{yyyyMMdd}_{coupon}" coupon-day rows and
/// "t{yyyyMMdd}" store-day totals, so a period's totals are one key range of at most one row a day.
/// </summary>
internal sealed class CouponSnapshotRepository(TableServiceClient tables) : ICouponSnapshots
{
    private const int BatchSize = 100;
    private readonly TableClient _table = tables.GetTableClient(TableNames.CouponSnapshots);

    public async Task<IReadOnlyDictionary<string, CouponDayFigures>> GetDayAsync(TenantId tenantId, StoreId storeId, DateOnly day, CancellationToken cancellationToken = default)
    {
        var rows = new Dictionary<string, CouponDayFigures>(StringComparer.Ordinal);
        var filter = Keys.RowKeyStartsWith(Keys.StorePartition(tenantId, storeId), $"d{Day(day)}_");
        await foreach (var e in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            var figures = Read(e, day);
            rows[figures.CouponId] = figures;
        }
        return rows;
    }

    public async Task SaveDayAsync(TenantId tenantId, StoreId storeId, DateOnly day, IReadOnlyList<CouponDayFigures> figures, StoreDayTotals totals, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(totals);
        var partition = Keys.StorePartition(tenantId, storeId);
        // The totals row rides in the last transaction (at most 100 actions each), so it is never written without the last rows.
        var chunks = figures.Chunk(BatchSize - 1).ToList();
        if (chunks.Count == 0) chunks.Add([]);
        for (var i = 0; i < chunks.Count; i++)
        {
            var actions = chunks[i].Select(f => new TableTransactionAction(TableTransactionActionType.UpsertReplace, Write(partition, f))).ToList();
            if (i == chunks.Count - 1) actions.Add(new TableTransactionAction(TableTransactionActionType.UpsertReplace, WriteTotals(partition, day, totals)));
            await _table.SubmitTransactionAsync(actions, cancellationToken);
        }
    }

    public async Task<IReadOnlyList<StoreDayTotals>> GetTotalsAsync(TenantId tenantId, StoreId storeId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var partition = Keys.StorePartition(tenantId, storeId);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {"t" + Day(from)} and RowKey le {"t" + Day(to)}");
        var list = new List<StoreDayTotals>();
        await foreach (var e in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            list.Add(new StoreDayTotals(
                storeId, DateOnly.ParseExact(e.RowKey[1..], "yyyyMMdd", CultureInfo.InvariantCulture),
                e.GetInt32("Claims") ?? 0, e.GetInt32("Uses") ?? 0, Money(e, "DiscountGiven"), Money(e, "MinOrderValue"), e.GetString("Currency") ?? ""));
        }
        return list;
    }

    private static TableEntity WriteTotals(string partition, DateOnly day, StoreDayTotals totals) => new(partition, $"t{Day(day)}")
    {
        ["Claims"] = totals.Claims,
        ["Uses"] = totals.Uses,
        ["DiscountGiven"] = totals.DiscountGiven.ToString(CultureInfo.InvariantCulture),
        ["MinOrderValue"] = totals.MinOrderValue.ToString(CultureInfo.InvariantCulture),
        ["Currency"] = totals.Currency,
    };

    private static string Day(DateOnly day) => day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static decimal Money(TableEntity e, string name) =>
        e.GetString(name) is { } text ? decimal.Parse(text, CultureInfo.InvariantCulture) : 0m;

    private static decimal? OptionalMoney(TableEntity e, string name) =>
        e.GetString(name) is { } text ? decimal.Parse(text, CultureInfo.InvariantCulture) : null;

    private static TableEntity Write(string partition, CouponDayFigures f) => new(partition, $"d{Day(f.Day)}_{Keys.Escape(f.CouponId)}")
    {
        ["CouponId"] = f.CouponId,
        ["BaseClaimed"] = f.BaseClaimed,
        ["BaseUsed"] = f.BaseUsed,
        ["Claimed"] = f.Claimed,
        ["Used"] = f.Used,
        // Decimals as invariant text: Table Storage has no decimal type and doubles would round money.
        ["DiscountPerUse"] = f.DiscountPerUse?.ToString(CultureInfo.InvariantCulture),
        ["MinSpend"] = f.MinSpend?.ToString(CultureInfo.InvariantCulture),
        ["Currency"] = f.Currency,
    };

    private static CouponDayFigures Read(TableEntity e, DateOnly day) => new(
        e.GetString("CouponId"), day, e.GetInt32("BaseClaimed") ?? 0, e.GetInt32("BaseUsed") ?? 0, e.GetInt32("Claimed") ?? 0, e.GetInt32("Used") ?? 0,
        OptionalMoney(e, "DiscountPerUse"), OptionalMoney(e, "MinSpend"), e.GetString("Currency") ?? "");
}
