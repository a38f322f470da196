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

/// <summary>The dashboard's figures: per group and day, the period's summary per group, and the currencies without a rate.</summary>
public sealed record PerformanceReport(
    DateOnly From, DateOnly To, PerformanceGrouping GroupBy, string Currency,
    IReadOnlyList<PerformanceFigures> Days, IReadOnlyList<PerformanceFigures> Summary, IReadOnlyList<string> MissingRates)
{
    public static PerformanceReport Build(
        DateOnly from, DateOnly to, PerformanceGrouping groupBy, ReportingSettings settings, IReadOnlyList<(Store Store, IReadOnlyList<StoreDayTotals> Totals)> stores)
    {
        var missing = new SortedSet<string>(StringComparer.Ordinal);
        var days = new Dictionary<(string Key, DateOnly Day), Accumulator>();
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (store, totals) in stores)
        {
            foreach (var t in totals.Where(t => t.Day >= from && t.Day <= to))
            {
                foreach (var (key, label, part) in Parts(store, t, groupBy))
                {
                    labels.TryAdd(key, label);
                    var discount = settings.Convert(part.DiscountGiven, t.Currency);
                    var minOrder = settings.Convert(part.MinOrderValue, t.Currency);
                    if (discount is null) missing.Add(t.Currency);
                    var acc = days.TryGetValue((key, t.Day), out var found) ? found : days[(key, t.Day)] = new Accumulator();
                    acc.Add(part.Claims, part.Uses, discount, minOrder);
                }
            }
        }
        var dayRows = days.OrderBy(d => d.Key.Day).ThenBy(d => d.Key.Key, StringComparer.Ordinal)
            .Select(d => d.Value.ToFigures(d.Key.Key, labels[d.Key.Key], d.Key.Day)).ToList();
        var summary = dayRows.GroupBy(d => d.Key, StringComparer.Ordinal)
            .Select(g => g.Aggregate(new Accumulator(), (acc, d) => acc.Add(d.Claims, d.Uses, d.DiscountGiven, d.MinOrderValue)).ToFigures(g.Key, labels[g.Key], null))
            .OrderByDescending(s => s.Claims).ThenBy(s => s.Label, StringComparer.OrdinalIgnoreCase).ToList();
        return new PerformanceReport(from, to, groupBy, settings.Currency, dayRows, summary, missing.ToList());
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
