using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CouponFunctions.App.Tests.Infrastructure;
using CouponFunctions.Sandbox.Shopee;

namespace CouponFunctions.App.Tests.Api.Coupons;

/// <summary>The cross-store list, its export and the detail view, over two stores synced once from the sandbox for the class.</summary>
[Collection(AppCollection.Name)]
public sealed class CouponsEndpointsTests(AppHostFixture app)
{
    private static readonly SemaphoreSlim s_gate = new(1, 1);
    private static Seeded? s_seeded;

    private sealed record Seeded(Workspace Bed, string Bangkok, string Singapore);

    private Workspace _bed = null!;
    private string _bangkok = null!;
    private string _singapore = null!;

    /// <summary>Seeds and syncs once: xunit makes an instance per test, the worker and its storage are shared.</summary>
    private async Task SeedAsync()
    {
        await s_gate.WaitAsync();
        try
        {
            s_seeded ??= await SeedOnceAsync(app);
        }
        finally
        {
            s_gate.Release();
        }
        (_bed, _bangkok, _singapore) = (s_seeded.Bed, s_seeded.Bangkok, s_seeded.Singapore);
    }

    private static async Task<Seeded> SeedOnceAsync(AppFixture app)
    {
        var bed = await app.NewWorkspaceAsync();
        var bangkok = await bed.AddShopeeStoreAsync(730_001, "TH");
        var singapore = await bed.AddShopeeStoreAsync(730_002, "SG");
        var now = bed.Shopee.Clock.GetUtcNow();
        // "Ends today" in Bangkok: half-way between now and the store's local midnight, whenever the test runs.
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Bangkok");
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var midnight = new DateTimeOffset(local.Date.AddDays(1), local.Offset);
        var endsToday = (midnight - now).TotalDays / 2;
        void Add(long shop, string code, string name, int quantity, int used, double startDays, double endDays) =>
            bed.Shopee.AddVoucher(shop, new ShopeeSandboxVoucher
            {
                Code = code, Name = name, UsageQuantity = quantity, CurrentUsage = used, DiscountAmount = 5, MinBasketPrice = 80,
                Start = now.AddDays(startDays), End = now.AddDays(endDays),
            });
        Add(730_001, "TH1", "Bangkok payday", 100, 100, -1, 5);
        Add(730_001, "TH2", "Bangkok soon", 100, 10, -1, endsToday);
        Add(730_001, "TH3", "=HYPERLINK(\"http://evil\")", 100, 3, 2, 9);
        Add(730_002, "SG1", "Singapore big sale", 500, 20, -2, 20);
        Add(730_002, "SG2", "Singapore low stock", 100, 95, -2, 20);
        Add(730_002, "SG3", "Singapore old", 100, 50, -90, -60);
        await bed.SyncAsync(bangkok);
        await bed.SyncAsync(singapore);
        return new Seeded(bed, bangkok, singapore);
    }

    [Fact]
    public async Task List_FiltersAcrossStores_ReturnOnlyMatches()
    {
        await SeedAsync();
        Assert.Equal(["TH1"], await CodesAsync("stock=out"));
        Assert.Equal(["SG2"], await CodesAsync("stock=low"));
        Assert.Equal(["TH2"], await CodesAsync("expiringWithinDays=0"));
        Assert.Equal(["TH3"], await CodesAsync("status=upcoming"));
        Assert.Equal(["SG1", "SG2"], (await CodesAsync("q=singapore")).Order());
        Assert.Equal(["SG1", "SG2"], (await CodesAsync($"store={_singapore}&status=ongoing")).Order());
        Assert.Equal(["SG1", "SG2", "SG3"], (await CodesAsync("site=SG&include=archived")).Order());
    }

    [Fact]
    public async Task List_Default_HidesArchivedEndedCoupons()
    {
        await SeedAsync();
        var codes = await CodesAsync("");

        Assert.DoesNotContain("SG3", codes);
        Assert.Equal(5, codes.Count);
    }

    [Fact]
    public async Task List_SortAndContinuation_PageThroughEverythingOnce()
    {
        await SeedAsync();
        var (_, first) = await _bed.Admin.SendJsonAsync(HttpMethod.Get, "/api/coupons?sort=-remaining&pageSize=2");
        var items = first!["items"]!.AsArray().Select(i => i!["code"]!.GetValue<string>()).ToList();
        var continuation = first["continuation"]!.GetValue<string>();
        var (_, second) = await _bed.Admin.SendJsonAsync(HttpMethod.Get, $"/api/coupons?sort=-remaining&pageSize=2&continuation={Uri.EscapeDataString(continuation)}");
        items.AddRange(second!["items"]!.AsArray().Select(i => i!["code"]!.GetValue<string>()));

        Assert.Equal(5, first["totalMatched"]!.GetValue<int>());
        Assert.Equal(["SG1", "TH3", "TH2"], items.Take(3));
        Assert.Equal(4, items.Distinct().Count());
    }

