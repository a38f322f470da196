using CouponFunctions.App.Tests.Infrastructure;

namespace CouponFunctions.App.Tests.Api.Stores;

/// <summary>Issue 11 D7: the OAuth callback is on the app's public address (Admin__PublicUrl), whatever Host a request names.</summary>
[Collection(AppCollection.Name)]
public sealed class AuthorizeCallbackTests(AppHostFixture app)
{
    [Fact]
    public async Task StartAuthorization_HostHeaderEvilExample_CallbackIsOnThePublicUrl()
    {
        var bed = await app.NewWorkspaceAsync();
        var store = await bed.Admin.AddStoreAsync("880500001");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/stores/{store}/authorize");
        request.Headers.Host = "evil.example";

        using var response = await bed.Admin.SendAsync(request);
        var body = System.Text.Json.Nodes.JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(200, (int)response.StatusCode);
        Assert.Equal("https://coupons.example.net/api/oauth/shopee/callback", body["callbackUrl"]!.GetValue<string>());
        var authorizationUrl = body["authorizationUrl"]!.GetValue<string>();
        Assert.DoesNotContain("evil.example", authorizationUrl, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("coupons.example.net", Uri.UnescapeDataString(authorizationUrl), StringComparison.Ordinal);
    }
}
