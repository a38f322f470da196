using System.Net.Http.Json;
using System.Text.Json.Nodes;
using CouponFunctions.Browser.Tests.Infrastructure;
using CouponFunctions.Core.Sends;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CouponFunctions.Browser.Tests.Admin;

/// <summary>
/// "Send coupon" from a segment: the store-time slots, the preview, the confirmation and the cancel; a send that runs (its
/// time moved in its stored row, as the app's own tests do, so the StartDueSends timer starts it) to Done with its failure
/// report; and a cancel refused within 2 hours of the send, with the server's reason.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SendsPageTests(BrowserApp app)
{
    [Fact]
    public async Task Sends_FromSegmentPreviewScheduleAndCancel_ThroughThePage()
    {
        await SegmentAsync("Browser buyers", ("bw1", "+6591234501"), ("bw2", null));
        var page = await app.SignedInPageAsync("#/segments");
        await page.Locator("#segments tbody tr", new() { HasText = "Browser buyers" }).Locator("a.send-coupon").ClickAsync();

        await Expect(page.Locator("#send-form select[name=segmentId] option:checked")).ToHaveTextAsync("Browser buyers");
        await page.SelectOptionAsync("#send-form select[name=storeId]", app.Data.Singapore);
        await Expect(page.Locator("#send-form select[name=couponId] option", new() { HasText = "EARLY11" })).ToHaveCountAsync(1);
        await page.SelectOptionAsync("#send-form select[name=couponId]", new SelectOptionValue { Label = "Singles Day Early Bird (EARLY11)" });

        // Every offered time is a whole hour of the store's clock, at least 2 hours ahead.
        await Expect(page.Locator("#send-zone")).ToContainTextAsync("Asia/Singapore");
        var slots = await page.Locator("#send-form select[name=scheduledAt] option").EvaluateAllAsync<string[]>("options => options.map(o => o.value)");
        Assert.NotEmpty(slots);
        var earliest = TimeProvider.System.GetUtcNow().AddHours(2).AddMinutes(-1);
        var singapore = TimeZoneInfo.FindSystemTimeZoneById("Asia/Singapore");
        Assert.All(slots.Select(DateTimeOffset.Parse), at =>
        {
            Assert.True(at >= earliest, $"{at:O} is less than 2 hours ahead.");
            var local = TimeZoneInfo.ConvertTime(at, singapore);
            Assert.Equal((0, 0), (local.Minute, local.Second));
        });
        await page.SelectOptionAsync("#send-form select[name=scheduledAt]", slots[1]);
        await page.CheckAsync("#send-form input[name=sms]");

        await page.ClickAsync("#preview-send");

        await Expect(page.Locator("#preview-estimate")).ToContainTextAsync("2 members");
        await Expect(page.Locator("#preview-estimate")).ToContainTextAsync("1 by SMS");
        await Expect(page.FrameLocator("#send-preview iframe").Locator("body")).ToContainTextAsync("EARLY11");
        await Expect(page.Locator("#preview-sms")).ToContainTextAsync("EARLY11");
        await Expect(page.Locator("#preview-sms-info")).ToContainTextAsync("GSM-7");
        await Expect(page.Locator("#preview-sms-info")).ToContainTextAsync("part");

        await page.ClickAsync("#schedule-send");
        await Expect(page.Locator("#send-confirm")).ToContainTextAsync("Browser buyers");
        await BrowserApp.ScreenshotAsync(page, "sends-confirm.png");
        await page.ClickAsync("#confirm-send");

        var row = page.Locator("#sends tbody tr[data-status=scheduled]", new() { HasText = "Browser buyers" });
        await Expect(row).ToHaveCountAsync(1);
        Assert.Equal(DateTimeOffset.Parse(slots[1]), DateTimeOffset.Parse((await row.Locator("time").First.GetAttributeAsync("datetime"))!));
        await BrowserApp.ScreenshotAsync(page, "sends.png");
        await row.Locator("button.cancel-send").ClickAsync();
        await Expect(page.Locator("#sends tbody tr[data-status=cancelled]", new() { HasText = "Browser buyers" })).ToHaveCountAsync(1);
        await Expect(page.Locator("#flash")).ToContainTextAsync("cancelled");
    }

    [Fact]
    public async Task Sends_DueSendRuns_ShowsDoneWithCountsAndTheFailureReportLink()
    {
        var segment = await SegmentAsync("Run buyers", ("run1", null), ("run2", null));
        // run3 never agreed to emails: its row in the failure report says so.
        await CustomerAsync("run3", null, consent: false);
        await AddMembersAsync(segment, "run3");
        var sendId = await ScheduleAsync(segment);
        var page = await app.SignedInPageAsync("#/sends");
        await Expect(page.Locator($"#sends tbody tr[data-id=\"{sendId}\"]")).ToHaveAttributeAsync("data-status", "scheduled");

        await MoveScheduleAsync(sendId, TimeProvider.System.GetUtcNow().AddSeconds(-1));
        await page.ReloadAsync();

        // The list refreshes itself while a send is due or running.
        var row = page.Locator($"#sends tbody tr[data-id=\"{sendId}\"]");
        await Expect(row).ToHaveAttributeAsync("data-status", "done", new() { Timeout = 90_000 });
        await Expect(row.Locator("td.sent")).ToHaveTextAsync("2");
        await Expect(row.Locator("td.failed")).ToHaveTextAsync("1");
        var link = row.Locator("a.report-link");
        await Expect(link).ToBeVisibleAsync();
        await Expect(row.Locator("button.cancel-send")).ToHaveCountAsync(0);
        await BrowserApp.ScreenshotAsync(page, "sends-done.png");
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false });
        var report = await client.GetStringAsync(new Uri((await link.GetAttributeAsync("href"))!));
        var lines = report.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("run3,run3@example.com,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sends_CancelWithinTwoHours_ShowsTheServersReason()
    {
        var segment = await SegmentAsync("Late buyers", ("late1", null));
        var sendId = await ScheduleAsync(segment);
        await MoveScheduleAsync(sendId, TimeProvider.System.GetUtcNow().AddMinutes(90));
        var page = await app.SignedInPageAsync("#/sends");
        var row = page.Locator($"#sends tbody tr[data-id=\"{sendId}\"]");

        await row.Locator("button.cancel-send").ClickAsync();

        await Expect(page.Locator("#flash")).ToContainTextAsync("cannot be cancelled");
        await Expect(page.Locator("#flash")).ToContainTextAsync("2 hours");
        await Expect(row).ToHaveAttributeAsync("data-status", "scheduled");
    }

    private async Task CustomerAsync(string id, string? mobile, bool consent = true)
    {
        var granted = new { status = "granted", source = "browser test" };
        using var created = await app.Admin.PostAsJsonAsync("/api/customers", new
        {
            externalId = id, name = $"Buyer {id}", email = $"{id}@example.com", mobile, storeId = app.Data.Singapore,
            emailConsent = consent ? granted : null, smsConsent = consent && mobile is not null ? granted : null,
        });
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
    }

    private async Task<string> SegmentAsync(string name, params (string Id, string? Mobile)[] members)
    {
        foreach (var (id, mobile) in members) await CustomerAsync(id, mobile);
        using var segment = await app.Admin.PostAsJsonAsync("/api/segments", new { name, kind = "static", memberIds = members.Select(m => m.Id).ToArray() });
        Assert.True(segment.IsSuccessStatusCode, await segment.Content.ReadAsStringAsync());
        return JsonNode.Parse(await segment.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();
    }

    private async Task AddMembersAsync(string segmentId, params string[] ids)
    {
        using var response = await app.Admin.PostAsJsonAsync($"/api/segments/{segmentId}/members", new { add = ids });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Schedules an email send of EARLY11 at the first offered slot (through the API: the page's way is the first test).</summary>
    private async Task<string> ScheduleAsync(string segmentId)
    {
        var slots = JsonNode.Parse(await app.Admin.GetStringAsync($"/api/stores/{app.Data.Singapore}/send-slots"))!;
        var coupons = JsonNode.Parse(await app.Admin.GetStringAsync($"/api/coupons?store={app.Data.Singapore}&q=EARLY11"))!;
        using var response = await app.Admin.PostAsJsonAsync("/api/sends", new
        {
            segmentId, storeId = app.Data.Singapore, couponId = coupons["items"]![0]!["platformCouponId"]!.GetValue<string>(), channels = new[] { "email" },
            scheduledAt = slots["items"]![0]!["at"]!.GetValue<DateTimeOffset>(),
            message = new { emailSubject = "{{customer.name}}, a coupon", emailBody = "<p>Use {{coupon.code}}: {{claimUrl}}</p>", smsText = "{{coupon.code}}" },
        });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonNode.Parse(text)!["id"]!.GetValue<string>();
    }

    /// <summary>Moves the send's time in its stored row (the data moves; the worker's clock does not), as the app's tests do.</summary>
    private async Task MoveScheduleAsync(string sendId, DateTimeOffset at)
    {
        var sends = app.Services.GetRequiredService<ISendRepository>();
        var send = await sends.GetAsync(app.Tenant, SendId.Parse(sendId));
        Assert.True((await sends.UpdateAsync(send! with { ScheduledAt = at })).IsOk);
    }
}
