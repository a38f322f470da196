using System.Net.Http.Json;
using System.Text.Json;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Stores;
using CouponFunctions.Platforms.Common.Http;
using CouponFunctions.Platforms.TikTok;
using CouponFunctions.Sandbox.TikTok;

namespace CouponFunctions.Platforms.Tests.TikTok;

/// <summary>The sandbox's own behaviour, asked directly over the signed call path (what the connector never asks).</summary>
public sealed class TikTokSandboxTests : IAsyncLifetime
{
    private TikTokTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await TikTokTestBed.StartAsync();

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task SearchCoupons_StatusFilter_OnlyThatStatusWithItsTotalCount()
    {
        for (var i = 0; i < 3; i++) _bed.SeedOngoing(title: $"On {i}");
        for (var i = 0; i < 5; i++) _bed.Seed(TikTokTestBed.ShopA, $"Soon {i}", TimeSpan.FromDays(1), TimeSpan.FromDays(1));

        var page = await Search(new { status = new[] { "NOT_START" } }, pageSize: 2);

        Assert.True(page.Succeeded, page.Error?.ToString());
        Assert.Equal(5, page.Value.GetProperty("total_count").GetInt32());
        Assert.All(page.Value.GetProperty("coupons").EnumerateArray(), c => Assert.Equal("NOT_START", c.GetProperty("status").GetString()));
        Assert.False(page.Value.GetProperty("coupons")[0].TryGetProperty("usage_stats", out _));
        Assert.NotEqual(string.Empty, page.Value.GetProperty("next_page_token").GetString());
    }

    [Fact]
    public async Task SearchCoupons_PageTokenOfAnotherSearch_InvalidParameter()
    {
        for (var i = 0; i < 3; i++) _bed.SeedOngoing(title: $"On {i}");
        var first = await Search(new { status = new[] { "ONGOING" } }, pageSize: 1);
        var token = first.Value.GetProperty("next_page_token").GetString()!;

        var other = await Search(new { status = new[] { "EXPIRED" } }, pageSize: 1, token);

        Assert.Equal((PlatformErrorKind.Rejected, "36009004"), (other.Error!.Kind, other.Error.Code));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public async Task SearchCoupons_PageSizeOutOfRange_InvalidParameter(int pageSize)
    {
        var result = await Search(new { }, pageSize);

        Assert.Equal("36009004", result.Error!.Code);
    }

    [Fact]
    public async Task Shops_WithShopCipher_RefusedAsUnexpected()
    {
        var store = _bed.Store();
        var client = _bed.Client();

        var result = await Api(client).ShopCallAsync(store, "authorization/202309/shops", HttpMethod.Get, "/authorization/202309/shops", [], null, e => e, CancellationToken.None);

        Assert.Equal("36009004", result.Error!.Code);
        Assert.Contains("shop_cipher", result.Error.Message);
    }

    [Theory]
    [InlineData("PROMO_CODE", "AB1", "SG", null)]
    [InlineData("REGULAR", "ABCDEF12", "SG", null)]
    [InlineData("REGULAR", null, "GB", 10)]
    public void AddCoupon_ImpossibleOnTikTok_Refused(string displayType, string? promoCode, string region, int? redemptionLimit)
    {
        _bed.Sandbox.AddShop("7494000000000000077", region, "seller-c");
        var coupon = new TikTokSandboxCoupon
        {
            Title = "Bad", ReductionAmount = 5, DisplayType = displayType, PromoCode = promoCode, RedemptionLimit = redemptionLimit,
            ClaimStart = _bed.Now, ClaimEnd = _bed.Now.AddDays(1), RelativeDays = 3,
        };

        Assert.Throws<ArgumentException>(() => _bed.Sandbox.AddCoupon("7494000000000000077", coupon));
    }

    [Fact]
    public async Task ControlFaults_PostedForOneShop_InjectedThereOnly()
    {
        var coupon = _bed.SeedOngoing();
        var http = _bed.NoRedirectClient();
        var control = new Uri($"{_bed.Host.BaseUrl(Platform.TikTok)}/_control/faults");

        using var set = await http.PostAsJsonAsync(control, new { shopId = TikTokTestBed.ShopB, errorRate = 1.0 });
        var unaffected = await _bed.Client(o => o.MaxRetries = 0).GetCouponAsync(_bed.Store(), coupon.CouponId);
        var stats = await http.GetFromJsonAsync<Dictionary<string, long>>(new Uri($"{_bed.Host.BaseUrl(Platform.TikTok)}/_control/stats"));

        Assert.True(unaffected.Succeeded, unaffected.Error?.ToString());
        Assert.Equal((1L, 0L), (stats!["calls"], stats["faults"]));
    }

    private Task<PlatformResult<JsonElement>> Search(object body, int pageSize, string? pageToken = null)
    {
        List<KeyValuePair<string, string>> query = [new("page_size", pageSize.ToString())];
        if (pageToken is not null) query.Add(new("page_token", pageToken));
        return Api(_bed.Client()).ShopCallAsync(_bed.Store(), "search", HttpMethod.Post, "/promotion/202406/coupons/search", query, body, e => e, CancellationToken.None);
    }

    private TikTokApi Api(TikTokClient client) => new(_bed.Options(o => o.MaxRetries = 0), client.Caller, _bed.Clock);
}
