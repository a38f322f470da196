using System.Globalization;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using CouponFunctions.App.Tests.Infrastructure;
using CouponFunctions.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CouponFunctions.App.Tests.Api.Performance;

/// <summary>Daily coupon figures recorded by sync, the dashboard's API over them, its CSV and reporting settings.</summary>
[Collection(AppCollection.Name)]
public sealed class PerformanceEndpointsTests(AppHostFixture app)
{
    [Fact]
    public async Task Sync_UsageMoves_RecordsTheDayAndAnUnchangedResyncWritesNothing()
    {
        var bed = await app.NewWorkspaceAsync();
        var store = await bed.AddShopeeStoreAsync(772_001);
        var vouchers = bed.SeedVouchers(772_001, 14);
        await bed.SyncAsync(store);
        var afterFirst = await DayRecordsAsync(bed, store);
        var before = await DailyAsync(bed, store);

        await bed.SyncAsync(store);
        var afterResync = await DayRecordsAsync(bed, store);
        bed.Shopee.SetUsage(772_001, vouchers[0].VoucherId, 9);
        await bed.SyncAsync(store);
        var day = await DailyAsync(bed, store);

        // Seeded usage is i % 7 (42 in all): twelve of the fourteen vouchers were used (0 and 7 were not): 12 coupon rows carry
        // the day, and the tenant's day of store totals is one blob. The chart read before the new usage shows it in the next call.
        Assert.Equal(13, afterFirst.Count);
        Assert.Equal(afterFirst, afterResync);
        Assert.Equal(42, before["uses"]!.GetValue<int>());
        Assert.Equal(42 + 9, day["uses"]!.GetValue<int>());
    }

    [Fact]
    public async Task Daily_KeyScopedToOneStore_ReportsThatStoresFiguresOnly()
    {
        var bed = await app.NewWorkspaceAsync();
        var (mine, theirs) = (await bed.AddShopeeStoreAsync(772_006), await bed.AddShopeeStoreAsync(772_007));
        bed.SeedVouchers(772_006, 8);
        bed.SeedVouchers(772_007, 14);
        await bed.SyncAsync(mine);
        await bed.SyncAsync(theirs);
        using var scoped = app.WithKey(await bed.Admin.IssueKeyAsync("viewer", mine));

        var (_, byStore) = await scoped.SendJsonAsync(HttpMethod.Get, "/api/performance/daily?groupBy=store");
        var (_, byPlatform) = await scoped.SendJsonAsync(HttpMethod.Get, "/api/performance/daily?groupBy=platform");
        var (_, all) = await bed.Admin.SendJsonAsync(HttpMethod.Get, "/api/performance/daily?groupBy=platform");

        // Uses i % 7: 21 over eight vouchers, 42 over fourteen; the store's day totals share one record with the other store's.
        Assert.Equal([(mine, 21)], byStore!["summary"]!.AsArray().Select(s => (s!["key"]!.GetValue<string>(), s["uses"]!.GetValue<int>())));
        Assert.Equal(21, Assert.Single(byPlatform!["summary"]!.AsArray())!["uses"]!.GetValue<int>());
        Assert.Equal(63, Assert.Single(all!["summary"]!.AsArray())!["uses"]!.GetValue<int>());
        // The chart's series: the period's 30 dates, and the store's uses on the day of its sync, null on the others.
        var series = Assert.Single(byStore["series"]!.AsArray())!;
        var uses = series["uses"]!.AsArray();
        Assert.Equal((mine, 30, 30), (series["key"]!.GetValue<string>(), byStore["dates"]!.AsArray().Count, uses.Count));
        Assert.Equal([21], uses.Where(u => u is not null).Select(u => u!.GetValue<int>()));
    }

