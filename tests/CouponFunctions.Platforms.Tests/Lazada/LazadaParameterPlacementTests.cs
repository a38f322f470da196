using System.Globalization;
using CouponFunctions.Core.Coupons;
using CouponFunctions.Platforms.Common.Signing;

namespace CouponFunctions.Platforms.Tests.Lazada;

/// <summary>Where a POST's parameters travel (LazadaApi explains our choice): system parameters in the query and business
/// parameters in the form, as the connector sends them, or everything in the form, as Lazada's SDK and docs do. The signature
/// covers every parameter either way, and the sandbox, like the gateway as far as the sources show, reads both.</summary>
public sealed class LazadaParameterPlacementTests : IAsyncLifetime
{
    private LazadaTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await LazadaTestBed.StartAsync();

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task EndCouponAsync_SystemParametersInTheQuery_Accepted()
    {
        var seeded = _bed.SeedOngoing();

        var result = await _bed.Client().EndCouponAsync(_bed.Store(), seeded.Id.ToString(CultureInfo.InvariantCulture));

        Assert.True(result.Succeeded, result.Error?.ToString());
        Assert.Equal(CouponStatus.Deactivated, (await _bed.Client().GetCouponAsync(_bed.Store(), seeded.Id.ToString(CultureInfo.InvariantCulture))).Value!.Status);
    }

    [Fact]
    public async Task Deactivate_EveryParameterInTheForm_AcceptedAsWell()
    {
        var seeded = _bed.SeedOngoing();
        var store = _bed.Store();
        const string path = "/promotion/voucher/deactivate";
        var parameters = new Dictionary<string, string>
        {
            ["app_key"] = LazadaTestBed.AppKey,
            ["timestamp"] = _bed.Now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            ["sign_method"] = "sha256",
            ["access_token"] = store.Credentials.AccessToken!,
            ["voucher_type"] = "COLLECTIBLE_VOUCHER",
            ["id"] = seeded.Id.ToString(CultureInfo.InvariantCulture),
        };
        parameters["sign"] = LazadaSigner.Sign(LazadaTestBed.AppSecret, path, parameters);
        using var http = new HttpClient(new SocketsHttpHandler());

        using var response = await http.PostAsync(new Uri(_bed.RestUrl.AbsoluteUri.TrimEnd('/') + path), new FormUrlEncodedContent(parameters));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Contains("\"code\":\"0\"", body, StringComparison.Ordinal);
        Assert.NotNull(_bed.Sandbox.FindVoucher(LazadaTestBed.SellerSg, seeded.Id)!.DeactivatedAt);
    }
}