    [Theory]
    [InlineData("status=sleeping", "status")]
    [InlineData("expiringWithinDays=-1", "expiringWithinDays")]
    [InlineData("sort=price", "sort")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("stauts=ongoing", "stauts")]
    [InlineData("continuation=not-a-token", "continuation")]
    public async Task List_BadParameter_Answers400NamingIt(string query, string field)
    {
        await SeedAsync();
        var (status, body) = await _bed.Admin.SendJsonAsync(HttpMethod.Get, $"/api/coupons?{query}");

        Assert.Equal(400, status);
        Assert.True(body!["errors"]!.AsObject().ContainsKey(field), body.ToJsonString());
    }

    [Fact]
    public async Task List_ScopedKey_SeesOnlyItsStoresCoupons()
    {
        await SeedAsync();
        var scoped = app.WithKey(await _bed.Admin.IssueKeyAsync("viewer", _bangkok));

        var (_, page) = await scoped.SendJsonAsync(HttpMethod.Get, "/api/coupons?include=archived");

        Assert.Equal(3, page!["totalMatched"]!.GetValue<int>());
        Assert.All(page["items"]!.AsArray(), i => Assert.Equal(_bangkok, i!["storeId"]!.GetValue<string>()));
        Assert.Equal(404, (await scoped.SendJsonAsync(HttpMethod.Get, $"/api/coupons/{_singapore}/1")).Status);
    }

    [Fact]
    public async Task List_AnyResponse_SaysTheWorkersShareAndItsSpansInServerTiming()
    {
        await SeedAsync();
        var response = await _bed.Admin.GetAsync("/api/coupons?pageSize=1");
        var refused = await _bed.Admin.GetAsync("/api/coupons?pageSize=0");

        var listed = Metrics(response);
        var bad = Metrics(refused);

        Assert.Equal((200, 400), ((int)response.StatusCode, (int)refused.StatusCode));
        Assert.Equal("app", listed[0].Name);
        Assert.Equal(["app", "auth", "query", "rows", "storage"], listed.Select(m => m.Name).Order(StringComparer.Ordinal));
        // A refused query reads no coupons: the key is checked (these tests do not cache keys), nothing more.
        Assert.Equal(["app", "auth", "storage"], bad.Select(m => m.Name).Order(StringComparer.Ordinal));
        Assert.Equal(1, bad.Single(m => m.Name == "storage").Calls);
        Assert.True(listed.Single(m => m.Name == "storage").Calls >= 2, "the key and the list's version at least");
    }

    // Server-Timing metrics as "name;dur=1.2" or "name;dur=1.2;desc=\"3 calls\"", comma-separated.
    private static List<(string Name, int Calls)> Metrics(HttpResponseMessage response)
    {
        var header = Assert.Single(response.Headers.GetValues("Server-Timing"));
        return header.Split(", ").Select(metric =>
        {
            var match = Regex.Match(metric, @"^([a-z]+);dur=\d+\.\d(?:;desc=""(\d+) calls"")?$");
            Assert.True(match.Success, metric);
            return (match.Groups[1].Value, match.Groups[2].Success ? int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) : 1);
        }).ToList();
    }

    [Fact]
    public async Task Export_Csv_HasBomLocalTimesAndNeutralisedFormulas()
    {
        await SeedAsync();
        var response = await _bed.Admin.GetAsync($"/api/coupons/export?store={_bangkok}&sort=endTime");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = Encoding.UTF8.GetString(bytes);

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("attachment", response.Content.Headers.ContentDisposition!.ToString(), StringComparison.Ordinal);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes.Take(3));
        Assert.Contains("'=HYPERLINK", text, StringComparison.Ordinal);
        Assert.Contains("+07:00", text, StringComparison.Ordinal);
        Assert.Contains("Asia/Bangkok", text, StringComparison.Ordinal);
        Assert.Equal(4, text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task Detail_Coupon_ShowsUnifiedAndRawFieldsAndHistory()
    {
        await SeedAsync();
        var (_, list) = await _bed.Admin.SendJsonAsync(HttpMethod.Get, "/api/coupons?q=payday");
        var id = list!["items"]![0]!["platformCouponId"]!.GetValue<string>();

        var (status, detail) = await _bed.Admin.SendJsonAsync(HttpMethod.Get, $"/api/coupons/{_bangkok}/{id}");

        Assert.Equal(200, status);
        Assert.Equal("Bangkok payday", detail!["coupon"]!["name"]!.GetValue<string>());
        Assert.Equal("ongoing", detail["coupon"]!["status"]!.GetValue<string>());
        Assert.Equal(0, detail["remaining"]!.GetValue<int>());
        Assert.Equal("Asia/Bangkok", detail["store"]!["timeZone"]!.GetValue<string>());
        Assert.True(detail["platformFields"]!.AsObject().Count > 0);
        Assert.Single(detail["history"]!.AsArray());
    }

    private async Task<List<string>> CodesAsync(string query)
    {
        var (status, body) = await _bed.Admin.SendJsonAsync(HttpMethod.Get, $"/api/coupons?{query}");
        Assert.Equal(200, status);
        return body!["items"]!.AsArray().Select(i => i!["code"]!.GetValue<string>()).ToList();
    }
}
