using CouponFunctions.Browser.Tests.Infrastructure;
using CouponFunctions.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CouponFunctions.Browser.Tests.Admin;

/// <summary>An operator signs in, sees each store's last sync with the platform's error, syncs one now and adds a store.</summary>
[Collection(BrowserCollection.Name)]
public sealed class StoresPageTests(BrowserApp app)
{
    [Fact]
    public async Task Stores_FailingStore_ShowsThePlatformErrorForTroubleshooting()
    {
        var page = await app.SignedInPageAsync("#/stores");

        var failing = StoreRow(page, app.Data.Singapore);
        await Expect(failing.Locator(".sync-cell .badge")).ToHaveTextAsync("failed");
        var failure = failing.Locator(".failure");
        await Expect(failure).ToContainTextAsync("error_server");
        await Expect(failure).ToContainTextAsync("500");
        await Expect(failure).ToContainTextAsync("access_token=***");
        await Expect(failure).ToContainTextAsync("sign=***");
        await Expect(failure.Locator("dd", new LocatorLocatorOptions { HasText = "/api/v2/voucher/get_voucher_list" })).ToBeVisibleAsync();
        await Expect(failing.Locator(".sync-cell")).ToContainTextAsync("last success");
        var healthy = StoreRow(page, app.Data.Bangkok);
        await Expect(healthy.Locator(".sync-cell .badge")).ToHaveTextAsync("succeeded");
        await Expect(healthy.Locator(".sync-cell")).ToContainTextAsync("5 coupons");
        await Expect(healthy).ToContainTextAsync("Asia/Bangkok");
        Assert.Equal(0, await healthy.Locator(".failure").CountAsync());

        await failing.Locator("button.history-toggle").ClickAsync();
        var panel = page.Locator($"#history-{app.Data.Singapore}");
        await Expect(panel.Locator("table.sync-runs tbody tr")).ToHaveCountAsync(2);
        await Expect(panel.Locator("table.sync-runs tbody tr").First).ToContainTextAsync("failed");
        await Expect(panel.Locator("table.platform-failures tbody tr").First).ToContainTextAsync("error_server");
        Assert.Equal("true", await failing.Locator("button.history-toggle").GetAttributeAsync("aria-expanded"));
        await BrowserApp.ScreenshotAsync(page, "stores-sync.png");
    }

    [Fact]
    public async Task SyncNow_Editor_QueuesASyncAndTheRowShowsTheNewAttempt()
    {
        var page = await app.SignedInPageAsync("#/stores", await app.IssueKeyAsync("editor"));
        var row = StoreRow(page, app.Data.Manila);
        var attempt = row.Locator(".sync-cell time").First;
        var before = await attempt.GetAttributeAsync("datetime");
        var runs = (await StoreSyncs.RunsAsync(app.Admin, app.Data.Manila)).Count;

        await row.Locator("button.sync-now").ClickAsync();
        await Expect(page.Locator("#flash")).ToContainTextAsync("Sync of Manila Home PH queued");
        Assert.Equal(1, await Workspace.AwaitSyncsAsync(app, app.Data.Manila, runs));

        await Expect(row.Locator(".sync-cell time").First).Not.ToHaveAttributeAsync("datetime", before!, new() { Timeout = 10_000 });
        await Expect(row.Locator(".sync-cell .badge")).ToHaveTextAsync("succeeded");
    }

    [Fact]
    public async Task Stores_Viewer_HasNoSyncOrAddControls()
    {
        var page = await app.SignedInPageAsync("#/stores", await app.IssueKeyAsync("viewer"));

        await Expect(StoreRow(page, app.Data.Bangkok)).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("button.sync-now").CountAsync());
        Assert.Equal(0, await page.Locator("#add-store").CountAsync());
    }

    [Fact]
    public async Task AddStore_ThroughTheForm_IsListed()
    {
        var page = await app.SignedInPageAsync("#/stores");

        await page.SelectOptionAsync("#store-platform", "lazada");
        await page.SelectOptionAsync("#store-site", "PH");
        await page.FillAsync("#store-shopId", "100200");
        await page.FillAsync("#store-displayName", "Acme Lazada PH");
        await page.ClickAsync("#add-store button[type=submit]");

        var row = page.Locator("#stores tbody tr.store-row", new PageLocatorOptions { HasText = "Acme Lazada PH" });
        await Expect(row).ToBeVisibleAsync();
        await Expect(row).ToContainTextAsync("Asia/Manila");
        await Expect(row).ToContainTextAsync("never synced");
        await Expect(page.Locator("#flash")).ToContainTextAsync("Added Acme Lazada PH");
        await BrowserApp.ScreenshotAsync(page, "stores-added.png");
    }

    [Fact]
    public async Task AddStore_BadFields_ShowsTheApiMessageBesideEachField()
    {
        var page = await app.SignedInPageAsync("#/stores");

        await page.SelectOptionAsync("#store-platform", "lazada");
        await page.SelectOptionAsync("#store-site", "TW");
        await page.ClickAsync("#add-store button[type=submit]");

        await Expect(page.Locator("[data-error-for=site]")).ToContainTextAsync("Lazada does not operate in Taiwan");
        await Expect(page.Locator("[data-error-for=shopId]")).ToContainTextAsync("Shop id is required");
        await Expect(page.Locator("#store-site")).ToHaveAttributeAsync("aria-invalid", "true");
        await BrowserApp.ScreenshotAsync(page, "stores-invalid.png");
    }

    [Fact]
    public async Task SignIn_WrongKey_SaysSoAndStaysOnSignIn()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync(BrowserApp.AdminPath);

        await page.FillAsync("#api-key", "cfk_nobody_k000000000000_" + new string('0', 64));
        await page.ClickAsync("#sign-in-form button[type=submit]");

        await Expect(page.Locator("[data-error-for=apiKey]")).ToContainTextAsync("not valid");
        await Expect(page.Locator("#sign-in")).ToBeVisibleAsync();
    }

    private static ILocator StoreRow(IPage page, string storeId) => page.Locator($"#stores tr.store-row[data-store-id=\"{storeId}\"]");
}
