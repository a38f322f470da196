using System.Net;
using CouponFunctions.App.Tests.Infrastructure;
using CouponFunctions.Core.Customers;
using CouponFunctions.Core.Sends.Running;

namespace CouponFunctions.App.Tests.Sends;

/// <summary>
/// Sends that run: the StartDueSends timer starts the RunSendOrchestration through the host's Durable engine once a test made
/// the send due (by moving its time); messages land in the outboxes; each failure reason comes from a real cause.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class SendRunTests(AppHostFixture app)
{
    [Fact]
    public async Task RunSend_MixedSegment_DoneWithCountsReasonsReportAndMerchantEmailWithLink()
    {
        var bed = await SendBed.CreateAsync(app, quantity: 5);
        var c1 = await bed.CustomerAsync("c1", "c1@example.com", "+6591234561");
        var c2 = await bed.CustomerAsync("c2", "c2@example.com", null);
        var c3 = await bed.CustomerAsync("c3", "C1@example.com", null);           // same email as c1: sent once
        var c4 = await bed.CustomerAsync("c4", null, null);                        // no contact
        var c5 = await bed.CustomerAsync("c5", "c5@example.com", null);           // opts out after scheduling
        var c6 = await bed.CustomerAsync("c6", "c6@example.com", null);           // removed before the start
        var segment = await bed.SegmentAsync(c1, c2, c3, c4, c5, c6);
        var sendId = await bed.ScheduleAsync(segment);

        await bed.RemoveMembersAsync(segment, c6);
        // Four more reachable members after scheduling: 6 customers want the 5 coupons left, the last in order (d4) gets none.
        await bed.AddMembersAsync(segment,
            await bed.CustomerAsync("d1", "d1@example.com", null), await bed.CustomerAsync("d2", "d2@example.com", null),
            await bed.CustomerAsync("d3", "d3@example.com", null), await bed.CustomerAsync("d4", "d4@example.com", null));
        using (var unsubscribe = await bed.Workspace.App.Client().PostAsync(
            "/api/unsubscribe?token=" + Uri.EscapeDataString(bed.UnsubscribeToken("c5", ContactChannel.Email)), new StringContent("List-Unsubscribe=One-Click")))
            Assert.Equal(HttpStatusCode.OK, unsubscribe.StatusCode);
        Assert.Equal(ConsentStatus.OptedOut, (await bed.GetCustomerAsync("c5"))!.EmailConsent.Status);

        var send = await bed.RunAsync(sendId);

        Assert.Equal("done", send["status"]!.GetValue<string>());
        Assert.Equal(9, send["counts"]!["recipients"]!.GetValue<int>());
        Assert.Equal(6, send["counts"]!["sent"]!.GetValue<int>());
        Assert.Equal(3, send["counts"]!["failed"]!.GetValue<int>());
        var outcomes = (await bed.OutcomesAsync(sendId)).ToDictionary(o => (o.CustomerId.Value, o.Channel));
        Assert.Equal(DeliveryState.Sent, outcomes[("c1", ContactChannel.Email)].State);
        Assert.Equal(DeliveryState.Sent, outcomes[("c1", ContactChannel.Sms)].State);
        Assert.Equal(FailureReason.NoContactOrOptedOut, outcomes[("c4", ContactChannel.Email)].Reason);
        Assert.Equal(FailureReason.NoContactOrOptedOut, outcomes[("c5", ContactChannel.Email)].Reason);
        Assert.Equal(FailureReason.InsufficientQuantity, outcomes[("d4", ContactChannel.Email)].Reason);
        Assert.DoesNotContain(outcomes.Keys, k => k.Value is "c3" or "c6");

        var emails = await bed.EmailsAsync();
        Assert.Equal(["c1@example.com", "c2@example.com", "d1@example.com", "d2@example.com", "d3@example.com"], emails.Select(e => e.To).Order().ToArray());
        Assert.All(emails, e => Assert.StartsWith("<https://coupons.example.net/api/unsubscribe?token=", e.Headers["List-Unsubscribe"], StringComparison.Ordinal));
        Assert.Contains("utm_campaign=" + sendId, Assert.Single(emails, e => e.To == "c2@example.com").Html, StringComparison.Ordinal);
        Assert.Equal("+6591234561", Assert.Single(await bed.SmsAsync()).To);

        var report = await bed.ReportAsync(sendId);
        Assert.Equal(4, report.Length);
        Assert.Contains(report, l => l.StartsWith("d4,d4@example.com,", StringComparison.Ordinal) && l.Contains("insufficient coupon quantity", StringComparison.Ordinal));
        Assert.Contains(report, l => l.StartsWith("c5,", StringComparison.Ordinal) && l.Contains("opted out", StringComparison.Ordinal));
        var merchant = await bed.MerchantEmailAsync();
        Assert.Contains("Failure report", merchant!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(409, (await bed.Admin.SendJsonAsync(HttpMethod.Post, $"/api/sends/{sendId}/cancel")).Status);

        // The link a customer got unsubscribes them at once.
        var link = new Uri(Assert.Single(emails, e => e.To == "c2@example.com").Headers["List-Unsubscribe"].Trim('<', '>'));
        using var oneClick = await bed.Workspace.App.Client().PostAsync(link.PathAndQuery, new StringContent("List-Unsubscribe=One-Click"));
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        Assert.Equal(ConsentStatus.OptedOut, (await bed.GetCustomerAsync("c2"))!.EmailConsent.Status);
    }

    [Fact]
    public async Task RunSend_EverythingSent_DoneWithoutReportAndMerchantEmailWithoutLink()
    {
        var bed = await SendBed.CreateAsync(app);
        var segment = await bed.SegmentAsync(await bed.CustomerAsync("a1", "a1@example.com", "+6591234562"), await bed.CustomerAsync("a2", "a2@example.com", null));
        var sendId = await bed.ScheduleAsync(segment);

        var send = await bed.RunAsync(sendId);

        Assert.Equal("done", send["status"]!.GetValue<string>());
        Assert.Equal(3, send["counts"]!["sent"]!.GetValue<int>());
        Assert.Equal(0, send["counts"]!["failed"]!.GetValue<int>());
        Assert.Null(send["report"]);
        Assert.Equal(404, (await bed.Admin.SendJsonAsync(HttpMethod.Get, $"/api/sends/{sendId}/report")).Status);
        var merchant = await bed.MerchantEmailAsync();
        Assert.DoesNotContain("Failure report", merchant!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("3 sent, 0 failed", merchant["subject"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("removed", FailureReason.InvalidCoupon)]
    [InlineData("no-code", FailureReason.CouponInapplicable)]
    public async Task RunSend_CouponChangedOnItsPlatformAfterScheduling_FailedWithTheReason(string change, FailureReason reason)
    {
        var bed = await SendBed.CreateAsync(app);
        var segment = await bed.SegmentAsync(await bed.CustomerAsync("b1", "b1@example.com", null), await bed.CustomerAsync("b2", "b2@example.com", null));
        var sendId = await bed.ScheduleAsync(segment, ["email"]);
        if (change == "removed") bed.Workspace.Shopee.RemoveVoucher(bed.ShopId, bed.Voucher.VoucherId);
        else bed.Workspace.Shopee.EditVoucher(bed.ShopId, bed.Voucher.VoucherId, v => v with { Code = string.Empty });
        await bed.Workspace.SyncAsync(bed.StoreId);

        var send = await bed.RunAsync(sendId);

        Assert.Equal("failed", send["status"]!.GetValue<string>());
        Assert.Equal(0, send["counts"]!["sent"]!.GetValue<int>());
        Assert.Equal(2, send["counts"]!["failed"]!.GetValue<int>());
        Assert.All(await bed.OutcomesAsync(sendId), o => Assert.Equal(reason, o.Reason));
        Assert.Empty(await bed.EmailsAsync());
        Assert.Equal(3, (await bed.ReportAsync(sendId)).Length);
        Assert.Contains("Failure report", (await bed.MerchantEmailAsync())["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunSend_ProviderRefusesOneNumberAndFailsAnotherRequest_DoneWithProviderRejectedAndSystemError()
    {
        var bed = await SendBed.CreateAsync(app);
        var rejected = "+6591234572";
        var broken = "+6591234579";
        app.Acs.RejectNumbers[rejected] = "The destination number is not a mobile number.";
        app.Acs.FailNumbers[broken] = "Request body could not be processed.";
        // Member ids in key order: p1 is sent before p2 is refused; z9's request fails on every retry of the wave, so z9 is
        // left Attempted and becomes a system error when the wave's retries run out (not sent, not sent twice).
        var segment = await bed.SegmentAsync(await bed.CustomerAsync("p1", null, "+6591234571"), await bed.CustomerAsync("p2", null, rejected),
            await bed.CustomerAsync("z9", null, broken));
        var sendId = await bed.ScheduleAsync(segment, ["sms"]);

        var send = await bed.RunAsync(sendId, seconds: 150);

        Assert.Equal("done", send["status"]!.GetValue<string>());
        Assert.Equal(1, send["counts"]!["sent"]!.GetValue<int>());
        Assert.Equal(2, send["counts"]!["failed"]!.GetValue<int>());
        var outcomes = (await bed.OutcomesAsync(sendId)).ToDictionary(o => o.CustomerId.Value);
        Assert.Equal(DeliveryState.Sent, outcomes["p1"].State);
        Assert.StartsWith("Outgoing_", outcomes["p1"].ProviderMessageId, StringComparison.Ordinal);
        Assert.Equal(FailureReason.ProviderRejected, outcomes["p2"].Reason);
        Assert.Contains("not a mobile number", outcomes["p2"].Detail, StringComparison.Ordinal);
        Assert.Equal(FailureReason.SystemError, outcomes["z9"].Reason);
        Assert.Equal(["+6591234571"], (await bed.SmsAsync()).Select(m => m.To).ToArray());
        Assert.Equal(1, app.Acs.SmsDeliveries.GetValueOrDefault("+6591234571"));
        Assert.False(app.Acs.SmsDeliveries.ContainsKey(rejected));

        var report = await bed.ReportAsync(sendId);
        Assert.Equal(3, report.Length);
        Assert.Contains(report, l => l.StartsWith("p2,,'+6591234572,", StringComparison.Ordinal) && l.Contains("provider rejected", StringComparison.Ordinal));
        Assert.Contains(report, l => l.StartsWith("z9,,'+6591234579,", StringComparison.Ordinal) && l.Contains("system error", StringComparison.Ordinal));
        var merchant = await bed.MerchantEmailAsync();
        Assert.Contains("Failure report", merchant["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("1 sent, 2 failed", merchant["subject"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
