using System.Text.Json.Nodes;
using CouponFunctions.App.Tests.Infrastructure;

namespace CouponFunctions.App.Tests.Api;

/// <summary>
/// Issue 11 D3, D4, D5 and D9: input checked at the edge, each as the request that found it. Too long, too many, unsafe
/// characters, a shop id its platform cannot have, a bad page size, an oversized or sloppy body: 400 (413 for a body over
/// the bound) naming the field, and nothing written.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class InputBoundsTests(AppHostFixture app)
{
    [Fact]
    public async Task LongIdsAndRepeatedScope_CouponOutboxAndKeys_Answer400NamingTheField()
    {
        var bed = await app.NewWorkspaceAsync();
        var store = await bed.Admin.AddStoreAsync("880400001");

        var (couponStatus, coupon) = await bed.Admin.SendJsonAsync(HttpMethod.Get, $"/api/coupons/{store}/{new string('c', 600)}");
        var (outboxStatus, outbox) = await bed.Admin.SendJsonAsync(HttpMethod.Get, $"/api/outbox/{new string('o', 1100)}");
        var (scopeStatus, scope) = await bed.Admin.SendJsonAsync(HttpMethod.Post, "/api/keys",
            new { name = "wide", role = "viewer", storeScope = Enumerable.Repeat(store, 3000).ToArray() });
        var (twiceStatus, twice) = await bed.Admin.SendJsonAsync(HttpMethod.Post, "/api/keys", new { name = "twice", role = "viewer", storeScope = new[] { store, store } });

        AssertProblem(400, ["couponId"], couponStatus, coupon);
        AssertProblem(400, ["id"], outboxStatus, outbox);
        AssertProblem(400, ["storeScope"], scopeStatus, scope);
        AssertProblem(400, ["storeScope[1]"], twiceStatus, twice);
        Assert.Single((await bed.Admin.SendJsonAsync(HttpMethod.Get, "/api/keys")).Body!["items"]!.AsArray());
    }

    [Theory]
    [InlineData("Shop\0One")]
    [InlineData("Shop\u001b[31mRed")]
    [InlineData("Shop\r\nBcc: x")]
    [InlineData("Invoice\u202Efdp.exe")]
    [InlineData("Shop\u2066isolated\u2069")]
    public async Task Names_ControlOrBidiOverrideCharacters_Answer400NamingTheField(string name)
    {
        var bed = await app.NewWorkspaceAsync();
        var store = await bed.Admin.AddStoreAsync("880400002");

        var (addStatus, added) = await bed.Admin.SendJsonAsync(HttpMethod.Post, "/api/stores", new { platform = "shopee", site = "TH", shopId = "880400003", displayName = name });
        var (patchStatus, patched) = await bed.Admin.SendJsonAsync(HttpMethod.Patch, $"/api/stores/{store}", new { displayName = name });
        var (keyStatus, key) = await bed.Admin.SendJsonAsync(HttpMethod.Post, "/api/keys", new { name, role = "viewer" });

        AssertProblem(400, ["displayName"], addStatus, added);
        AssertProblem(400, ["displayName"], patchStatus, patched);
        AssertProblem(400, ["name"], keyStatus, key);
        var stores = await bed.StoresAsync();
        Assert.Equal("Shop 880400002", Assert.Single(stores.Values)["displayName"]!.GetValue<string>());
    }

    [Fact]
    public async Task Names_ThaiAndChineseText_AreAccepted()
    {
        var bed = await app.NewWorkspaceAsync();

        var (status, _) = await bed.Admin.SendJsonAsync(HttpMethod.Post, "/api/stores", new { platform = "shopee", site = "TH", shopId = "880400004", displayName = "ร้านมิรา 台灣官方" });

        Assert.Equal(201, status);
    }

    [Theory]
    [InlineData("shopee", "TH", "my-shop")]
    [InlineData("shopee", "TH", "99999999999999999999")]
    [InlineData("lazada", "MY", "my-shop")]
    [InlineData("tiktok", "MY", "shop_abc")]
    [InlineData("shopline", "TW", "My_Shop")]
    [InlineData("shopline", "TW", "-acme")]
    public async Task AddStore_ShopIdItsPlatformCannotHave_Answers400NamingShopId(string platform, string site, string shopId)
    {
        var bed = await app.NewWorkspaceAsync();

        var (status, body) = await bed.Admin.SendJsonAsync(HttpMethod.Post, "/api/stores", new { platform, site, shopId, displayName = "Acme" });

        AssertProblem(400, ["shopId"], status, body);
        Assert.Empty(await bed.StoresAsync());
    }

    [Theory]
    [InlineData("shopee", "TH", "880400005")]
    [InlineData("lazada", "MY", "100200300")]
    [InlineData("tiktok", "MY", "7495100000000000009")]
    [InlineData("shopline", "TW", "acme-tw")]
    public async Task AddStore_ShopIdOfItsPlatform_IsAdded(string platform, string site, string shopId)
    {
        var bed = await app.NewWorkspaceAsync();

        var (status, _) = await bed.Admin.SendJsonAsync(HttpMethod.Post, "/api/stores", new { platform, site, shopId, displayName = "Acme" });

        Assert.Equal(201, status);
    }

    [Theory]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=abc", "pageSize")]
    [InlineData("pageSize=100000", "pageSize")]
    [InlineData("continuation=not-a-token", "continuation")]
    public async Task Export_BadPageSizeOrContinuation_Answers400NamingIt(string query, string field)
    {
        var bed = await app.NewWorkspaceAsync();

        var (status, body) = await bed.Admin.SendJsonAsync(HttpMethod.Get, $"/api/coupons/export?{query}");

        AssertProblem(400, [field], status, body);
    }

    [Fact]
    public async Task AlertSettings_FiveThousandCharacterRecipient_Answers400AndKeepsTheSettings()
    {
        var bed = await app.NewWorkspaceAsync();
        var longAddress = new string('a', 4988) + "@example.com";
        var before = (await bed.Admin.SendJsonAsync(HttpMethod.Get, "/api/settings/alerts")).Body!["recipients"]!.ToJsonString();

        var (status, body) = await bed.Admin.SendJsonAsync(HttpMethod.Put, "/api/settings/alerts", new { recipients = new[] { "ops@example.com", longAddress } });

        AssertProblem(400, ["recipients[1]"], status, body);
        Assert.Equal(before, (await bed.Admin.SendJsonAsync(HttpMethod.Get, "/api/settings/alerts")).Body!["recipients"]!.ToJsonString());
    }

    [Fact]
    public async Task IssueKey_DuplicateRoleProperty_Answers400AndIssuesNothing()
    {
        var bed = await app.NewWorkspaceAsync();

        var (status, body) = await bed.Admin.SendRawJsonAsync(HttpMethod.Post, "/api/keys", """{"name":"dup","role":"viewer","role":"admin"}""");

        Assert.Equal(400, status);
        Assert.Contains("role", body!.ToJsonString(), StringComparison.Ordinal);
        Assert.Single((await bed.Admin.SendJsonAsync(HttpMethod.Get, "/api/keys")).Body!["items"]!.AsArray());
    }

    [Fact]
    public async Task IssueKey_UnknownField_Answers400NamingIt()
    {
        var bed = await app.NewWorkspaceAsync();

        var (status, body) = await bed.Admin.SendRawJsonAsync(HttpMethod.Post, "/api/keys", """{"name":"extra","role":"viewer","isSuperUser":true}""");

        Assert.Equal(400, status);
        Assert.Contains("isSuperUser", body!["errors"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task IssueKey_FiveMegabyteUnknownField_Answers413AndIssuesNothing()
    {
        var bed = await app.NewWorkspaceAsync();
        var json = new JsonObject { ["name"] = "big", ["role"] = "viewer", ["padding"] = new string('x', 5 * 1024 * 1024) }.ToJsonString();

        var (status, body) = await bed.Admin.SendRawJsonAsync(HttpMethod.Post, "/api/keys", json);

        AssertProblem(413, ["body"], status, body);
        Assert.Single((await bed.Admin.SendJsonAsync(HttpMethod.Get, "/api/keys")).Body!["items"]!.AsArray());
    }

    [Theory]
    [InlineData("0001-01-01T00:00:00Z", "2027-01-01T00:00:00Z", "credentials.accessTokenExpiresAt")]
    [InlineData("2027-01-01T00:00:00Z", "9999-12-31T00:00:00Z", "credentials.refreshTokenExpiresAt")]
    public async Task AddStore_TokenExpiryInYear1Or9999_Answers400NamingIt(string accessExpiry, string refreshExpiry, string field)
    {
        var bed = await app.NewWorkspaceAsync();

        var (status, body) = await bed.Admin.SendJsonAsync(HttpMethod.Post, "/api/stores", new
        {
            platform = "shopee", site = "TH", shopId = "880400006", displayName = "Dated",
            credentials = new { accessToken = "token", accessTokenExpiresAt = accessExpiry, refreshToken = "refresh", refreshTokenExpiresAt = refreshExpiry },
        });

        AssertProblem(400, [field], status, body);
        Assert.Empty(await bed.StoresAsync());
    }

    private static void AssertProblem(int status, string[] fields, int actualStatus, JsonNode? body)
    {
        Assert.Equal(status, actualStatus);
        Assert.Equal(fields, body.ErrorFields());
    }
}
