using System.Text;
using CouponFunctions.Core.Jobs;
using CouponFunctions.Core.Tests.Coupons.Listing;
using static CouponFunctions.Core.Tests.Jobs.JobTestData;

namespace CouponFunctions.Core.Tests.Jobs;

public sealed class FailureReportWriterTests
{
    private static async Task<(byte[] Bytes, List<string[]> Rows)> WriteAsync(params JobItem[] items)
    {
        using var stream = new MemoryStream();
        await FailureReportWriter.WriteAsync(stream, items);
        var bytes = stream.ToArray();
        return (bytes, Rfc4180.Parse(Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3)));
    }

    [Fact]
    public async Task WriteAsync_Items_BomHeaderAndOnlyFailedOrCancelled()
    {
        var failed = Item(JobItemState.Failed, coupon: "v-2", outcome: new ItemOutcome
        {
            State = JobItemState.Failed, ReasonCode = ItemReasons.PlatformError, Message = "Rejected, sorry", PlatformCode = "voucher_over_limit",
            HttpStatus = 400, RequestId = "req-9", RequestUrl = "https://h/p?sign=abc",
        });

        var (bytes, rows) = await WriteAsync(Item(JobItemState.Succeeded, outcome: ItemOutcome.Changed("v-1")), failed,
            Item(JobItemState.Skipped, coupon: "v-3", outcome: ItemOutcome.NothingToDo("ended")), Item(coupon: "v-4").Cancel(Now));

        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal(FailureReportWriter.Columns, rows[0]);
        Assert.Equal(3, rows.Count);
        Assert.Equal(["SG Shop", "s-shop1", "shopee", "v-2", "renew", "platform_error", "", "Rejected, sorry", "voucher_over_limit", "400", "req-9", "https://h/p?sign=***"], rows[1]);
        Assert.Equal(("v-4", "cancelled"), (rows[2][3], rows[2][5]));
    }

    [Fact]
    public async Task WriteAsync_RuleViolation_CarriesTheRuleCode()
    {
        var item = Item(JobItemState.Failed, outcome: ItemOutcome.RuleViolations([new CouponFunctions.Core.Rules.RuleViolation("percentage", "discount.over_site_cap", "Over the cap.")]));

        var (_, rows) = await WriteAsync(item);

        Assert.Equal(("rule_violation", "discount.over_site_cap", "Over the cap."), (rows[1][5], rows[1][6], rows[1][7]));
    }

    [Fact]
    public async Task WriteAsync_FormulaInPlatformText_Neutralised()
    {
        var item = Item(JobItemState.Failed, outcome: ItemOutcome.NotSupported("=HYPERLINK(\"http://x\")")) with { StoreName = "+cmd" };

        var (_, rows) = await WriteAsync(item);

        Assert.Equal("'+cmd", rows[1][0]);
        Assert.Equal("'=HYPERLINK(\"http://x\")", rows[1][7]);
    }
}
