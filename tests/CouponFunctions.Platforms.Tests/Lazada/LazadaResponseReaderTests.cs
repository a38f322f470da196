using System.Text.Json;
using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Platforms.Lazada;

namespace CouponFunctions.Platforms.Tests.Lazada;

public sealed class LazadaResponseReaderTests
{
    [Theory]
    [InlineData("""{"code":"ApiCallLimit","type":"ISV","message":"limit","request_id":"r1"}""", PlatformErrorKind.Throttled, "ApiCallLimit")]
    [InlineData("""{"code":"IllegalAccessToken","type":"ISV","message":"expired","request_id":"r1"}""", PlatformErrorKind.Unauthorized, "IllegalAccessToken")]
    [InlineData("""{"code":"Mp3SellerApiLimit","type":"ISV","message":"Mp3 Seller not support the api","request_id":"r1"}""", PlatformErrorKind.Rejected, "Mp3SellerApiLimit")]
    [InlineData("""{"code":"ServiceTimeout","type":"SYSTEM","message":"slow","request_id":"r1"}""", PlatformErrorKind.Transient, "ServiceTimeout")]
    [InlineData("""{"code":"SomethingNew","type":"SYSTEM","message":"?","request_id":"r1"}""", PlatformErrorKind.Transient, "SomethingNew")]
    [InlineData("""{"code":"MISSING_PARAMETER","type":"ISV","message":"missing required parameter: access_token","request_id":"r1"}""", PlatformErrorKind.Rejected, "MISSING_PARAMETER")]
    [InlineData("""{"code":"0","success":false,"error_code":"E023","error_msg":"rule","request_id":"r1"}""", PlatformErrorKind.Rejected, "E023")]
    [InlineData("""{"code":"0","success":"false","error_code":"E025","error_msg":"UMP exception","request_id":"r1"}""", PlatformErrorKind.Transient, "E025")]
    [InlineData("""{"code":"0","success":false,"error_code":"E024","error_msg":"Query result is empty.","request_id":"r1"}""", PlatformErrorKind.NotFound, "E024")]
    public void Read_ErrorEnvelopes_MapToOneKind(string json, PlatformErrorKind kind, string code)
    {
        using var document = JsonDocument.Parse(json);

        var fault = LazadaResponseReader.Instance.Read(200, document.RootElement);

        Assert.Equal((kind, code, "r1"), (fault!.Kind, fault.Code, fault.RequestId));
        Assert.Equal(kind == PlatformErrorKind.Throttled, fault.NotProcessed);
    }

    [Fact]
    public void Read_DocsSuccessSampleWithNullStrings_IsSuccess()
    {
        using var document = JsonDocument.Parse(DocsSample);

        Assert.Null(LazadaResponseReader.Instance.Read(200, document.RootElement));
    }

    [Fact]
    public void ToCoupon_DocsSampleWithEveryValueAString_MapsTolerantly()
    {
        using var document = JsonDocument.Parse(DocsSample);
        var raw = document.RootElement.GetProperty("data").GetProperty("data_list")[0];

        var coupon = LazadaVoucherMapper.ToCoupon(LazadaVoucher.Read(raw), raw, "SG", DateTimeOffset.FromUnixTimeMilliseconds(1626969600000));

        Assert.Equal(("91471121126083", (string?)null, CouponScope.Product, RewardType.FixedAmount), (coupon.PlatformCouponId, coupon.Code, coupon.Scope, coupon.Reward));
        Assert.Equal((1m, (decimal?)null, 100m, 5, 0, 1), (coupon.DiscountAmount!.Value, coupon.Percentage, coupon.MinSpend, coupon.TotalQuantity!.Value, coupon.UsedCount!.Value, coupon.PerBuyerLimit!.Value));
        Assert.Equal((CouponStatus.Paused, "SUSPEND", "SGD"), (coupon.Status, coupon.RawStatus, coupon.Currency));
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1630339199000), coupon.ValidTo);
    }

    [Theory]
    [InlineData("FINISH", -1, CouponStatus.Deactivated)]
    [InlineData("FINISH", 1, CouponStatus.Ended)]
    [InlineData("NOT_START", -1, CouponStatus.Upcoming)]
    [InlineData("SUSPEND", -1, CouponStatus.Paused)]
    [InlineData("SOMETHING_NEW", -1, CouponStatus.Ongoing)]
    public void ToStatus_RawStatusAndWhetherTheEndPassed_Normalised(string raw, int daysSinceEnd, CouponStatus expected)
    {
        var now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);

        Assert.Equal(expected, LazadaVoucherMapper.ToStatus(raw, now.AddDays(-10), now.AddDays(-daysSinceEnd), now));
    }

    [Theory]
    [InlineData(3, 7, 3, 5, false)]
    [InlineData(3, 7, 6, 5, false)]
    [InlineData(1, 7, 7, 5, true)]
    [InlineData(0, 7, 6, 5, true)]
    [InlineData(5, null, 5, 5, false)]
    [InlineData(4, null, 9, 5, true)]
    public void IsLast_ReceivedAgainstTotal_EvenWhenTheGatewayCapsThePageSize(int items, int? total, int received, int pageSize, bool expected)
    {
        var page = new LazadaPage(total, Enumerable.Repeat(default(JsonElement), items).ToList());

        Assert.Equal(expected, page.IsLast(received, pageSize));
    }

    // The /promotion/vouchers/get response example of Lazada's documentation, where every value is a string.
    private const string DocsSample = """
        {"error_msg":"null","code":"0","data":{"data_list":[{"period_end_time":"1630339199000","max_discount_offering_money_value":"null",
        "criteria_over_money":"100","apply":"SPECIFIC_PRODUCTS","voucher_name":"test voucher","voucher_code":"null","offering_money_value_off":"1",
        "order_used_budget":"0","offering_percentage_discount_off":"null","period_start_time":"1626969600000","display_area":"REGULAR_CHANNEL",
        "voucher_type":"COLLECTIBLE_VOUCHER","limit":"1","collect_start":"1626969600000","voucher_discount_type":"MONEY_VALUE_OFF","currency":"SGD",
        "id":"91471121126083","issued":"5","status":"SUSPEND"}],"total":"243","current":"1","page_size":"10"},"success":"true","error_code":"null",
        "request_id":"0ba2887315178178017221014"}
        """;
}
