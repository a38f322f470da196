using System.Net.Http.Json;
using System.Text;
using CouponFunctions.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CouponFunctions.Browser.Tests.Admin;

/// <summary>Segments in the page: a rule segment and its count, a static segment whose members are added by id and removed by CSV.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SegmentsPageTests(BrowserApp app)
{
    [Fact]
    public async Task Segments_CreateRuleAndStaticThenChangeMembers_CountsFollow()
    {
        foreach (var (id, tags) in new[] { ("seg-a", new[] { "gold" }), ("seg-b", new[] { "gold", "late" }), ("seg-c", new[] { "silver" }) })
        {
            using var created = await app.Admin.PostAsJsonAsync("/api/customers", new { externalId = id, name = $"Shopper {id}", email = $"{id}@example.com", storeId = app.Data.Manila, tags });
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        }

        var page = await app.SignedInPageAsync("#/segments");
        await page.ClickAsync("#new-segment");
        var form = page.Locator("#segment-form");
        await form.Locator("input[name=name]").FillAsync("Gold shoppers Manila");
        await form.Locator("select[name=kind]").SelectOptionAsync("rule");
        await form.Locator("input[name='rule.tagsAny']").FillAsync("gold");
        await form.Locator("select[name='rule.storeId']").SelectOptionAsync(app.Data.Manila);
        await form.Locator("button[type=submit]").ClickAsync();

        var rule = page.Locator("#segments tbody tr", new() { HasText = "Gold shoppers Manila" });
        await Expect(rule.Locator("td.members")).ToHaveTextAsync("2");
        await Expect(rule).ToContainTextAsync("tagged any of gold");

        await page.ClickAsync("#new-segment");
        await page.Locator("#segment-form input[name=name]").FillAsync("Hand-picked Manila");
        await page.Locator("#segment-form textarea[name=memberIds]").FillAsync("seg-a");
        await page.Locator("#segment-form button[type=submit]").ClickAsync();
        await page.Locator("#segments tbody tr", new() { HasText = "Hand-picked Manila" }).Locator("a.segment-name").ClickAsync();

        await Expect(page.Locator("#segment-count")).ToHaveTextAsync("1");
        await page.FillAsync("#member-ids", "seg-b, seg-c");
        await page.ClickAsync("#add-members");
        await Expect(page.Locator("#segment-count")).ToHaveTextAsync("3");
        await Expect(page.Locator("#members tbody tr")).ToHaveCountAsync(3);

        await page.SetInputFilesAsync("#member-file", new FilePayload { Name = "remove.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes("Customer ID,note\nseg-a,left\n\"seg-c\",\"moved, away\"\nnot valid!,typo\n") });
        await page.ClickAsync("#remove-members");

        await Expect(page.Locator("#member-outcome")).ToContainTextAsync("Removed 2 of 3 rows; 1 refused");
        await Expect(page.Locator("#member-errors li")).ToContainTextAsync("Row 3");
        await Expect(page.Locator("#segment-count")).ToHaveTextAsync("1");
        await Expect(page.Locator("#members tbody tr")).ToHaveCountAsync(1);
        await Expect(page.Locator("#members tbody tr[data-id=\"seg-b\"]")).ToHaveCountAsync(1);
        await BrowserApp.ScreenshotAsync(page, "segment-members.png");

        // A bad id is refused by the API and said at the field.
        await page.FillAsync("#member-ids", "bad id!");
        await page.ClickAsync("#add-members");
        await Expect(page.Locator("#flash")).ToContainTextAsync("customer id");
        await Expect(page.Locator("#segment-count")).ToHaveTextAsync("1");
    }
}
