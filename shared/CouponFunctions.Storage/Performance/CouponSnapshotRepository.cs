using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using CouponFunctions.Core.Common;
using CouponFunctions.Core.Performance;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Storage.Performance;

/// <summary>
/// Daily figures: "d{yyyyMMdd}_{coupon}" coupon-day rows of the CouponSnapshots table in one partition per store
/// "{tenant}_{store}" (only sync reads them), and the store-day totals the dashboard reads in one blob per tenant and day
/// (<see cref="DayTotalsStore"/>): a period is one listing and the days this instance has not seen yet, whatever the
/// number of stores.
/// </summary>
internal sealed class CouponSnapshotRepository(TableServiceClient tables, DayTotalsStore dayTotals) : ICouponSnapshots
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

    public async Task SaveDayAsync(TenantId tenantId, StoreId storeId, DateOnly day, IReadOnlyList<CouponDayFigures> figures, StoreDayTotals? totals, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(figures);
        if (totals is not null)
        {
            if (totals.StoreId != storeId || totals.Day != day) throw new ArgumentException("The totals must be the store's and the day's.", nameof(totals));
            // Absolute values of the day: writing them again (a retry, a run after one that stopped) never counts twice.
            await dayTotals.SaveAsync(tenantId, totals, cancellationToken);
        }
        var partition = Keys.StorePartition(tenantId, storeId);
        foreach (var chunk in figures.Chunk(BatchSize))
            await _table.SubmitTransactionAsync(chunk.Select(f => new TableTransactionAction(TableTransactionActionType.UpsertReplace, Write(partition, f))), cancellationToken);
    }

    public Task<IReadOnlyList<StoreDayTotals>> GetTotalsAsync(TenantId tenantId, DateOnly from, DateOnly to, CancellationToken cancellationToken = default) =>
        dayTotals.ReadAsync(tenantId, from, to, cancellationToken);

    private static string Day(DateOnly day) => day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

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
