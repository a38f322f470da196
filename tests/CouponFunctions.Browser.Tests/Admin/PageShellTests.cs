using CouponFunctions.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CouponFunctions.Browser.Tests.Admin;

/// <summary>The page's shell: what shows while signed out, where the key is kept, the security policy it runs under.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PageShellTests(BrowserApp app)
{
    [Fact]
    public async Task SignedOut_NavigationAndSignOut_AreHidden()
    {
        var page = await app.NewPageAsync();

        await page.GotoAsync(BrowserApp.AdminPath);

        await Expect(page.Locator("#sign-in")).ToBeVisibleAsync();
        await Expect(page.Locator("#nav")).ToBeHiddenAsync();
        await Expect(page.Locator("#sign-out")).ToBeHiddenAsync();
    }

    [Fact]
    public async Task SignIn_WithoutRemember_KeepsTheKeyOnlyInSessionStorage()
    {
        var page = await app.SignedInPageAsync();

        Assert.Null(await page.EvaluateAsync<string?>("localStorage.getItem('couponfunctions.apiKey')"));
        Assert.Equal(app.AdminKey, await page.EvaluateAsync<string?>("sessionStorage.getItem('couponfunctions.apiKey')"));
    }

    [Fact]
    public async Task SignIn_WithRemember_KeepsTheKeyForTheNextVisit()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync(BrowserApp.AdminPath);
        await page.FillAsync("#api-key", app.AdminKey);
        await page.CheckAsync("#remember");
        await page.ClickAsync("#sign-in-form button[type=submit]");
        await page.Locator("#nav").WaitForAsync();

        Assert.Equal(app.AdminKey, await page.EvaluateAsync<string?>("localStorage.getItem('couponfunctions.apiKey')"));
    }

    [Fact]
    public async Task StoresView_AfterAuthorizationError_ShowsTheStoresAndTheError()
    {
        var page = await app.SignedInPageAsync();
        // The platform's page sends the browser back: a fresh load of the page in the same tab (the key is in sessionStorage).
        await page.GotoAsync("about:blank");

        await page.GotoAsync(BrowserApp.AdminPath + "#/stores?authError=" + Uri.EscapeDataString("The seller refused the authorization."));

        await Expect(page.Locator("#connection-outcome")).ToContainTextAsync("The seller refused the authorization.");
        await Expect(page.Locator("#stores tbody tr.store-row")).Not.ToHaveCountAsync(0);
        await BrowserApp.ScreenshotAsync(page, "stores-auth-error.png");
    }

    [Fact]
    public async Task EveryView_RunsWithoutSecurityPolicyViolations()
    {
        var page = await app.SignedInPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) violations.Add(message.Text);
        };

        foreach (var view in new[] { "#/stores", "#/coupons", "#/findings", "#/settings", "#/customers", "#/segments", "#/sends", "#/outbox" })
        {
            await page.GotoAsync(BrowserApp.AdminPath + view);
            await Expect(page.Locator("#view")).Not.ToHaveAttributeAsync("aria-busy", "true");
            await Expect(page.Locator("#view > *").First).ToBeVisibleAsync();
        }
        await page.Locator("#outbox tbody tr a").First.ClickAsync();
        await Expect(page.Locator("#outbox-text")).ToBeVisibleAsync();

        Assert.Empty(violations);
    }
}
