using CouponFunctions.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CouponFunctions.Browser.Tests.Admin;

/// <summary>The performance dashboard over the figures the seeded syncs recorded: charts drawn, tables and their CSV.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DashboardPageTests(BrowserApp app)
{
    [Fact]
    public async Task Dashboard_SeededSyncs_DrawsTheThreeCharts()
    {
        var page = await app.SignedInPageAsync("#/dashboard");

        // Shopee reports uses but not claims, so the quadrant has its threshold lines but no coupon to place.
        await Expect(page.Locator("#quadrant-empty")).ToBeVisibleAsync();
        await Expect(page.Locator("#quadrant-card")).ToContainTextAsync("without a quantity or a claim count");
        foreach (var id in new[] { "series-chart", "rate-chart", "quadrant-chart" })
        {
            await Expect(page.Locator($"#{id}")).ToBeVisibleAsync();
            // Drawn: chart.js owns the canvas, has data points and has painted pixels.
            var points = await page.EvaluateAsync<int>(
                "id => { const c = Chart.getChart(document.getElementById(id)); return c.data.datasets.reduce((n, d) => n + d.data.length, 0); }", id);
            var painted = await page.EvaluateAsync<bool>(
                "id => { const c = document.getElementById(id); const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data; for (let i = 3; i < d.length; i += 4) if (d[i] !== 0) return true; return false; }", id);
            Assert.True(points > 0, $"{id} has data");
            Assert.True(painted, $"{id} is painted");
        }
        await Expect(page.Locator("#rate-table tbody tr")).ToHaveCountAsync(3);
        await Expect(page.Locator("#rate-table")).ToContainTextAsync("Siam Gadgets TH");
        await BrowserApp.ScreenshotAsync(page, "dashboard.png");
    }

    [Fact]
    public async Task Dashboard_DownloadCsv_GivesTheTableBehindTheChart()
    {
        var page = await app.SignedInPageAsync("#/dashboard?groupBy=platform");
        await Expect(page.Locator("#rate-table tbody tr")).ToHaveCountAsync(1);

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#rate-card button.csv").ClickAsync());
        var path = await download.PathAsync();

        var lines = await File.ReadAllLinesAsync(path!);
        Assert.StartsWith("Platform,Key,From,To,Claims,Uses", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines.Skip(1), l => l.StartsWith("shopee,shopee,", StringComparison.Ordinal));

        var series = await page.RunAndWaitForDownloadAsync(() => page.Locator("#series-card button.csv").ClickAsync());
        Assert.StartsWith("Day,Platform,Claims,Uses", (await File.ReadAllLinesAsync((await series.PathAsync())!))[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dashboard_ByCampaign_ComparesCampaignsWithTheirCsv()
    {
        var page = await app.SignedInPageAsync("#/dashboard");
        await Expect(page.Locator("#rate-table tbody tr").First).ToBeVisibleAsync();

        await page.SelectOptionAsync("#dash-group", "campaign");
        await page.ClickAsync("#dashboard-filters button[type=submit]");

        // The seeded coupons moved before any was tagged: their figures are all under "No campaign".
        await Expect(page.Locator("#rate-card h2")).ToHaveTextAsync("Redemption rate by campaign");
        await Expect(page.Locator("#rate-table tbody tr[data-key='']")).ToContainTextAsync("No campaign");
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#rate-card button.csv").ClickAsync());
        var lines = await File.ReadAllLinesAsync((await download.PathAsync())!);
        Assert.StartsWith("Campaign,Key,From,To,Claims,Uses,Redemption rate", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("No campaign,,", lines[1], StringComparison.Ordinal);
        await BrowserApp.ScreenshotAsync(page, "dashboard-by-campaign.png");
    }
}
