using System.Globalization;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Stores;
using CouponFunctions.Platforms.Common.Http;
using CouponFunctions.Platforms.Tests.Shopee;

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
}
