using CouponFunctions.Browser.Tests.Infrastructure;
using Microsoft.Playwright;

namespace CouponFunctions.Browser.Tests.Admin;

/// <summary>An operator signs in on the admin page and adds a store through it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class StoresPageTests(BrowserApp app)
{
    [Fact]
    public async Task AddStore_ThroughTheForm_IsListed()
    {
        var page = await app.NewPageAsync();
        await SignInAsync(page);

        await page.SelectOptionAsync("#store-platform", "lazada");
        await page.SelectOptionAsync("#store-site", "PH");

        await page.FillAsync("#store-shopId", "ph-100200");
        await page.FillAsync("#store-displayName", "Acme Lazada PH");
        await page.ClickAsync("#add-store button[type=submit]");

        var row = page.Locator("#stores tbody tr", new PageLocatorOptions { HasText = "Acme Lazada PH" });
        try
        {
            await row.WaitForAsync(new LocatorWaitForOptions { Timeout = 5000 });
        }
        finally
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserApp.ScreenshotPath("stores-added.png"), FullPage = true });
    
        }
        Assert.Contains("Asia/Manila", await row.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Added Acme Lazada PH", await page.InnerTextAsync("#flash"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddStore_BadFields_ShowsTheApiMessageBesideEachField()
    {
        var page = await app.NewPageAsync();
        await SignInAsync(page);

        await page.SelectOptionAsync("#store-platform", "lazada");
        await page.SelectOptionAsync("#store-site", "TW");
        await page.ClickAsync("#add-store button[type=submit]");

        var siteError = page.Locator("[data-error-for=site]");
        await Assertions.Expect(siteError).ToContainTextAsync("Lazada does not operate in Taiwan");
        await Assertions.Expect(page.Locator("[data-error-for=shopId]")).ToContainTextAsync("Shop id is required");
        Assert.Equal("true", await page.GetAttributeAsync("#store-site", "aria-invalid"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserApp.ScreenshotPath("stores-invalid.png"), FullPage = true });
    }

    [Fact]
    public async Task SignIn_WrongKey_SaysSoAndStaysOnSignIn()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/admin/");

        await page.FillAsync("#api-key", "cfk_nobody_k000000000000_" + new string('0', 64));
        await page.ClickAsync("#sign-in-form button[type=submit]");

        await Assertions.Expect(page.Locator("[data-error-for=apiKey]")).ToContainTextAsync("not valid");
        Assert.True(await page.IsVisibleAsync("#sign-in"));
    }

    private async Task SignInAsync(IPage page)
    {
        await page.GotoAsync("/admin/");
        await page.FillAsync("#api-key", app.AdminKey);
        await page.ClickAsync("#sign-in-form button[type=submit]");
        await page.Locator("#add-store").WaitForAsync();
    }
}
