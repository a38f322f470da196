using System.Net.Http.Json;
using CouponFunctions.Browser.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace CouponFunctions.Browser.Tests.Admin;

/// <summary>"Send coupon": the preview of a segment send, scheduling it at an offered hour, and cancelling it from the list.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SendsPageTests(BrowserApp app)
{
    [Fact]
    public async Task Sends_PreviewScheduleAndCancel_ThroughThePage()
    {
        foreach (var id in new[] { "bw1", "bw2" })
        {
            using var created = await app.Admin.PostAsJsonAsync("/api/customers", new
            {
                externalId = id, name = $"Buyer {id}", email = $"{id}@example.com", storeId = app.Data.Singapore, emailConsent = new { status = "granted" },
            });
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        }

        using var segment = await app.Admin.PostAsJsonAsync("/api/segments", new { name = "Browser buyers", kind = "static", memberIds = new[] { "bw1", "bw2" } });
        Assert.True(segment.IsSuccessStatusCode);
        var page = await app.SignedInPageAsync("#/sends");
        await page.SelectOptionAsync("#send-form select[name=segmentId]", new Microsoft.Playwright.SelectOptionValue { Label = "Browser buyers" });
        await page.SelectOptionAsync("#send-form select[name=storeId]", app.Data.Singapore);
        await Expect(page.Locator("#send-form select[name=couponId] option", new() { HasText = "EARLY11" })).ToHaveCountAsync(1);
        await page.SelectOptionAsync("#send-form select[name=couponId]", new Microsoft.Playwright.SelectOptionValue { Label = "Singles Day Early Bird (EARLY11)" });

        await page.ClickAsync("#preview-send");

        await Expect(page.Locator("#preview-estimate")).ToContainTextAsync("2 members");
        await Expect(page.FrameLocator("#send-preview iframe").Locator("body")).ToContainTextAsync("EARLY11");

        await page.ClickAsync("#schedule-send");

        var row = page.Locator("#sends tbody tr[data-status=scheduled]");
        await Expect(row).ToHaveCountAsync(1);
        await BrowserApp.ScreenshotAsync(page, "sends.png");
        await row.Locator("button", new() { HasText = "Cancel" }).ClickAsync();
        await Expect(page.Locator("#sends tbody tr[data-status=cancelled]")).ToHaveCountAsync(1);
        await Expect(page.Locator("#flash")).ToContainTextAsync("cancelled");
    }
}
