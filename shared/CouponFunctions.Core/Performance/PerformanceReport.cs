using CouponFunctions.Core.Coupons.Campaigns;
using CouponFunctions.Core.Stores;

namespace CouponFunctions.Core.Performance;

/// <summary>What the daily figures are grouped by.</summary>
public enum PerformanceGrouping
{
    Store,
    Platform,
    Site,

    /// <summary>By the coupons' campaigns (their tag); coupons without one under "" ("No campaign").</summary>
    Campaign,
}

/// <summary>One group's figures on one day (or over the period, for the summary), money in the reporting currency.</summary>
/// <param name="DiscountGiven">Null when a store currency in the group has no exchange rate set.</param>
public sealed record PerformanceFigures(string Key, string Label, DateOnly? Day, int Claims, int Uses, decimal? DiscountGiven, decimal? MinOrderValue)
{
    /// <summary>Uses per claim in the period; null without claims.</summary>
    public decimal? RedemptionRate => Claims == 0 ? null : Math.Round((decimal)Uses / Claims, 4);
}

/// <summary>One group's figures per day of a period, each array indexed by the day's offset from the period's first day.</summary>
public sealed record PerformanceSeries(string Key, string Label, int?[] Claims, int?[] Uses, decimal?[] RedemptionRate, decimal?[] DiscountGiven, decimal?[] MinOrderValue);

