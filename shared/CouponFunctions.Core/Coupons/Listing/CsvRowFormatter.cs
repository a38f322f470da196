using System.Globalization;
using CouponFunctions.Core.Rules;
using CouponFunctions.Core.Stores;

namespace CouponFunctions.Core.Coupons.Listing;

/// <summary>One CSV line per row, in <see cref="CouponCsvWriter.Columns"/> order: money in the currency's decimals, times store-local with their offset.</summary>
internal sealed class CsvRowFormatter
{
    // Seconds are kept because platforms end coupons at 23:59:59; the offset is per cell because daylight saving can
    // give one store two offsets in one row.
    private const string TimeFormat = "yyyy-MM-dd HH:mm:ss zzz";

    private readonly Dictionary<string, int> decimalsByCurrency = new(StringComparer.OrdinalIgnoreCase);

    public void Append(CsvLine line, CouponListRow row)
    {
        var zone = StoreZones.Find(row.TimeZoneId);
        var decimals = DecimalsOf(row.Currency);
        line.Text(row.StoreName).Text(row.StoreId.Value).Plain(row.Platform.ToWire()).Text(row.Site).Text(row.TimeZoneId)
            .Text(row.PlatformCouponId).Text(row.Code).Text(row.Name)
            .Plain(CouponListNames.Of(row.Status)).Text(row.RawStatus).Plain(CouponListNames.Of(row.Reward))
            .Plain(Money(row.DiscountAmount, decimals)).Plain(Number(row.Percentage)).Plain(MaxDiscount(row, decimals))
            .Plain(row.MinSpend is null ? Unknown : Money(row.MinSpend, decimals)).Text(row.Currency)
            .Plain(Number(row.TotalQuantity)).Plain(Number(row.ClaimedCount)).Plain(Number(row.UsedCount)).Plain(Number(row.Remaining))
            .Plain(row.RedemptionRate is { } rate ? (rate * 100).ToString("0.0", CultureInfo.InvariantCulture) : null)
            .Plain(Time(zone, row.ValidFrom)).Plain(Time(zone, row.ValidTo))
            .Plain(Time(zone, row.ClaimStart)).Plain(Time(zone, row.ClaimEnd))
            .Plain(YesNo(row.IsRemoved)).Plain(Time(zone, row.RemovedAt)).Plain(YesNo(row.IsArchived))
            .Plain(Time(zone, row.LastChangedAt))
            .Plain(Number(row.OpenFindings)).Text(row.HighestSeverity).Text(row.Campaign)
            .End();
    }

    /// <summary>What a cell says for a value the platform has not told us yet (an empty cap cell means "no cap").</summary>
    public const string Unknown = "unknown";

    private static string? MaxDiscount(CouponListRow row, int decimals) =>
        (row.Unknown & UnknownCouponFields.MaxDiscount) != 0 && row.Reward != RewardType.FixedAmount ? Unknown : Money(row.MaxDiscount, decimals);

    private int DecimalsOf(string currency)
    {
        if (!decimalsByCurrency.TryGetValue(currency, out var decimals))
            decimalsByCurrency[currency] = decimals = Rules.Money.DecimalsOf(currency);
        return decimals;
    }

    private static string? Money(decimal? amount, int decimals) =>
        amount is { } value ? Rules.Money.Round(value, decimals).ToString("F" + decimals, CultureInfo.InvariantCulture) : null;

    private static string? Number(decimal? value) => value?.ToString("0.####", CultureInfo.InvariantCulture);

    private static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    private static string? Time(TimeZoneInfo zone, DateTimeOffset? instant) =>
        instant is { } value ? StoreZones.ToLocal(zone, value).ToString(TimeFormat, CultureInfo.InvariantCulture) : null;

    private static string YesNo(bool value) => value ? "yes" : "no";
}
