using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CouponFunctions.Sandbox.Shopline;

namespace CouponFunctions.Platforms.Tests.Shopline;

/// <summary>The sandbox's own behaviour over raw HTTP (what the connector never asks, such as Link-header paging).</summary>
public sealed class ShoplineSandboxTests : IAsyncLifetime
{
    private ShoplineTestBed _bed = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        _bed = await ShoplineTestBed.StartAsync();
        _http = _bed.NoRedirectClient();
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _bed.Store().Credentials.AccessToken);
    }

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    private string Api(string path) => $"{_bed.StoreRoot(ShoplineTestBed.StoreA)}/admin/openapi/v20251201{path}";

    [Fact]
    public async Task ListPriceRules_FollowingLinkHeaders_VisitsEveryRuleOnceAndStopsWithoutANextLink()
    {
        var seeded = Enumerable.Range(0, 5).Select(i => _bed.SeedOngoing($"L{i}").Id).ToList();
        var seen = new List<string>();
        var url = Api("/sales/price_rules.json?limit=2");
        var pages = 0;

        while (url is not null)
        {
            using var answer = await _http.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            using var body = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
            seen.AddRange(body.RootElement.GetProperty("price_rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()!));
            url = answer.Headers.TryGetValues("Link", out var links) ? links.Single().Split(';')[0].Trim('<', '>', ' ') : null;
            pages++;
        }

        Assert.Equal(seeded, seen);
        Assert.Equal(3, pages);
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=251")]
    [InlineData("since_id=abc")]
    [InlineData("page_info=bm9wZQ&since_id=1")]
    public async Task ListPriceRules_BadPagingParameter_400NamingIt(string query)
    {
        using var answer = await _http.GetAsync(Api($"/sales/price_rules.json?{query}"));

        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Contains(query.Split('=')[0], await answer.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("""{"title":"T","value_type":"fixed_amount","value":"5","starts_at":"2030-01-02T00:00:00+08:00","ends_at":"2030-01-01T00:00:00+08:00"}""", "ends_at")]
    [InlineData("""{"title":"T","value_type":"fixed_amount","value":"5","starts_at":"2030-01-01T00:00:00"}""", "starts_at")]
    [InlineData("""{"title":"T","value_type":"fixed_amount","value":"-5","starts_at":"2030-01-01T00:00:00Z"}""", "value")]
    [InlineData("""{"title":"T","value_type":"fixed_amount","value":"5","starts_at":"2030-01-01T00:00:00Z","target_selection":"entitled"}""", "entitled_product_ids")]
    [InlineData("""{"value_type":"fixed_amount","value":"5","starts_at":"2030-01-01T00:00:00Z"}""", "title")]
    public async Task CreatePriceRule_BreaksARule_422NamingTheFieldAndNothingStored(string priceRule, string field)
    {
        using var content = new StringContent($$"""{"price_rule":{{priceRule}}}""", System.Text.Encoding.UTF8, "application/json");

        using var answer = await _http.PostAsync(Api("/sales/price_rules.json"), content);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, answer.StatusCode);
        using var body = JsonDocument.Parse(await answer.Content.ReadAsStringAsync());
        Assert.True(body.RootElement.GetProperty("errors").TryGetProperty(field, out _));
        Assert.Empty(_bed.Sandbox.PriceRules(ShoplineTestBed.StoreA));
    }

    [Fact]
    public async Task AnyCall_Answers_CarryATraceId()
    {
        using var answer = await _http.GetAsync(Api("/sales/price_rules.json"));

        Assert.Equal(32, Assert.Single(answer.Headers.GetValues("traceId")).Length);
    }

    [Fact]
    public async Task AnyCall_UnknownApiVersion_404()
    {
        using var answer = await _http.GetAsync($"{_bed.StoreRoot(ShoplineTestBed.StoreA)}/admin/openapi/2025-12/sales/price_rules.json");

        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
    }

    [Fact]
    public void AddPriceRule_ImpossibleOnShopline_Refused()
    {
        var rule = new ShoplineSandboxPriceRule { Title = "Cents in TWD", Value = 9.99m, StartsAt = _bed.Now };

        Assert.Throws<ArgumentException>(() => _bed.Sandbox.AddPriceRule(ShoplineTestBed.StoreB, rule, "TWD1"));
    }

    [Fact]
    public async Task ControlFaults_PostedForOneStore_InjectedThereOnly()
    {
        var seeded = _bed.SeedOngoing();
        var control = $"{_bed.Host.BaseUrl(Core.Stores.Platform.Shopline)}/_control";

        using var set = await _http.PostAsJsonAsync($"{control}/faults", new { shopId = ShoplineTestBed.StoreB, errorRate = 1.0 });
        var unaffected = await _bed.Client(o => o.MaxRetries = 0).GetCouponAsync(_bed.Store(), seeded.Id);
        var stats = await _http.GetFromJsonAsync<Dictionary<string, long>>($"{control}/stats");

        Assert.Equal(HttpStatusCode.NoContent, set.StatusCode);
        Assert.True(unaffected.Succeeded, unaffected.Error?.ToString());
        Assert.Equal((2L, 0L), (stats!["calls"], stats["faults"]));
    }
}
