using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using CouponFunctions.Core.Common;
using CouponFunctions.Core.Performance;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Storage.Performance;

/// <summary>
/// CouponSnapshots table: "d{yyyyMMdd}_{coupon}" coupon-day rows in one partition per store "{tenant}_{store}" (only sync
/// reads them), and the store-day totals of every store in one partition per tenant "{tenant}" (tenant ids have no '_',
/// so it is no store's), keyed "{yyyyMMdd}_{store}" with the day's split by campaign: a dashboard period is one key range
/// of the tenant, read in week-long slices at once, instead of one query per store.
/// </summary>
internal sealed class CouponSnapshotRepository(TableServiceClient tables) : ICouponSnapshots
{
    private const int BatchSize = 100;

    /// <summary>Days per slice of a period read at once: a week of 100 stores is under one 1,000-row page.</summary>
    private const int SliceDays = 7;
    private const int MaxParallelSlices = 8;
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
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(totals);
        // The totals first, as absolute values of the day: if the rows below are then not all written, those coupons move
        // again on the next run, which writes the totals again before them (a retry never counts twice).
        await _table.UpsertEntityAsync(WriteTotals(tenantId, storeId, day, totals), TableUpdateMode.Replace, cancellationToken);
        var partition = Keys.StorePartition(tenantId, storeId);
        foreach (var chunk in figures.Chunk(BatchSize))
            await _table.SubmitTransactionAsync(chunk.Select(f => new TableTransactionAction(TableTransactionActionType.UpsertReplace, Write(partition, f))), cancellationToken);
    }

    public async Task<IReadOnlyList<StoreDayTotals>> GetTotalsAsync(TenantId tenantId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var slices = new List<(DateOnly From, DateOnly To)>();
        for (var start = from; start <= to; start = start.AddDays(SliceDays))
            slices.Add((start, start.AddDays(SliceDays - 1) < to ? start.AddDays(SliceDays - 1) : to));
        var results = new List<StoreDayTotals>[slices.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, slices.Count), new ParallelOptions { MaxDegreeOfParallelism = MaxParallelSlices, CancellationToken = cancellationToken },
            async (i, token) => results[i] = await ReadSliceAsync(tenantId, slices[i].From, slices[i].To, token));
        return results.SelectMany(r => r).ToList();
    }

    private async Task<List<StoreDayTotals>> ReadSliceAsync(TenantId tenantId, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        // "{day}_" up to "{day+1}_" exclusive: every store's row of every day of the slice.
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {tenantId.Value} and RowKey ge {Day(from) + "_"} and RowKey lt {Day(to.AddDays(1)) + "_"}");
        var list = new List<StoreDayTotals>();
        await foreach (var e in _table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            if (!StoreId.TryParse(e.GetString("StoreId"), out var storeId)) continue;
            list.Add(new StoreDayTotals(
                storeId, DateOnly.ParseExact(e.RowKey[..8], "yyyyMMdd", CultureInfo.InvariantCulture),
                e.GetInt32("Claims") ?? 0, e.GetInt32("Uses") ?? 0, Money(e, "DiscountGiven"), Money(e, "MinOrderValue"), e.GetString("Currency") ?? "",
                e.GetString("Campaigns") is { } campaigns ? JsonSerializer.Deserialize<List<CampaignDayTotals>>(campaigns, MessageJson.Options) : null));
        }
        return list;
    }

    private static TableEntity WriteTotals(TenantId tenantId, StoreId storeId, DateOnly day, StoreDayTotals totals) => new(tenantId.Value, $"{Day(day)}_{storeId.Value}")
    {
        ["StoreId"] = storeId.Value,
        ["Claims"] = totals.Claims,
        ["Uses"] = totals.Uses,
        ["DiscountGiven"] = totals.DiscountGiven.ToString(CultureInfo.InvariantCulture),
        ["MinOrderValue"] = totals.MinOrderValue.ToString(CultureInfo.InvariantCulture),
        ["Currency"] = totals.Currency,
        // Only days with a tagged coupon carry the split (a day without one is all "no campaign").
        ["Campaigns"] = totals.Campaigns is { } campaigns ? JsonSerializer.Serialize(campaigns, MessageJson.Options) : null,
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
