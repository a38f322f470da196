using System.Net.Http.Json;
using System.Globalization;
using CouponFunctions.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CouponFunctions.Browser.Tests.Admin;

/// <summary>The cross-store coupon list driven as an operator: filters, sort, paging, export, and filters kept in the URL.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CouponListPageTests(BrowserApp app)
{
    [Fact]
    public async Task StockFilter_Out_ListsExactlyTheSoldOutCoupons()
    {
        var page = await app.SignedInPageAsync("#/coupons");
        await Expect(Rows(page).First).ToBeVisibleAsync();

        await page.SelectOptionAsync("#filter-stock", "out");

        await Expect(page.Locator("#coupons-summary")).ToHaveTextAsync("Showing 1–2 of 2 coupons");
        Assert.Equal(["Sold Out Starter", "Weekend Mega Deal"], (await Names(page)).Order(StringComparer.Ordinal));
        Assert.Contains("stock=out", page.Url, StringComparison.Ordinal);
        var weekend = Rows(page).Filter(new() { HasText = "Weekend Mega Deal" });
        await Expect(weekend).ToContainTextAsync("Siam Gadgets TH");
        await Expect(weekend).ToContainTextAsync("THB 25.00 off");
        await Expect(weekend.Locator("td").Nth(5)).ToHaveTextAsync("0 / 100");
        // Times are the store's own: Bangkok is GMT+7, Manila GMT+8.
        await Expect(weekend.Locator("time").First).ToContainTextAsync("GMT+7");
        await Expect(Rows(page).Filter(new() { HasText = "Sold Out Starter" }).Locator("time").First).ToContainTextAsync("GMT+8");
        await Expect(weekend.Locator(".badge").Last).ToHaveTextAsync("1 critical");
        await BrowserApp.ScreenshotAsync(page, "coupons-stock-out.png");
    }

    [Fact]
    public async Task TextAndStatusFilters_NarrowTheList_AndSurviveAReload()
    {
        var page = await app.SignedInPageAsync("#/coupons");
        await Expect(Rows(page).First).ToBeVisibleAsync();

        await page.FillAsync("#filter-q", "mega");
        await page.PressAsync("#filter-q", "Enter");
        await Expect(Rows(page)).ToHaveCountAsync(1);
        await Expect(Rows(page)).ToContainTextAsync("Weekend Mega Deal");

        await page.FillAsync("#filter-q", "");
        // The list opens on the live coupons (upcoming, ongoing, paused): leave only upcoming ticked.
        await Expect(page.Locator("#coupon-filters input[name=status][value=upcoming]")).ToBeCheckedAsync();
        await page.UncheckAsync("#coupon-filters input[name=status][value=ongoing]");
        await page.UncheckAsync("#coupon-filters input[name=status][value=paused]");
        await Expect(Rows(page)).ToHaveCountAsync(1);
        await Expect(Rows(page)).ToContainTextAsync("New Year Preview");
        Assert.EndsWith("#/coupons?status=upcoming", page.Url, StringComparison.Ordinal);

        await page.ReloadAsync();
        await Expect(Rows(page)).ToHaveCountAsync(1);
        await Expect(Rows(page)).ToContainTextAsync("New Year Preview");
        await Expect(page.Locator("#coupon-filters input[name=status][value=upcoming]")).ToBeCheckedAsync();
        await Expect(page.Locator("#coupon-filters input[name=status][value=ongoing]")).Not.ToBeCheckedAsync();
    }

    [Fact]
    public async Task LinkedFilters_StoreAndRemoved_OpenFilteredAndShowTheRemovedCoupon()
    {
        var page = await app.SignedInPageAsync($"#/coupons?store={app.Data.Manila}&include=removed");

        await Expect(page.Locator("#filter-store")).ToHaveValueAsync(app.Data.Manila);
        await Expect(page.Locator("#coupon-filters input[name=include][value=removed]")).ToBeCheckedAsync();
        await Expect(Rows(page)).ToHaveCountAsync(4);
        await Expect(Rows(page).Filter(new() { HasText = "Old Clearance" })).ToContainTextAsync("removed");

        await page.UncheckAsync("#coupon-filters input[name=include][value=removed]");
        await Expect(Rows(page)).ToHaveCountAsync(3);
        Assert.DoesNotContain("Old Clearance", await Names(page));
    }

    [Fact]
    public async Task DefaultView_LiveCouponsThenAllStatuses_SeveralStoresAndACampaign()
    {
        using var tagged = await app.Admin.PostAsJsonAsync("/api/coupons/campaign", new
        {
            campaign = "Payday Partners",
            coupons = new[] { new { storeId = app.Data.Bangkok, couponId = app.Data.Payday.VoucherId.ToString(CultureInfo.InvariantCulture) } },
        });
        Assert.True(tagged.IsSuccessStatusCode, await tagged.Content.ReadAsStringAsync());
        var page = await app.SignedInPageAsync("#/coupons");
        await Expect(Rows(page).First).ToBeVisibleAsync();

        // Songkran Splash ended weeks ago: not live, so not in the default view.
        Assert.DoesNotContain("Songkran Splash", await Names(page));
        foreach (var status in new[] { "upcoming", "ongoing", "paused" })
            await Expect(page.Locator($"#coupon-filters input[name=status][value={status}]")).ToBeCheckedAsync();
        foreach (var status in new[] { "upcoming", "ongoing", "paused" })
            await page.UncheckAsync($"#coupon-filters input[name=status][value={status}]");
        await Expect(Rows(page).Filter(new() { HasText = "Songkran Splash" })).ToHaveCountAsync(1);
        Assert.Contains("status=all", page.Url, StringComparison.Ordinal);

        await page.SelectOptionAsync("#filter-store", new[] { app.Data.Manila, app.Data.Singapore });
        await Expect(Rows(page).Filter(new() { HasText = "Singles Day Early Bird" })).ToHaveCountAsync(1);
        await Expect(Rows(page).Filter(new() { HasText = "Weekend Mega Deal" })).ToHaveCountAsync(0);
        await Expect(Rows(page).Filter(new() { HasText = "Sold Out Starter" })).ToHaveCountAsync(1);
        var stores = new Uri(page.Url).Fragment.Split('?')[1].Split('&').Single(p => p.StartsWith("store=", StringComparison.Ordinal))["store=".Length..].Split(',');
        Assert.Equal(new[] { app.Data.Manila, app.Data.Singapore }.Order(StringComparer.Ordinal), stores.Order(StringComparer.Ordinal));

        await page.SelectOptionAsync("#filter-store", Array.Empty<string>());
        await page.FillAsync("#filter-campaign", "payday partners");
        await page.PressAsync("#filter-campaign", "Enter");
        await Expect(Rows(page)).ToHaveCountAsync(1);
        await Expect(Rows(page)).ToContainTextAsync("Payday Flash Sale");
        await BrowserApp.ScreenshotAsync(page, "coupons-campaign-filter.png");
    }

    [Fact]
    public async Task SortByRemaining_HeaderClicks_OrderAscendingThenDescending()
    {
        var page = await app.SignedInPageAsync("#/coupons");
        await Expect(Rows(page).First).ToBeVisibleAsync();
        var header = page.Locator("#coupons th", new() { Has = page.Locator("button[data-sort=remaining]") });

        await page.ClickAsync("button[data-sort=remaining]");
        await Expect(header).ToHaveAttributeAsync("aria-sort", "ascending");
        var ascending = await Remaining(page);
        Assert.Equal(ascending.Order(), ascending);
        Assert.Equal(0, ascending[0]);

        await page.ClickAsync("button[data-sort=remaining]");
        await Expect(header).ToHaveAttributeAsync("aria-sort", "descending");
        var descending = await Remaining(page);
        Assert.Equal(descending.OrderDescending(), descending);
        Assert.Equal(700, descending[0]);
        Assert.Contains("sort=-remaining", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Paging_ContinuationTokens_NextAndPreviousPages()
    {
        var page = await app.SignedInPageAsync("#/coupons?pageSize=3&status=all");
        await Expect(page.Locator("#coupons-summary")).ToHaveTextAsync("Showing 1–3 of 9 coupons");
        var first = await Names(page);
        await Expect(page.Locator("#previous-page")).ToBeDisabledAsync();

        await page.ClickAsync("#next-page");
        await Expect(page.Locator("#coupons-summary")).ToHaveTextAsync("Showing 4–6 of 9 coupons");
        Assert.Empty((await Names(page)).Intersect(first));

        await page.ClickAsync("#next-page");
        await Expect(page.Locator("#coupons-summary")).ToHaveTextAsync("Showing 7–9 of 9 coupons");
        await Expect(page.Locator("#next-page")).ToBeDisabledAsync();

        await page.ClickAsync("#previous-page");
        await page.ClickAsync("#previous-page");
        await Expect(page.Locator("#coupons-summary")).ToHaveTextAsync("Showing 1–3 of 9 coupons");
        Assert.Equal(first, await Names(page));
    }

    [Fact]
    public async Task ExpiringWithin_NegativeDays_ShowsTheApiMessageBesideTheFilter()
    {
        var page = await app.SignedInPageAsync("#/coupons");
        await Expect(Rows(page).First).ToBeVisibleAsync();

        await page.FillAsync("#filter-expiringWithinDays", "-1");
        await page.PressAsync("#filter-expiringWithinDays", "Enter");

        await Expect(page.Locator("[data-error-for=expiringWithinDays]")).ToContainTextAsync("from 0 to 365");
        await Expect(page.Locator("#filter-expiringWithinDays")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(Rows(page)).ToHaveCountAsync(0);
        await BrowserApp.ScreenshotAsync(page, "coupons-bad-filter.png");

        await page.FillAsync("#filter-expiringWithinDays", "1");
        await page.PressAsync("#filter-expiringWithinDays", "Enter");
        await Expect(Rows(page)).ToHaveCountAsync(1);
        await Expect(Rows(page)).ToContainTextAsync("Last Call Voucher");
        await Expect(page.Locator("[data-error-for=expiringWithinDays]")).ToBeEmptyAsync();
    }

    [Fact]
    public async Task Export_WithTheCurrentFilters_DownloadsTheirCsv()
    {
        var page = await app.SignedInPageAsync("#/coupons?stock=out");
        await Expect(Rows(page)).ToHaveCountAsync(2);

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-csv"));

        Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.Ordinal);
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Contains("Weekend Mega Deal", csv, StringComparison.Ordinal);
        Assert.Contains("Sold Out Starter", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("Bulk Buy Bonus", csv, StringComparison.Ordinal);
    }

    private static ILocator Rows(IPage page) => page.Locator("#coupons tbody tr");

    private static async Task<List<string>> Names(IPage page) =>
        [.. await page.Locator("#coupons tbody tr .coupon-name").AllInnerTextsAsync()];

    private static async Task<List<int>> Remaining(IPage page) =>
        [.. (await page.Locator("#coupons tbody tr td:nth-child(6) strong").AllInnerTextsAsync()).Select(t => int.Parse(t, NumberStyles.AllowThousands, CultureInfo.InvariantCulture))];
}
