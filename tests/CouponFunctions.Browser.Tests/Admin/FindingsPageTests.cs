using System.Globalization;
using CouponFunctions.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CouponFunctions.Browser.Tests.Admin;

/// <summary>Today's findings against the morning run, and from a finding to the coupon's detail and history.</summary>
[Collection(BrowserCollection.Name)]
public sealed class FindingsPageTests(BrowserApp app)
{
    [Fact]
    public async Task Findings_AfterTheAfternoonRun_ShowNewFirstThenOngoingAndResolved()
    {
        var page = await app.SignedInPageAsync("#/findings");

        var bangkok = StoreCard(page, app.Data.Bangkok);
        var rows = bangkok.Locator("tr.finding");
        await Expect(rows.First).ToHaveAttributeAsync("data-state", "new");
        var stockOut = bangkok.Locator("tr.finding[data-code='stock.out'][data-state=new]");
        await Expect(stockOut).ToContainTextAsync("Weekend Mega Deal");
        await Expect(stockOut).ToContainTextAsync("has run out: all 100 are used");
        await Expect(stockOut).ToContainTextAsync("Replenish the quantity or end the coupon.");
        await Expect(stockOut.Locator(".badge").Nth(1)).ToHaveTextAsync("critical");
        var resolved = bangkok.Locator("tr.finding[data-code='stock.out'][data-state=resolved]");
        await Expect(resolved).ToContainTextAsync("Payday Flash Sale");
        var states = await rows.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.state)");
        Assert.Equal(states.OrderBy(s => Array.IndexOf(["new", "ongoing", "resolved"], s)), states);

        var manila = StoreCard(page, app.Data.Manila);
        await Expect(manila.Locator("tr.finding[data-code='stock.out'][data-state=ongoing]")).ToContainTextAsync("Sold Out Starter");
        await Expect(StoreCard(page, app.Data.Singapore).Locator("tr.finding[data-code^='sync.']")).ToContainTextAsync("whole store");
        Assert.True(int.Parse(await page.InnerTextAsync("#findings-summary [data-count=new] .tile-value"), CultureInfo.InvariantCulture) >= 1);
        Assert.True(int.Parse(await page.InnerTextAsync("#findings-summary [data-count=resolved] .tile-value"), CultureInfo.InvariantCulture) >= 1);
        await BrowserApp.ScreenshotAsync(page, "findings.png");
    }

    [Fact]
    public async Task Findings_ClickTheNewStockOut_OpensTheCouponWithItsHistory()
    {
        var page = await app.SignedInPageAsync("#/findings");
        var stockOut = StoreCard(page, app.Data.Bangkok).Locator("tr.finding[data-code='stock.out'][data-state=new]");

        await stockOut.GetByRole(AriaRole.Link, new() { Name = "Weekend Mega Deal" }).ClickAsync();

        await Expect(page.Locator("#coupon-detail h1")).ToHaveTextAsync("Weekend Mega Deal");
        Assert.EndsWith($"#/coupons/{app.Data.Bangkok}/{app.Data.Weekend.VoucherId}", page.Url, StringComparison.Ordinal);
        await Expect(page.Locator("#coupon-detail")).ToContainTextAsync("Siam Gadgets TH");
        await Expect(page.Locator("#coupon-detail")).ToContainTextAsync("WKND");
        await Expect(page.Locator("#coupon-findings li")).ToContainTextAsync("has run out");
        var change = page.Locator("#coupon-history ul.changes li", new() { HasText = "95" });
        await Expect(change).ToContainTextAsync("95 → 100");
        await Expect(page.Locator("#coupon-history time").First).ToContainTextAsync("GMT+7");
        await Expect(page.Locator("#platform-fields tbody tr").First).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "coupon-detail.png");

        await page.ClickAsync("a.back");
        await Expect(page.Locator("#coupons tbody tr").First).ToBeVisibleAsync();
    }

    private static ILocator StoreCard(IPage page, string storeId) => page.Locator($"section.store-findings[data-store-id=\"{storeId}\"]");

    [Fact]
    public async Task Findings_FilterBySeverityAndGroupByRule_ShowsOnlyThoseGroupedByRule()
    {
        var page = await app.SignedInPageAsync("#/findings");
        await Expect(page.Locator("section.store-findings").First).ToBeVisibleAsync();

        await page.SelectOptionAsync("#findings-severity", "critical");
        await page.SelectOptionAsync("#findings-groupBy", "rule");

        var rows = page.Locator("#findings-results tr.finding");
        await Expect(page.Locator("#findings-results section.rule-findings").First).ToBeVisibleAsync();
        Assert.True(await rows.CountAsync() > 0);
        foreach (var badge in await page.Locator("#findings-results tr.finding td:nth-child(2) .badge").AllTextContentsAsync()) Assert.Equal("critical", badge);
        foreach (var section in await page.Locator("#findings-results section.rule-findings").AllAsync())
        {
            var rule = await section.GetAttributeAsync("data-rule");
            foreach (var code in await section.Locator("tr.finding").EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.code)")) Assert.Equal(rule, code);
        }
        Assert.Equal(0, await page.Locator("#findings-results section.store-findings").CountAsync());
        await BrowserApp.ScreenshotAsync(page, "findings-by-rule.png");
    }
}
