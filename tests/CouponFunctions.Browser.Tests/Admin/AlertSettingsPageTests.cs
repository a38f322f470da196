using CouponFunctions.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace CouponFunctions.Browser.Tests.Admin;

/// <summary>Alert settings: field errors beside the entry they are about, a save that sticks, and read-only for non-admins.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AlertSettingsPageTests(BrowserApp app)
{
    [Fact]
    public async Task Save_BadEntries_ShowErrorsBesideThem_ThenTheFixedSettingsAreSaved()
    {
        var page = await app.SignedInPageAsync("#/settings");
        await Expect(page.Locator("#recipients-0")).ToHaveValueAsync("ops@example.com");
        await Expect(page.Locator("#slots-1")).ToHaveValueAsync("15:00");

        await page.ClickAsync("#add-recipient");
        await page.FillAsync("#recipients-2", "night shift");
        await page.ClickAsync("#add-slot");
        await page.ClickAsync("#alert-settings button[type=submit]");

        await Expect(page.Locator("[data-error-for='recipients[2]']")).ToContainTextAsync("'night shift' is not an email address");
        await Expect(page.Locator("#recipients-2")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("[data-error-for='slots[2]']")).ToContainTextAsync("HH:mm");
        await Expect(page.Locator("[data-error-for='recipients[0]']")).ToBeEmptyAsync();
        await BrowserApp.ScreenshotAsync(page, "settings-invalid.png");

        await page.FillAsync("#recipients-2", "night@example.com");
        await page.FillAsync("#slots-2", "20:30");
        await page.FillAsync("#setting-lowStockCount", "7");
        await page.ClickAsync("#alert-settings button[type=submit]");
        await Expect(page.Locator("#flash")).ToContainTextAsync("Alert settings saved.");

        await page.ReloadAsync();
        await Expect(page.Locator("#recipients-2")).ToHaveValueAsync("night@example.com");
        await Expect(page.Locator("#slots-2")).ToHaveValueAsync("20:30");
        await Expect(page.Locator("#setting-lowStockCount")).ToHaveValueAsync("7");
        await BrowserApp.ScreenshotAsync(page, "settings.png");
    }

    [Fact]
    public async Task Settings_Editor_SeesThemReadOnly()
    {
        var page = await app.SignedInPageAsync("#/settings", await app.IssueKeyAsync("editor"));

        await Expect(page.Locator("#read-only-note")).ToBeVisibleAsync();
        await Expect(page.Locator("#recipients-0")).ToBeDisabledAsync();
        Assert.Equal(0, await page.Locator("#alert-settings button[type=submit]").CountAsync());
    }
}
