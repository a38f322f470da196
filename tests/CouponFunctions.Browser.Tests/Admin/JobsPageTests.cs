using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CouponFunctions.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CouponFunctions.Browser.Tests.Admin;

/// <summary>
/// Templates, the deploy wizard, bulk actions from the coupon list and fixes from findings, driven as an operator does,
/// through the local host's Durable engine to the Shopee sandbox; each test in a workspace of its own (they create and
/// change coupons).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class JobsPageTests(BrowserApp app)
{
    private static readonly LocatorAssertionsToHaveTextOptions JobDone = new() { Timeout = 90_000 };
    private static readonly PageAssertionsToHaveURLOptions Started = new() { Timeout = 30_000 };
    private static readonly Regex JobPage = new("#/jobs/job-[0-9a-f]+$");

    [Fact]
    public async Task Deploy_TemplateToTwoStores_JobPageShowsCompletedWithEachStoresCoupon()
    {
        var ws = await JobsWorkspace.CreateAsync(app);
        var bangkok = await ws.AddShopeeStoreAsync(app, 830_001, "TH", "Deploy Bangkok TH");
        var manila = await ws.AddShopeeStoreAsync(app, 830_002, "PH", "Deploy Manila PH");
        var page = await app.SignedInPageAsync("#/templates/new", ws.AdminKey);

        // A template without its quantity: the API's field error shows at the field and nothing is saved.
        await page.FillAsync("[name=name]", "Payday browser deploy");
        await page.SelectOptionAsync("[name='discount.type']", "fixedAmount");
        await page.FillAsync("[name='discount.amount']", "THB 50, PHP 100");
        await page.FillAsync("[name=minSpend]", "THB 500, PHP 1000");
        // Shopee codes are at most 5 characters: a 3-letter prefix and a 2-character suffix per store.
        await page.FillAsync("[name='code.value']", "BRW");
        await page.FillAsync("[name='code.suffixLength']", "2");
        await page.FillAsync("[name='validity.startAfterHours']", "48");
        await page.ClickAsync("#save-template");
        await Expect(page.Locator("[data-error-for=totalQuantity]")).ToContainTextAsync("Total quantity is required");
        await Expect(page.Locator("[name=totalQuantity]")).ToHaveAttributeAsync("aria-invalid", "true");
        await BrowserApp.ScreenshotAsync(page, "template-field-error.png");

        await page.FillAsync("[name=totalQuantity]", "200");
        await page.ClickAsync("#save-template");
        await Expect(page.Locator("#flash")).ToHaveTextAsync("Template created.");
        await page.ClickAsync("#deploy-template");

        // The wizard: every Shopee store, the preview per store with its local times and zone.
        await page.ClickAsync("fieldset[data-group=platform-shopee] button.select-all");
        await Expect(page.Locator("#chosen-count")).ToHaveTextAsync("2 stores chosen");
        await page.ClickAsync("#run-preview");
        var rows = page.Locator("#preview-table tr.store-preview");
        await Expect(rows).ToHaveCountAsync(2);
        var bangkokRow = rows.Filter(new() { HasText = "Deploy Bangkok TH" });
        await Expect(bangkokRow).ToContainTextAsync("THB 50");
        await Expect(bangkokRow).ToContainTextAsync("Asia/Bangkok");
        await Expect(rows.Filter(new() { HasText = "Deploy Manila PH" })).ToContainTextAsync("Asia/Manila");
        await BrowserApp.ScreenshotAsync(page, "deploy-preview.png");
        Assert.True(await page.Locator("#preview-table tr[data-verdict=blocked]").CountAsync() == 0, await page.Locator("#preview-table").InnerTextAsync());
        if (await page.Locator("#acknowledge-warnings").CountAsync() > 0) await page.CheckAsync("#acknowledge-warnings");
        await Expect(page.Locator("#confirm-deploy")).ToHaveTextAsync("Deploy to 2 stores");

        // A double click starts one job, and the job page follows it to the end.
        await page.DblClickAsync("#confirm-deploy");
        await Expect(page).ToHaveURLAsync(JobPage, Started);
        await Expect(page.Locator("#job .job-status")).ToHaveTextAsync("Completed", JobDone);
        var items = page.Locator("#job-items-table tr.job-item");
        await Expect(items).ToHaveCountAsync(2);
        await Expect(items.Locator("td:nth-child(4)")).ToHaveTextAsync(["succeeded", "succeeded"]);
        foreach (var (store, shop) in new[] { (bangkok, 830_001L), (manila, 830_002L) })
        {
            var voucher = Assert.Single(app.Sandbox.Shopee.Vouchers(shop));
            await Expect(page.Locator($"#job-items-table tr.job-item[data-store-id='{store}'] a.item-coupon"))
                .ToHaveTextAsync(voucher.VoucherId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var jobs = JsonNode.Parse(await ws.Admin.GetStringAsync("/api/jobs"))!["items"]!.AsArray();
        Assert.Single(jobs);
        await BrowserApp.ScreenshotAsync(page, "deploy-job-completed.png");
    }

    [Fact]
    public async Task Deploy_WithACanaryStore_WaitsForApprovalThenDeploysTheOthers()
    {
        var ws = await JobsWorkspace.CreateAsync(app);
        var first = await ws.AddShopeeStoreAsync(app, 833_001, "TH", "Canary Bangkok TH");
        await ws.AddShopeeStoreAsync(app, 833_002, "TH", "Canary Chiang Mai TH");
        var id = await AddTemplateAsync(ws, "Canary template", campaign: null);
        var page = await app.SignedInPageAsync($"#/deploy/{id}", ws.AdminKey);

        await page.SelectOptionAsync("#group-by", "site");
        await page.ClickAsync("fieldset[data-group=site-TH] button.select-all");
        await page.ClickAsync("#run-preview");
        await Expect(page.Locator("#preview-table tr.store-preview")).ToHaveCountAsync(2);
        if (await page.Locator("#acknowledge-warnings").CountAsync() > 0) await page.CheckAsync("#acknowledge-warnings");
        await page.SelectOptionAsync("#canary-store", first);
        await page.ClickAsync("#confirm-deploy");

        await Expect(page).ToHaveURLAsync(JobPage, Started);
        await Expect(page.Locator("#canary")).ToHaveAttributeAsync("data-store-id", first, new() { Timeout = 60_000 });
        Assert.Single(app.Sandbox.Shopee.Vouchers(833_001));
        Assert.Empty(app.Sandbox.Shopee.Vouchers(833_002));
        await BrowserApp.ScreenshotAsync(page, "deploy-canary-waiting.png");
        await page.ClickAsync("#canary-approve");
        await Expect(page.Locator("#job .job-status")).ToHaveTextAsync("Completed", JobDone);
        Assert.Single(app.Sandbox.Shopee.Vouchers(833_002));
    }

    [Fact]
    public async Task Deploy_StoresChosenByCampaign_PreviewsTheStoresThatCarryACouponOfIt()
    {
        var ws = await JobsWorkspace.CreateAsync(app);
        var stores = new Dictionary<long, string>
        {
            [834_001] = await ws.AddShopeeStoreAsync(app, 834_001, "TH", "Campaign Bangkok TH"),
            [834_002] = await ws.AddShopeeStoreAsync(app, 834_002, "PH", "Campaign Manila PH"),
            [834_003] = await ws.AddShopeeStoreAsync(app, 834_003, "TH", "Other Phuket TH"),
        };
        var vouchers = stores.ToDictionary(s => s.Key, s => JobsWorkspace.AddVoucher(app, s.Key, $"C{s.Key % 1000}", $"Campaign voucher {s.Key}", 100, 1));
        foreach (var store in stores.Values) await ws.SyncAsync(app, store);
        // Two stores carry a coupon of "Payday July" (our own tag), the third one of another campaign.
        async Task TagAsync(string campaign, params long[] shops)
        {
            using var tagged = await ws.Admin.PostAsJsonAsync("/api/coupons/campaign", new
            {
                campaign, coupons = shops.Select(s => new { storeId = stores[s], couponId = vouchers[s].VoucherId.ToString(System.Globalization.CultureInfo.InvariantCulture) }),
            });
            Assert.True(tagged.IsSuccessStatusCode, await tagged.Content.ReadAsStringAsync());
        }

        await TagAsync("Payday July", 834_001, 834_002);
        await TagAsync("Songkran", 834_003);
        var id = await AddTemplateAsync(ws, "Payday again", campaign: "Payday July");
        var page = await app.SignedInPageAsync($"#/deploy/{id}", ws.AdminKey);

        await page.SelectOptionAsync("#group-by", "campaign");
        var payday = page.Locator("fieldset[data-group=campaign-payday-july]");
        await Expect(payday.Locator("legend")).ToHaveTextAsync("Payday July (2 coupons)");
        await Expect(payday.Locator("label.store-choice")).ToHaveTextAsync([new Regex("^Campaign Bangkok TH"), new Regex("^Campaign Manila PH")]);
        await Expect(page.Locator("fieldset[data-group=campaign-songkran] label.store-choice")).ToHaveTextAsync([new Regex("^Other Phuket TH")]);
        await payday.Locator("button.select-all").ClickAsync();
        await Expect(page.Locator("#chosen-count")).ToHaveTextAsync("2 stores chosen");
        await BrowserApp.ScreenshotAsync(page, "deploy-by-campaign.png");
        await page.ClickAsync("#run-preview");

        var rows = page.Locator("#preview-table tr.store-preview");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(page.Locator($"#preview-table tr.store-preview[data-store-id='{stores[834_001]}']")).ToHaveCountAsync(1);
        await Expect(page.Locator($"#preview-table tr.store-preview[data-store-id='{stores[834_002]}']")).ToHaveCountAsync(1);
        await Expect(page.Locator($"#preview-table tr.store-preview[data-store-id='{stores[834_003]}']")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Templates_FilteredByCampaignAndSavedMeanwhile_ExplainsTheConflictAndReloads()
    {
        var ws = await JobsWorkspace.CreateAsync(app);
        await AddTemplateAsync(ws, "Weekday template", campaign: null);
        var id = await AddTemplateAsync(ws, "Payday template", campaign: "Payday July");
        var page = await app.SignedInPageAsync("#/templates", ws.AdminKey);
        await Expect(page.Locator("#templates tbody tr")).ToHaveCountAsync(2);

        await page.FillAsync("#template-campaign", "Payday July");
        await page.PressAsync("#template-campaign", "Enter");
        await Expect(page.Locator("#templates tbody tr")).ToHaveCountAsync(1);
        await page.ClickAsync("#templates a.template-name");
        await Expect(page.Locator("[name=name]")).ToHaveValueAsync("Payday template");

        // Someone else saves the template while it is open here: this save is refused and the page says why.
        using (var get = await ws.Admin.GetAsync($"/api/templates/{id}"))
        {
            using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/templates/{id}") { Content = JsonContent.Create(TemplateBody("Changed elsewhere", "Payday July")) };
            put.Headers.TryAddWithoutValidation("If-Match", get.Headers.ETag!.ToString());
            using var saved = await ws.Admin.SendAsync(put);
            Assert.Equal(200, (int)saved.StatusCode);
        }

        await page.FillAsync("[name=name]", "My change");
        await page.ClickAsync("#save-template");
        await Expect(page.Locator("#template-conflict")).ToContainTextAsync("changed by someone else");
        await BrowserApp.ScreenshotAsync(page, "template-conflict.png");
        await page.ClickAsync("#reload-template");
        await Expect(page.Locator("[name=name]")).ToHaveValueAsync("Changed elsewhere");
    }

    private static async Task<string> AddTemplateAsync(JobsWorkspace ws, string name, string? campaign)
    {
        using var response = await ws.Admin.PostAsJsonAsync("/api/templates", TemplateBody(name, campaign));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonNode.Parse(text)!["id"]!.GetValue<string>();
    }

    private static object TemplateBody(string name, string? campaign) => new
    {
        name, campaign = campaign is null ? null : new { name = campaign }, discount = new { type = "percentage", percentage = 10 }, totalQuantity = 100,
        code = new { mode = "fixed", value = "SAVE" }, validity = new { type = "relative", startAfterHours = 48, durationDays = 7 },
    };

    [Fact]
    public async Task BulkRenew_AllMatchingFromTheCouponList_PreviewsThenMovesEveryEnd()
    {
        var ws = await JobsWorkspace.CreateAsync(app);
        var store = await ws.AddShopeeStoreAsync(app, 831_001, "TH", "Renew Bangkok TH");
        var before = new[] { ("RNA", "Renew Alpha"), ("RNB", "Renew Bravo"), ("RNC", "Renew Charlie") }
            .Select(v => JobsWorkspace.AddVoucher(app, 831_001, v.Item1, v.Item2, 100, 10)).ToDictionary(v => v.VoucherId, v => v.End);
        await ws.SyncAsync(app, store);
        var page = await app.SignedInPageAsync($"#/coupons?store={store}&status=ongoing&pageSize=2", ws.AdminKey);

        // Two of three on the page: selecting the page offers every matching coupon, and that selection is the filter.
        await Expect(page.Locator("#coupons tbody tr")).ToHaveCountAsync(2);
        await page.CheckAsync("#select-page");
        await Expect(page.Locator("#selection-count")).ToHaveTextAsync("2 coupons selected.");
        await page.ClickAsync("#select-all-matching");
        await Expect(page.Locator("#selection-count")).ToHaveTextAsync("All 3 coupons matching these filters are selected.");
        await BrowserApp.ScreenshotAsync(page, "coupons-bulk-bar.png");
        await page.ClickAsync("#bulk-bar button[data-action=renew]");

        await Expect(page.Locator("#action-selection")).ToContainTextAsync("Every coupon matching the list filter");
        await Expect(page.Locator("#action-selection")).ToContainTextAsync("Renew Bangkok TH");
        await page.FillAsync("[name='action.extendDays']", "7");
        await page.ClickAsync("#preview-action");
        var verdicts = page.Locator("#action-table tr.action-verdict");
        await Expect(verdicts).ToHaveCountAsync(3);
        await Expect(page.Locator("#action-table tr.action-verdict[data-decision=willChange]")).ToHaveCountAsync(3);
        await Expect(page.Locator("#run-action")).ToHaveTextAsync("Renew 3 coupons");
        await BrowserApp.ScreenshotAsync(page, "bulk-renew-preview.png");

        await page.ClickAsync("#run-action");
        await Expect(page).ToHaveURLAsync(JobPage, Started);
        await Expect(page.Locator("#job .job-status")).ToHaveTextAsync("Completed", JobDone);
        await Expect(page.Locator("#job-items-table tr.job-item[data-state=succeeded]")).ToHaveCountAsync(3);
        foreach (var voucher in app.Sandbox.Shopee.Vouchers(831_001))
            Assert.InRange((voucher.End - before[voucher.VoucherId]).TotalHours, 7 * 24 - 0.01, 7 * 24 + 0.01);
        await BrowserApp.ScreenshotAsync(page, "bulk-renew-job.png");
    }

    [Fact]
    public async Task CloneAsNew_OneCouponFromTheList_CreatesAVoucherOfTheSameKindWithTheSuffixedCode()
    {
        var ws = await JobsWorkspace.CreateAsync(app);
        var store = await ws.AddShopeeStoreAsync(app, 831_101, "TH", "Clone Bangkok TH");
        JobsWorkspace.AddVoucher(app, 831_101, "CLA", "Clone Alpha", 100, 10);
        await ws.SyncAsync(app, store);
        var page = await app.SignedInPageAsync($"#/coupons?store={store}&status=ongoing", ws.AdminKey);

        await page.CheckAsync("#coupons input.select-coupon");
        await page.ClickAsync("#bulk-bar button[data-action=cloneAsNew]");
        await page.FillAsync("[name='action.durationDays']", "10");
        await page.FillAsync("[name='action.codeSuffix']", "B");
        await page.ClickAsync("#preview-action");
        await Expect(page.Locator("#action-table tr.action-verdict[data-decision=willChange]")).ToHaveCountAsync(1);
        await Expect(page.Locator("#action-table")).ToContainTextAsync("CLAB");
        await BrowserApp.ScreenshotAsync(page, "clone-preview.png");
        await page.ClickAsync("#run-action");

        await Expect(page).ToHaveURLAsync(JobPage, Started);
        await Expect(page.Locator("#job .job-status")).ToHaveTextAsync("Completed", JobDone);
        var vouchers = app.Sandbox.Shopee.Vouchers(831_101).ToList();
        Assert.Equal(2, vouchers.Count);
        var clone = Assert.Single(vouchers, v => v.Code == "CLAB");
        Assert.Equal(vouchers.Single(v => v.Code == "CLA").DiscountAmount, clone.DiscountAmount);
        Assert.InRange((clone.End - clone.Start).TotalDays, 9.9, 10.01);
    }

    [Fact]
    public async Task FixFromFinding_StockOut_OpensTheFilledInReplenishAndRunsIt()
    {
        var ws = await JobsWorkspace.CreateAsync(app);
        var store = await ws.AddShopeeStoreAsync(app, 832_001, "PH", "Fix Manila PH");
        var soldOut = JobsWorkspace.AddVoucher(app, 832_001, "FIXSOLD", "Fix Sold Out", 20, 20);
        await ws.SyncAsync(app, store);
        await ws.InspectAsync(app, store);
        var page = await app.SignedInPageAsync($"#/findings?store={store}", ws.AdminKey);

        var fix = page.Locator("tr.finding", new() { HasText = "Fix Sold Out" }).Locator("a.fix-finding");
        await Expect(fix).ToHaveCountAsync(1);
        await BrowserApp.ScreenshotAsync(page, "finding-fix.png");
        await fix.ClickAsync();

        // The preview opens filled in (replenish by the total) and already run.
        await Expect(page.Locator("#action-kind")).ToHaveValueAsync("replenish");
        await Expect(page.Locator("[name='action.addQuantity']")).ToHaveValueAsync("20");
        var verdict = page.Locator($"#action-table tr.action-verdict[data-coupon-id='{soldOut.VoucherId}']");
        await Expect(verdict).ToHaveAttributeAsync("data-decision", "willChange");
        await Expect(page.Locator("#run-action")).ToHaveTextAsync("Replenish 1 coupon");
        await BrowserApp.ScreenshotAsync(page, "finding-fix-preview.png");

        await page.ClickAsync("#run-action");
        await Expect(page).ToHaveURLAsync(JobPage, Started);
        await Expect(page.Locator("#job .job-status")).ToHaveTextAsync("Completed", JobDone);
        Assert.Equal(40, app.Sandbox.Shopee.FindVoucher(832_001, soldOut.VoucherId)!.UsageQuantity);
    }
}
