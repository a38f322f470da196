using CouponFunctions.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace CouponFunctions.Browser.Tests.Admin;

/// <summary>The local outbox: the digests sent after each inspection, the HTML shown only inside a sandboxed frame.</summary>
[Collection(BrowserCollection.Name)]
public sealed class OutboxPageTests(BrowserApp app)
{
    [Fact]
    public async Task Outbox_Digest_ShowsItsTextAndItsHtmlInASandboxedFrame()
    {
        var page = await app.SignedInPageAsync("#/outbox");
        var digests = page.Locator("#outbox tbody tr", new() { HasText = "digest" });
        await Expect(digests).ToHaveCountAsync(2);
        await Expect(digests.First).ToContainTextAsync("ops@example.com, lead@example.com");

        await digests.First.Locator("a").ClickAsync();

        await Expect(page.Locator("#outbox-text")).ToContainTextAsync("Weekend Mega Deal");
        var frame = page.Locator("#outbox-detail iframe");
        await Expect(frame).ToHaveAttributeAsync("sandbox", "");
        await Expect(page.FrameLocator("#outbox-detail iframe").Locator("body")).ToContainTextAsync("Weekend Mega Deal");
        // The email's markup never becomes part of the page itself.
        Assert.Equal(0, await page.Locator("#outbox-detail table, #outbox-detail style").CountAsync());
        await BrowserApp.ScreenshotAsync(page, "outbox.png");
    }

    [Fact]
    public async Task Outbox_ScopedKey_HasNoLinkAndIsToldWhy()
    {
        var page = await app.SignedInPageAsync("#/outbox", await app.IssueKeyAsync("viewer", app.Data.Manila));

        await Expect(page.Locator("#flash")).ToContainTextAsync("a key scoped to some stores cannot do it");
        await Expect(page.Locator("#nav a[data-view=outbox]")).ToBeHiddenAsync();
        await Expect(page.Locator("#nav a[data-view=coupons]")).ToBeVisibleAsync();
    }
}
