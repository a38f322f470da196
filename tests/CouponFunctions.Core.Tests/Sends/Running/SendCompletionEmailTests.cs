using CouponFunctions.Core.Sends;
using CouponFunctions.Core.Sends.Running;
using static CouponFunctions.Core.Tests.Sends.SendTestData;

namespace CouponFunctions.Core.Tests.Sends.Running;

public sealed class SendCompletionEmailTests
{
    private static readonly TimeZoneInfo Bangkok = TimeZoneInfo.FindSystemTimeZoneById("Asia/Bangkok");
    private static readonly Uri Report = new("https://coupons.example.com/api/sends/send-1/report?sig=a&b=c");
    private static readonly Uri Admin = new("https://coupons.example.com/admin#/sends/send-1");

    private static SegmentSend Finished(int sent, int failed) =>
        SendStateMachine.Complete(Send(SendStatus.Running), new SendCounts(sent + failed, sent, failed), SendAt.AddMinutes(30)).Value!;

    [Fact]
    public void Create_SomethingFailed_HasCountsAndTheReportLinkWithItsExpiry()
    {
        var email = SendCompletionEmail.Create(Finished(1200, 34), "Acme TH", "VIP", "Payday 10% off", Bangkok, ["ops@acme.example"], Admin, Report);

        Assert.Equal("Coupon send Done: Payday 10% off to VIP (1,200 sent, 34 failed)", email.Subject);
        Assert.Contains("Messages: 1,234 planned, 1,200 sent, 34 failed.", email.Text, StringComparison.Ordinal);
        Assert.Contains(Report.AbsoluteUri, email.Text, StringComparison.Ordinal);
        Assert.Contains("available until 2026-11-28 12:30 (UTC+07:00)", email.Text, StringComparison.Ordinal);
        Assert.Contains("href=\"https://coupons.example.com/api/sends/send-1/report?sig=a&amp;b=c\"", email.Html, StringComparison.Ordinal);
        Assert.Equal("send-finished|send-1", email.IdempotencyKey);
    }

    [Fact]
    public void Create_NothingFailed_LeavesTheReportLinkOut()
    {
        var email = SendCompletionEmail.Create(Finished(10, 0), "Acme TH", "VIP", "Payday", Bangkok, ["ops@acme.example"], Admin, Report);

        Assert.DoesNotContain("report", email.Text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("report", email.Html!, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Create_NothingSent_SaysFailed()
    {
        Assert.StartsWith("Coupon send Failed:", SendCompletionEmail.Create(Finished(0, 5), "Acme", "VIP", "Payday", Bangkok, ["o@a.example"], Admin, Report).Subject, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_NamesWithMarkup_AreHtmlEncoded()
    {
        var email = SendCompletionEmail.Create(Finished(1, 0), "<script>x</script>", "A & B", "10% \"off\"", Bangkok, ["o@a.example"], Admin, null);

        Assert.Contains("&lt;script&gt;x&lt;/script&gt;", email.Html, StringComparison.Ordinal);
        Assert.Contains("A &amp; B", email.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", email.Html, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_RunningSend_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => SendCompletionEmail.Create(Send(SendStatus.Running), "A", "B", "C", Bangkok, [], Admin, null));
    }
}
