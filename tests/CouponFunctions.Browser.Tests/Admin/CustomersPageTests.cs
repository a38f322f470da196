using System.Text;
using CouponFunctions.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CouponFunctions.Browser.Tests.Admin;

/// <summary>Customers in the page: a CSV import with its live progress and row errors, and adding, editing and deleting one.</summary>
[Collection(BrowserCollection.Name)]
public sealed class CustomersPageTests(BrowserApp app)
{
    [Fact]
    public async Task Import_FileWithOneBadRow_ShowsCountsAndTheRowErrorReport()
    {
        var csv = "externalId,name,email,mobile,tags,emailConsent,emailConsentSource\n" +
            "imp-ok-1,Ana Reyes,ana@example.com,09171234567,vip|manila,yes,pos signup\n" +
            "imp-bad-2,Ben Cruz,not-an-email,,,no,\n" +
            "imp-ok-3,Cara Lim,cara@example.com,,,,\n";
        var page = await app.SignedInPageAsync("#/customers");
        await page.SelectOptionAsync("#import-store", app.Data.Manila);
        await page.SetInputFilesAsync("#import-file", new FilePayload { Name = "buyers.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });

        await page.ClickAsync("#import-start");

        var progress = page.Locator("#import-progress .note[data-status=done]");
        await Expect(progress).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Expect(progress.Locator(".tile", new() { HasText = "Created" })).ToContainTextAsync("2");
        await Expect(progress.Locator(".tile", new() { HasText = "Failed" })).ToContainTextAsync("1");
        var error = page.Locator("#import-errors tbody tr");
        await Expect(error).ToHaveCountAsync(1);
        await Expect(error).ToHaveAttributeAsync("data-id", "imp-bad-2");
        await Expect(error).ToContainTextAsync("Email");
        var report = page.Locator("#import-report");
        await Expect(report).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(page, "customers-import.png");
        var lines = await ReadCsvAsync(await report.GetAttributeAsync("href"));
        Assert.Contains(lines, l => l.StartsWith("imp-bad-2,", StringComparison.Ordinal) && l.Contains("email", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(lines, l => l.StartsWith("imp-ok-", StringComparison.Ordinal));

        // The imported customers are listed (the list reloads when the import is over), consent with how it was given.
        await page.FillAsync("#customer-search-text", "imp-ok-1");
        await page.ClickAsync("#customer-search button[type=submit]");
        var row = page.Locator("#customers tbody tr[data-id=\"imp-ok-1\"]");
        await Expect(row.Locator(".consent-email")).ToContainTextAsync("granted");
        await Expect(row.Locator(".consent-email")).ToContainTextAsync("pos signup");
        await Expect(row).ToContainTextAsync("+639171234567");
        await Expect(page.Locator("#customers tbody tr")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task Customer_AddWithBadEmailThenFixEditAndDelete_ErrorAtTheFieldAndChangesListed()
    {
        var page = await app.SignedInPageAsync("#/customers");
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.ClickAsync("#add-customer");
        var form = page.Locator("#customer-form");
        await form.Locator("input[name=externalId]").FillAsync("page-c1");
        await form.Locator("input[name=name]").FillAsync("Dara Tan");
        await form.Locator("input[name=email]").FillAsync("dara@@example");
        await form.Locator("select[name=storeId]").SelectOptionAsync(app.Data.Bangkok);
        await form.Locator("select[name='emailConsent.status']").SelectOptionAsync("granted");
        await form.Locator("input[name='emailConsent.source']").FillAsync("shop counter");

        await form.Locator("button[type=submit]").ClickAsync();

        await Expect(form.Locator("[data-error-for=email]")).Not.ToBeEmptyAsync();
        await Expect(form.Locator("input[name=email]")).ToHaveAttributeAsync("aria-invalid", "true");
        await BrowserApp.ScreenshotAsync(page, "customers-field-error.png");

        await form.Locator("input[name=email]").FillAsync("dara@example.com");
        await form.Locator("button[type=submit]").ClickAsync();
        await Expect(page.Locator("#flash")).ToContainTextAsync("Added Dara Tan");
        await page.FillAsync("#customer-search-text", "page-c1");
        await page.ClickAsync("#customer-search button[type=submit]");
        var row = page.Locator("#customers tbody tr[data-id=\"page-c1\"]");
        await Expect(row.Locator(".consent-email")).ToContainTextAsync("shop counter");

        await row.Locator("button.edit-customer").ClickAsync();
        await page.Locator("#customer-form input[name=tags]").FillAsync("vip, walk-in");
        await page.Locator("#customer-form button[type=submit]").ClickAsync();
        await Expect(page.Locator("#flash")).ToContainTextAsync("Saved Dara Tan");
        await Expect(row).ToContainTextAsync("vip, walk-in");
        await Expect(row.Locator(".consent-email")).ToContainTextAsync("shop counter");

        // An emptied field clears it (the edit is a merge patch with null), the rest stays.
        await row.Locator("button.edit-customer").ClickAsync();
        await page.Locator("#customer-form input[name=name]").FillAsync("");
        await page.Locator("#customer-form button[type=submit]").ClickAsync();
        await Expect(row).Not.ToContainTextAsync("Dara Tan");
        var cleared = System.Text.Json.Nodes.JsonNode.Parse(await app.Admin.GetStringAsync("/api/customers/page-c1"))!;
        Assert.Null(cleared["name"]);
        Assert.Equal("dara@example.com", cleared["email"]!.GetValue<string>());

        await row.Locator("button.delete-customer").ClickAsync();
        await Expect(page.Locator("#flash")).ToContainTextAsync("Deleted page-c1");
        await Expect(page.Locator("#customers tbody tr[data-id=\"page-c1\"]")).ToHaveCountAsync(0);
        using var gone = await app.Admin.GetAsync("/api/customers/page-c1");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, gone.StatusCode);
    }

    private static async Task<string[]> ReadCsvAsync(string? link)
    {
        Assert.NotNull(link);
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        var text = await client.GetStringAsync(new Uri(link));
        return text.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
    }
}