/// <summary>The dashboard's figures: per group and day, the period's summary per group, and the currencies without a rate.</summary>
public sealed record PerformanceReport(
    DateOnly From, DateOnly To, PerformanceGrouping GroupBy, string Currency,
    IReadOnlyList<PerformanceFigures> Days, IReadOnlyList<PerformanceFigures> Summary, IReadOnlyList<string> MissingRates)
{
    /// <summary>Every date of the period, the index of <see cref="Series"/>' values.</summary>
    public IReadOnlyList<DateOnly> Dates() => Enumerable.Range(0, To.DayNumber - From.DayNumber + 1).Select(From.AddDays).ToList();

    /// <summary>
    /// The days as one series per group, each figure an array over <see cref="Dates"/> (null on a day without figures): what a
    /// chart draws, at a fifth of the size of the same days as one object each (100 stores over 90 days: 1.4 MB of JSON).
    /// </summary>
    public IReadOnlyList<PerformanceSeries> Series()
    {
        var dayCount = To.DayNumber - From.DayNumber + 1;
        var series = new Dictionary<string, PerformanceSeries>(StringComparer.Ordinal);
        var ordered = new List<PerformanceSeries>();
        foreach (var f in Days)
        {
            if (!series.TryGetValue(f.Key, out var group))
            {
                series[f.Key] = group = new PerformanceSeries(f.Key, f.Label, new int?[dayCount], new int?[dayCount], new decimal?[dayCount], new decimal?[dayCount], new decimal?[dayCount]);
                ordered.Add(group);
            }
            var d = f.Day!.Value.DayNumber - From.DayNumber;
            (group.Claims[d], group.Uses[d], group.RedemptionRate[d], group.DiscountGiven[d], group.MinOrderValue[d]) = (f.Claims, f.Uses, f.RedemptionRate, f.DiscountGiven, f.MinOrderValue);
        }
        return ordered.OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
    }

    public static PerformanceReport Build(
        DateOnly from, DateOnly to, PerformanceGrouping groupBy, ReportingSettings settings, IReadOnlyList<(Store Store, IReadOnlyList<StoreDayTotals> Totals)> stores)
    {
        // Each group's days by index from `from`: a by-store year of 100 stores is 36,600 cells, summed without hashing a key per cell.
        var dayCount = to.DayNumber - from.DayNumber + 1;
        var groups = new Dictionary<string, Group>(StringComparer.Ordinal);
        var rates = new Dictionary<string, decimal?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (store, totals) in stores)
        {
            foreach (var t in totals)
            {
                if (t.Day < from || t.Day > to) continue;
                if (!rates.TryGetValue(t.Currency, out var rate)) rates[t.Currency] = rate = settings.Convert(1m, t.Currency);
                foreach (var (key, label, part) in Parts(store, t, groupBy))
                {
                    if (!groups.TryGetValue(key, out var group)) groups[key] = group = new Group(label, dayCount);
                    var cell = group.Days[t.Day.DayNumber - from.DayNumber] ??= new Accumulator();
                    cell.Add(part.Claims, part.Uses, InReporting(part.DiscountGiven, t.Currency, rate, settings), InReporting(part.MinOrderValue, t.Currency, rate, settings));
                }
            }
        }

        var keys = groups.Keys.Order(StringComparer.Ordinal).ToList();
        var dayRows = new List<PerformanceFigures>();
        var summary = new List<PerformanceFigures>(keys.Count);
        var sums = keys.ToDictionary(k => k, _ => new Accumulator(), StringComparer.Ordinal);
        for (var d = 0; d < dayCount; d++)
        {
            foreach (var key in keys)
            {
                if (groups[key].Days[d] is not { } cell) continue;
                var figures = cell.ToFigures(key, groups[key].Label, from.AddDays(d));
                dayRows.Add(figures);
                // The period's figures are the sum of the days as shown (rounded), so the two tables always add up.
                sums[key].Add(figures.Claims, figures.Uses, figures.DiscountGiven, figures.MinOrderValue);
            }
        }
        summary.AddRange(keys.Select(k => sums[k].ToFigures(k, groups[k].Label, null))
            .OrderByDescending(s => s.Claims).ThenBy(s => s.Label, StringComparer.OrdinalIgnoreCase));
        var missing = rates.Where(r => r.Value is null).Select(r => r.Key).Order(StringComparer.Ordinal).ToList();
        return new PerformanceReport(from, to, groupBy, settings.Currency, dayRows, summary, missing);
    }

    // In the store's own currency the amount as it is; otherwise converted at the tenant's rate (null without one).
    private static decimal? InReporting(decimal amount, string currency, decimal? rate, ReportingSettings settings) =>
        string.Equals(currency, settings.Currency, StringComparison.OrdinalIgnoreCase) ? amount : amount * rate;

    private sealed class Group(string label, int days)
    {
        public string Label { get; } = label;

        public Accumulator?[] Days { get; } = new Accumulator?[days];
    }

    /// <summary>The label of the coupons without a campaign when grouping by campaign (their key is "").</summary>
    public const string NoCampaign = "No campaign";

    // A store's day is one part of its group, or, by campaign, one part per campaign of that day (names of one tag merge).
    private static IEnumerable<(string Key, string Label, CampaignDayTotals Part)> Parts(Store store, StoreDayTotals t, PerformanceGrouping groupBy)
    {
        if (groupBy == PerformanceGrouping.Campaign)
        {
            foreach (var part in t.ByCampaign)
                yield return part.Campaign.Length == 0 ? ("", NoCampaign, part) : (CouponCampaign.Tag(part.Campaign), part.Campaign, part);
            yield break;
        }

        var whole = new CampaignDayTotals("", t.Claims, t.Uses, t.DiscountGiven, t.MinOrderValue);
        yield return groupBy switch
        {
            PerformanceGrouping.Platform => (store.Platform.ToWire(), store.Platform.ToWire(), whole),
            PerformanceGrouping.Site => (store.Site, store.Site, whole),
            _ => (store.Id.Value, store.DisplayName, whole),
        };
    }

    private sealed class Accumulator
    {
        private int _claims, _uses;
        private decimal? _discount = 0, _minOrder = 0;

        public Accumulator Add(int claims, int uses, decimal? discount, decimal? minOrder)
        {
            _claims += claims;
            _uses += uses;
            _discount = _discount is null || discount is null ? null : _discount + discount;
            _minOrder = _minOrder is null || minOrder is null ? null : _minOrder + minOrder;
            return this;
        }

        public PerformanceFigures ToFigures(string key, string label, DateOnly? day) =>
            new(key, label, day, _claims, _uses, _discount is { } d ? Math.Round(d, 2) : null, _minOrder is { } m ? Math.Round(m, 2) : null);
    }
}
