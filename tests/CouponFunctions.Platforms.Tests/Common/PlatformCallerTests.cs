using System.Globalization;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Stores;
using CouponFunctions.Platforms.Common.Http;
using CouponFunctions.Platforms.Tests.Shopee;
using CouponFunctions.Sandbox.Common;

namespace CouponFunctions.Platforms.Tests.Common;

public sealed class PlatformCallerTests : IAsyncLifetime
{
    private ShopeeTestBed _bed = null!;

    public async Task InitializeAsync() => _bed = await ShopeeTestBed.StartAsync();

    public async Task DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public async Task SendAsync_AnswerTheReaderCannotMap_RecordedTransientUnexpectedResponse()
    {
        var seeded = _bed.SeedOngoing();
        var store = _bed.Store();

        var result = await _bed.Api().ShopCallAsync(store, HttpMethod.Get, "/api/v2/voucher/get_voucher",
            [new("voucher_id", seeded.VoucherId.ToString(CultureInfo.InvariantCulture))], null, RetryMode.Safe,
            answer => answer.GetProperty("no_such_field"), CancellationToken.None);

        Assert.Equal((Platform.Shopee, PlatformErrorKind.Transient, "unexpected_response"), (result.Error!.Platform, result.Error.Kind, result.Error.Code));
        Assert.Equal("The voucher/get_voucher answer has an unexpected shape: KeyNotFoundException.", result.Error.Message);
        Assert.Equal(1, _bed.Sandbox.Stats.Calls);
        Assert.Same(result.Error, _bed.Recorder.SingleFailure(store, "voucher/get_voucher"));
    }

    [Fact]
    public async Task SendAsync_GatewayAnswers503WithHtml_RecordedAsHttp503Transient()
    {
        var seeded = _bed.SeedOngoing();
        var store = _bed.Store();
        _bed.Sandbox.Faults.Set(new FaultPlan { ServerErrorRate = 1 });

        var result = await _bed.Api(configure: o => o.MaxRetries = 0).ShopCallAsync(store, HttpMethod.Get, "/api/v2/voucher/get_voucher",
            [new("voucher_id", seeded.VoucherId.ToString(CultureInfo.InvariantCulture))], null, RetryMode.Safe, answer => answer, CancellationToken.None);

        Assert.Equal((PlatformErrorKind.Transient, "http_503", (int?)503), (result.Error!.Kind, result.Error.Code, result.Error.HttpStatus));
        Assert.Equal("http_503", _bed.Recorder.SingleFailure(store, "voucher/get_voucher").Code);
    }

    [Fact]
    public async Task SendAsync_SuccessStatusWithBodyThatDoesNotParse_RecordedAsMalformedResponse()
    {
        var seeded = _bed.SeedOngoing();
        var store = _bed.Store();
        _bed.Sandbox.Faults.Set(new FaultPlan { MalformedJsonRate = 1 });

        var result = await _bed.Api(configure: o => o.MaxRetries = 0).ShopCallAsync(store, HttpMethod.Get, "/api/v2/voucher/get_voucher",
            [new("voucher_id", seeded.VoucherId.ToString(CultureInfo.InvariantCulture))], null, RetryMode.Safe, answer => answer, CancellationToken.None);

        Assert.Equal((PlatformErrorKind.Transient, "malformed_response", (int?)200), (result.Error!.Kind, result.Error.Code, result.Error.HttpStatus));
    }
}
