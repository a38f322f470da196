using CouponFunctions.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace CouponFunctions.Browser.Tests.Admin;

/// <summary>The attention view, the page's home: what needs the operator, worst first, and acknowledging a finding.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AttentionPageTests(BrowserApp app)
{
    [Fact]
    public async Task Attention_Home_ListsWorstFirstAndAcknowledgingHidesTheFinding()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync(BrowserApp.AdminPath);
        await page.FillAsync("#api-key", app.AdminKey);
        await page.ClickAsync("#sign-in-form button[type=submit]");

        // Signing in lands on the attention view: Singapore's failing sync first, then the critical findings.
        var lines = page.Locator("#attention-table tbody tr");
        await Expect(page.Locator("#nav a[data-view=attention]")).ToHaveAttributeAsync("aria-current", "page");
        await Expect(lines.First).ToHaveAttributeAsync("data-kind", "storeSyncFailing");
        await Expect(lines.First).ToContainTextAsync("Lion City SG");
        var findings = page.Locator("#attention-table tbody tr[data-kind=criticalFinding]");
        var before = await findings.CountAsync();
        Assert.True(before > 0, "the seeded workspace has an open critical finding");
        var first = findings.First;
        var key = await first.GetAttributeAsync("data-key");
        await BrowserApp.ScreenshotAsync(page, "attention.png");

        await first.Locator("button.acknowledge").ClickAsync();

        await Expect(page.Locator("#flash")).ToContainTextAsync("Acknowledged");
        await Expect(findings).ToHaveCountAsync(before - 1);
        await Expect(page.Locator($"#attention-table tbody tr[data-key=\"{key}\"]")).ToHaveCountAsync(0);
        await Expect(page.Locator("#attention-list")).ToContainTextAsync("1 acknowledged finding hidden");
        await BrowserApp.ScreenshotAsync(page, "attention-acknowledged.png");
    }

    [Fact]
    public async Task Attention_Viewer_SeesTheLinesWithoutAcknowledgeButtons()
    {
        var page = await app.SignedInPageAsync("#/attention", await app.IssueKeyAsync("viewer"));

        await Expect(page.Locator("#attention-table tbody tr").First).ToBeVisibleAsync();
        await Expect(page.Locator("#attention-table button.acknowledge")).ToHaveCountAsync(0);
    }
}
