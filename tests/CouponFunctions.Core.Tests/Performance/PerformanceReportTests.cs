using CouponFunctions.Core.Performance;
using CouponFunctions.Core.Stores;
using static CouponFunctions.Core.Tests.Inspections.InspectionTestData;

namespace CouponFunctions.Core.Tests.Performance;

public sealed class PerformanceReportTests
{
    private static readonly DateOnly D1 = new(2026, 11, 20);
    private static readonly DateOnly D2 = new(2026, 11, 21);
    private static readonly Store Thai = Store(id: "s-th", name: "Acme TH");
    private static readonly Store Malay = Store(zone: "Asia/Kuala_Lumpur", site: "MY", id: "s-my", name: "Acme MY");
    private static readonly Store Lazada = Store(platform: Platform.Lazada, id: "s-lz", name: "Acme Lazada TH");
    private static readonly ReportingSettings Usd = new("USD", new Dictionary<string, decimal> { ["THB"] = 0.03m, ["MYR"] = 0.2m }, DiagnosisThresholds.Default);

    [Fact]
    public void Build_ByPlatform_AddsStoresAndConvertsCurrencies()
    {
        var report = PerformanceReport.Build(D1, D2, PerformanceGrouping.Platform, Usd,
        [
            (Thai, [Totals(Thai, D1, 10, 2, 200m, "THB"), Totals(Thai, D2, 20, 5, 500m, "THB")]),
            (Malay, [Totals(Malay, D2, 5, 5, 50m, "MYR")]),
            (Lazada, [Totals(Lazada, D2, 4, 1, 100m, "THB")]),
        ]);

        var shopeeDay2 = Assert.Single(report.Days, d => d.Key == "shopee" && d.Day == D2);
        Assert.Equal((25, 10, 25m), (shopeeDay2.Claims, shopeeDay2.Uses, shopeeDay2.DiscountGiven));
        var shopee = Assert.Single(report.Summary, s => s.Key == "shopee");
        Assert.Equal((35, 12, 0.3429m, 31m), (shopee.Claims, shopee.Uses, shopee.RedemptionRate, shopee.DiscountGiven));
        Assert.Equal(["shopee", "lazada"], report.Summary.Select(s => s.Key));
        Assert.Empty(report.MissingRates);
    }

    [Fact]
    public void Build_ByCampaign_SplitsStoreDaysByCampaignAndMergesNamesOfOneTag()
    {
        var thai = new StoreDayTotals(Thai.Id, D1, 30, 6, 600m, 3000m, "THB",
            [new CampaignDayTotals("", 10, 1, 100m, 500m), new CampaignDayTotals("Mid-Year Sale", 20, 5, 500m, 2500m)]);
        var malay = new StoreDayTotals(Malay.Id, D2, 5, 5, 50m, 250m, "MYR", [new CampaignDayTotals("mid-year sale", 5, 5, 50m, 250m)]);

        var report = PerformanceReport.Build(D1, D2, PerformanceGrouping.Campaign, Usd,
            [(Thai, [thai]), (Malay, [malay]), (Lazada, [Totals(Lazada, D2, 4, 1, 100m, "THB")])]);

        var midYear = Assert.Single(report.Summary, s => s.Key == "mid-year-sale");
        Assert.Equal(("Mid-Year Sale", 25, 10, 0.4m, 25m), (midYear.Label, midYear.Claims, midYear.Uses, midYear.RedemptionRate, midYear.DiscountGiven));
        var none = Assert.Single(report.Summary, s => s.Key == "");
        Assert.Equal((PerformanceReport.NoCampaign, 14, 2, 6m), (none.Label, none.Claims, none.Uses, none.DiscountGiven));
        Assert.Equal([(D1, ""), (D1, "mid-year-sale"), (D2, ""), (D2, "mid-year-sale")], report.Days.Select(d => (d.Day!.Value, d.Key)));
    }