    [Fact]
    public async Task Daily_WithRates_ReportsMoneyInTheReportingCurrencyAndAsCsv()
    {
        var bed = await app.NewWorkspaceAsync();
        var store = await bed.AddShopeeStoreAsync(772_002);
        bed.SeedVouchers(772_002, 8);
        await bed.SyncAsync(store);

        var before = await DailyAsync(bed, store, body => Assert.Equal(["THB"], body["missingRates"]!.AsArray().Select(c => c!.GetValue<string>())));
        var (saved, _) = await bed.Admin.SendJsonAsync(HttpMethod.Put, "/api/performance/settings", new { currency = "usd", rates = new { thb = 0.03m } });
        var after = await DailyAsync(bed, store);
        using var csv = await bed.Admin.GetAsync($"/api/performance/daily?groupBy=platform&format=csv");

        // Uses i % 7 over eight vouchers: 0+1+...+6+0 = 21, at THB 5 each = THB 105 = USD 3.15.
        Assert.Null(before["discountGiven"]);
        Assert.Equal(200, saved);
        Assert.Equal((21, 3.15m), (after["uses"]!.GetValue<int>(), after["discountGiven"]!.GetValue<decimal>()));
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Day,Platform,Claims,Uses,Redemption rate,Discount given (USD)", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.Contains(",shopee,0,21,,3.15,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Daily_ByCampaign_SplitsUsesByTheCouponsCampaignsWithASummaryCsv()
    {
        var bed = await app.NewWorkspaceAsync();
        var store = await bed.AddShopeeStoreAsync(772_005);
        var vouchers = bed.SeedVouchers(772_005, 14);
        await bed.SyncAsync(store);
        var tagged = vouchers[1].VoucherId.ToString(CultureInfo.InvariantCulture);
        var (status, _) = await bed.Admin.SendJsonAsync(HttpMethod.Post, "/api/coupons/campaign", new { campaign = "KOL Anna", coupons = new[] { new { storeId = store, couponId = tagged } } });
        bed.Shopee.SetUsage(772_005, vouchers[1].VoucherId, 9);
        await bed.SyncAsync(store);

        var (_, body) = await bed.Admin.SendJsonAsync(HttpMethod.Get, "/api/performance/daily?groupBy=campaign");
        using var csv = await bed.Admin.GetAsync("/api/performance/daily?groupBy=campaign&format=csv&table=summary");
        var (badTable, _) = await bed.Admin.SendJsonAsync(HttpMethod.Get, "/api/performance/daily?format=csv&table=weeks");

        // Seeded uses are i % 7 (42 in all); voucher 1 (one use) is tagged and then used 9 times: 9 for the campaign, 41 for the rest.
        Assert.Equal(200, status);
        var summary = body!["summary"]!.AsArray().ToDictionary(s => s!["key"]!.GetValue<string>(), s => s!);
        Assert.Equal(("KOL Anna", 9), (summary["kol-anna"]["label"]!.GetValue<string>(), summary["kol-anna"]["uses"]!.GetValue<int>()));
        Assert.Equal(("No campaign", 41), (summary[""]["label"]!.GetValue<string>(), summary[""]["uses"]!.GetValue<int>()));
        var lines = (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Campaign,Key,From,To,Claims,Uses,Redemption rate", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("KOL Anna,kol-anna,", StringComparison.Ordinal) && l.Contains(",9,", StringComparison.Ordinal));
        Assert.Equal(400, badTable);
    }

    [Theory]
    [InlineData("groupBy=Store", "groupBy")]
    [InlineData("from=2026-13-01", "from")]
    [InlineData("from=2026-12-01&to=2026-11-01", "from")]
    [InlineData("from=2024-01-01&to=2026-01-01", "from")]
    [InlineData("format=xml", "format")]
    public async Task Daily_BadQuery_Answers400NamingTheField(string query, string field)
    {
        var bed = await app.NewWorkspaceAsync();

        var (status, problem) = await bed.Admin.SendJsonAsync(HttpMethod.Get, $"/api/performance/daily?{query}");

        Assert.Equal(400, status);
        Assert.NotNull(problem!["errors"]![field]);
    }

    [Fact]
    public async Task SaveSettings_BadRateOrScopedKey_IsRefusedAndNothingSaved()
    {
        var bed = await app.NewWorkspaceAsync();
        var store = await bed.Admin.AddStoreAsync("772003");
        using var scoped = app.WithKey(await bed.Admin.IssueKeyAsync("admin", store));

        var (badStatus, problem) = await bed.Admin.SendJsonAsync(HttpMethod.Put, "/api/performance/settings", new { currency = "USD", rates = new { THB = -1 } });
        var (scopedStatus, _) = await scoped.SendJsonAsync(HttpMethod.Put, "/api/performance/settings", new { currency = "EUR" });
        var (_, current) = await bed.Admin.SendJsonAsync(HttpMethod.Get, "/api/performance/settings");

        Assert.Equal((400, 403), (badStatus, scopedStatus));
        Assert.Contains("THB", problem!["errors"]!["rates"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("USD", current!["currency"]!.GetValue<string>());
        Assert.Empty(current["rates"]!.AsObject());
    }

    [Fact]
    public async Task Diagnosis_ShopeeCouponsWithoutClaimCounts_AreCountedApart()
    {
        var bed = await app.NewWorkspaceAsync();
        var store = await bed.AddShopeeStoreAsync(772_004);
        bed.SeedVouchers(772_004, 6, quantity: 10);
        await bed.SyncAsync(store);

        var (status, body) = await bed.Admin.SendJsonAsync(HttpMethod.Get, "/api/performance/diagnosis");

        Assert.Equal(200, status);
        // Two of six are ongoing (i % 3 == 1: vouchers 1 and 4); Shopee reports uses but no claims, so neither has a place.
        Assert.Empty(body!["coupons"]!.AsArray());
        Assert.Equal(2, body["withoutQuantity"]!.GetValue<int>());
    }

    /// <summary>The store's summary line over the default period.</summary>
    private static async Task<JsonNode> DailyAsync(Workspace bed, string store, Action<JsonNode>? inspect = null)
    {
        var (status, body) = await bed.Admin.SendJsonAsync(HttpMethod.Get, "/api/performance/daily?groupBy=store");
        Assert.Equal(200, status);
        inspect?.Invoke(body!);
        return Assert.Single(body!["summary"]!.AsArray(), s => s!["key"]!.GetValue<string>() == store)!;
    }

    /// <summary>The store's coupon rows that carry a day's figures and the tenant's day blobs of store totals, each with its version.</summary>
    private static async Task<List<string>> DayRecordsAsync(Workspace bed, string store)
    {
        var table = bed.App.Tables.GetTableClient(TableNames.Coupons);
        var rows = new List<string>();
        await foreach (var e in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {$"{bed.Tenant.Value}_{store}"}")))
        {
            if (e.GetString("Day") is { } day) rows.Add(string.Create(CultureInfo.InvariantCulture, $"{e.RowKey} {day}:{e.ETag}"));
        }
        var days = bed.App.Services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(ContainerNames.DayTotals);
        await foreach (var blob in days.GetBlobsAsync(new GetBlobsOptions { Prefix = bed.Tenant.Value + "/" }))
            rows.Add(string.Create(CultureInfo.InvariantCulture, $"totals {blob.Name}:{blob.Properties.ETag}"));
        return rows;
    }
}
