using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CouponFunctions.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CouponFunctions.Browser.Tests.Admin;

/// <summary>Managing stores and keys in the page: edit, connect through the sandbox's authorization page, issue and revoke keys.</summary>
[Collection(BrowserCollection.Name)]
public sealed class StoreManagementPageTests(BrowserApp app)
{
    private const long ConnectShop = 820_010;

    [Fact]
    public async Task Store_EditThenConnectThroughTheAuthorizationPage_IsSavedAndConnected()
    {
        app.Sandbox.Shopee.AddShop(ConnectShop, "TH", BrowserApp.PartnerId);
        app.Sandbox.Shopee.AuthorizingShopId = ConnectShop;
        using var added = await app.Admin.PostAsync("/api/stores", JsonContent.Create(new { platform = "shopee", site = "TH", shopId = "820010", displayName = "Unconnected TH" }));
        added.EnsureSuccessStatusCode();
        var storeId = JsonNode.Parse(await added.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
        var page = await app.SignedInPageAsync("#/stores");
        var row = page.Locator($"#stores tr.store-row[data-store-id=\"{storeId}\"]");
        await Expect(row).ToContainTextAsync("not connected");

        await row.Locator("button.edit-store").ClickAsync();
        var edit = page.Locator($"#stores tr.edit-row[data-store-id=\"{storeId}\"]");
        await edit.Locator("input[name=displayName]").FillAsync("Bangkok Outlet TH");
        await edit.Locator("button[type=submit]").ClickAsync();
        await Expect(page.Locator("#flash")).ToContainTextAsync("Saved Bangkok Outlet TH");
        await Expect(row).ToContainTextAsync("Bangkok Outlet TH");

        // The sandbox's authorization page approves at once and sends the browser back through the app's callback.
        await MapPublicAddressToTheHostAsync(page);
        await row.Locator("button.connect-store").ClickAsync();

        await Expect(page.Locator("#connection-outcome")).ToContainTextAsync("is connected", new() { Timeout = 30_000 });
        await Expect(page.Locator($"#stores tr.store-row[data-store-id=\"{storeId}\"]")).Not.ToContainTextAsync("not connected");
        await Expect(page.Locator($"#stores tr.store-row[data-store-id=\"{storeId}\"]")).ToContainTextAsync("token until");
        await BrowserApp.ScreenshotAsync(page, "stores-connected.png");
    }

    [Fact]
    public async Task Stores_FilterAndProblemsFirst_PutTheFailingStoreOnTop()
    {
        var page = await app.SignedInPageAsync("#/stores");

        await Expect(page.Locator("#stores tr.store-row").First).ToHaveAttributeAsync("data-store-id", app.Data.Singapore);
        await page.FillAsync("#stores-filter", "manila");

        await Expect(page.Locator("#stores tr.store-row")).ToHaveCountAsync(1);
        await Expect(page.Locator("#stores tr.store-row").First).ToHaveAttributeAsync("data-store-id", app.Data.Manila);
    }

    [Fact]
    public async Task Keys_IssueShownOnceThenRevoke_TheKeyStopsWorking()
    {
        var page = await app.SignedInPageAsync("#/keys");
        page.Dialog += (_, dialog) => dialog.AcceptAsync();

        await page.FillAsync("#key-name", "Browser ops");
        await page.SelectOptionAsync("#key-role", "editor");
        await page.Locator($"#key-scope input[value=\"{app.Data.Bangkok}\"]").CheckAsync();
        await page.ClickAsync("#issue-key button[type=submit]");

        var issued = page.Locator("#issued-key");
        await Expect(issued).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^cfk_"));
        var key = await issued.InputValueAsync();
        var row = page.Locator("#keys tbody tr", new PageLocatorOptions { HasText = "Browser ops" });
        await Expect(row).ToContainTextAsync("Siam Gadgets TH");
        await Expect(page.Locator("#copy-key")).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "keys-issued.png");
        Assert.Equal(System.Net.HttpStatusCode.OK, await StatusWithKeyAsync(key));

        await row.Locator("button.revoke").ClickAsync();

        await Expect(page.Locator("#flash")).ToContainTextAsync("Revoked Browser ops");
        await Expect(page.Locator("#keys tbody tr", new PageLocatorOptions { HasText = "Browser ops" })).ToContainTextAsync("revoked");
        await Expect(page.Locator("#issued-key")).ToHaveCountAsync(0);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, await StatusWithKeyAsync(key));
    }

    /// <summary>
    /// The app builds the callback from Admin:PublicUrl (the local default, 127.0.0.1:7071), and the fixture's host port is
    /// only known once it runs: answer requests to the public address from the host, as a reverse proxy in front would.
    /// Redirects the app answers to the public address are rewritten to the host's, so the page stays on its own origin.
    /// </summary>
    private async Task MapPublicAddressToTheHostAsync(IPage page)
    {
        const string PublicOrigin = "http://127.0.0.1:7071/";
        var host = app.BaseUrl.ToString();
        await page.RouteAsync(PublicOrigin + "**", async route =>
        {
            var response = await route.FetchAsync(new() { Url = host + route.Request.Url[PublicOrigin.Length..], MaxRedirects = 0 });
            var headers = response.Headers.ToDictionary(h => h.Key, h => h.Key.Equals("location", StringComparison.OrdinalIgnoreCase) ? h.Value.Replace(PublicOrigin, host, StringComparison.Ordinal) : h.Value);
            await route.FulfillAsync(new() { Response = response, Headers = headers });
        });
    }

    private async Task<System.Net.HttpStatusCode> StatusWithKeyAsync(string key)
    {
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = app.BaseUrl };
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        using var response = await client.GetAsync("/api/me");
        return response.StatusCode;
    }
}