    [Fact]
    public void Summary_ByCampaign_WritesOneCsvLinePerCampaign()
    {
        var report = PerformanceReport.Build(D1, D2, PerformanceGrouping.Campaign, Usd,
            [(Thai, [new StoreDayTotals(Thai.Id, D1, 30, 6, 600m, 3000m, "THB", [new CampaignDayTotals("=cmd", 30, 6, 600m, 3000m)])])]);

        var lines = PerformanceCsv.Summary(report).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("Campaign,Key,From,To,Claims,Uses,Redemption rate,Discount given (USD),Min order value (USD)", lines[0]);
        Assert.Equal("'=cmd,cmd,2026-11-20,2026-11-21,30,6,0.2,18.00,90.00", lines[1]);
    }

    [Fact]
    public void Sum_WithCampaigns_SplitsByCampaignAndWithoutAnyLeavesTheSplitOut()
    {
        var figures = new[]
        {
            new CouponDayFigures("a", D1, 0, 0, 10, 2, 5m, 50m, "THB"),
            new CouponDayFigures("b", D1, 0, 0, 4, 1, 5m, 50m, "THB"),
        };

        var tagged = StoreDayTotals.Sum(Thai.Id, D1, "THB", figures, new Dictionary<string, string> { ["b"] = "KOL" });
        var plain = StoreDayTotals.Sum(Thai.Id, D1, "THB", figures, new Dictionary<string, string>());

        Assert.Equal([("", 10, 2, 10m), ("KOL", 4, 1, 5m)], tagged.Campaigns!.Select(c => (c.Campaign, c.Claims, c.Uses, c.DiscountGiven)));
        Assert.Equal((14, 3, 15m, 150m), (tagged.Claims, tagged.Uses, tagged.DiscountGiven, tagged.MinOrderValue));
        Assert.Null(plain.Campaigns);
        Assert.Equal(("", 14), (Assert.Single(plain.ByCampaign).Campaign, plain.ByCampaign[0].Claims));
    }

    [Fact]
    public void Build_CurrencyWithoutRate_LeavesMoneyOutAndNamesIt()
    {
        var noMyr = Usd with { Rates = new Dictionary<string, decimal> { ["THB"] = 0.03m } };

        var report = PerformanceReport.Build(D1, D2, PerformanceGrouping.Store, noMyr, [(Malay, [Totals(Malay, D2, 5, 5, 50m, "MYR")])]);

        Assert.Null(Assert.Single(report.Days).DiscountGiven);
        Assert.Equal(["MYR"], report.MissingRates);
        Assert.Equal("Acme MY", report.Summary[0].Label);
    }

    [Fact]
    public void Build_DaysOutsideThePeriod_AreLeftOut()
    {
        var report = PerformanceReport.Build(D2, D2, PerformanceGrouping.Site, Usd, [(Thai, [Totals(Thai, D1, 10, 2, 200m, "THB")])]);

        Assert.Empty(report.Days);
        Assert.Empty(report.Summary);
    }

    [Fact]
    public void Validate_BadCodesRatesAndThresholds_NameEachField()
    {
        var result = ReportingSettings.Validate("dollars", new Dictionary<string, decimal> { ["THB"] = 0m, ["B@D"] = 1m }, new DiagnosisThresholds(1.5m, 0.1m));

        Assert.False(result.IsOk);
        Assert.Equal(["currency", "rates", "thresholds.lowClaimRate"], result.Errors!.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Convert_SameCurrencyOrRate_ConvertsAndElseNull()
    {
        var settings = ReportingSettings.Validate("usd", new Dictionary<string, decimal> { ["thb"] = 0.03m }, null).Value!;

        Assert.Equal((10m, 3m, (decimal?)null), (settings.Convert(10m, "USD"), settings.Convert(100m, "THB"), settings.Convert(1m, "MYR")));
    }

    private static StoreDayTotals Totals(Store store, DateOnly day, int claims, int uses, decimal discount, string currency) =>
        new(store.Id, day, claims, uses, discount, discount * 5, currency);
}
