using CouponFunctions.App.Tests.Infrastructure;

namespace CouponFunctions.App.Tests.Sends;

/// <summary>POST /api/sends, /preview, /{id}/cancel and GET /api/sends through the host, as the admin page sends them.</summary>
[Collection(AppCollection.Name)]
public sealed class SendsEndpointsTests(AppHostFixture app)
{
    [Fact]
    public async Task ScheduleSend_ValidRequest_Created_AndASecondSendOfTheSegmentIs400()
    {
        var bed = await SendBed.CreateAsync(app);
        var segment = await bed.SegmentAsync(await bed.CustomerAsync("c1", "c1@example.com", "+6591234567"));

        var (status, body) = await bed.Admin.SendJsonAsync(HttpMethod.Post, "/api/sends", bed.Request(segment));
        var (second, problem) = await bed.Admin.SendJsonAsync(HttpMethod.Post, "/api/sends", bed.Request(segment));

        Assert.Equal(201, status);
        Assert.Equal("scheduled", body!["status"]!.GetValue<string>());
        Assert.True(body["canCancel"]!.GetValue<bool>());
        Assert.Equal(400, second);
        Assert.Contains("already has a send", problem!["errors"]!["segmentId"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        var (_, list) = await bed.Admin.SendJsonAsync(HttpMethod.Get, $"/api/sends?segmentId={segment}");
        Assert.Single(list!["items"]!.AsArray());
    }

    [Theory]
    [InlineData(1, 0, "at least 2 hours ahead")]
    [InlineData(4, 30, "on the hour")]
    public async Task ScheduleSend_TooSoonOrNotOnTheHour_400NamingScheduledAt_NothingWritten(int hours, int minutes, string why)
    {
        var bed = await SendBed.CreateAsync(app);
        var segment = await bed.SegmentAsync(await bed.CustomerAsync("c1", "c1@example.com", null));
        var now = TimeProvider.System.GetUtcNow();
        var at = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero).AddHours(hours).AddMinutes(minutes);

        var (status, problem) = await bed.Admin.SendJsonAsync(HttpMethod.Post, "/api/sends", bed.Request(segment, ["email"], at));

        Assert.Equal(400, status);
        Assert.Contains(why, problem!["errors"]!["scheduledAt"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        var (_, list) = await bed.Admin.SendJsonAsync(HttpMethod.Get, "/api/sends");
        Assert.Empty(list!["items"]!.AsArray());
    }

    [Fact]
    public async Task ScheduleSend_UnknownPlaceholderAndUnknownCoupon_400NamingEachField()
    {
        var bed = await SendBed.CreateAsync(app);
        var segment = await bed.SegmentAsync(await bed.CustomerAsync("c1", "c1@example.com", "+6591234567"));

        var (status, problem) = await bed.Admin.SendJsonAsync(HttpMethod.Post, "/api/sends", bed.Request(segment, subject: "Hi {{customer.nickname}}"));
        var (couponStatus, couponProblem) = await bed.Admin.SendJsonAsync(HttpMethod.Post, "/api/sends", new
        {
            segmentId = segment, storeId = bed.StoreId, couponId = "999999", channels = new[] { "email" }, scheduledAt = SendBed.NextSlot(),
            message = new { emailSubject = "Hi", emailBody = "<p>Hi</p>" },
        });

        Assert.Equal(400, status);
        Assert.Contains("customer.nickname", problem!["errors"]!["message.emailSubject"]![0]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(400, couponStatus);
        Assert.NotNull(couponProblem!["errors"]!["couponId"]);
        var (_, list) = await bed.Admin.SendJsonAsync(HttpMethod.Get, "/api/sends");
        Assert.Empty(list!["items"]!.AsArray());
    }

    [Fact]
    public async Task ScheduleSend_MoreReachableMembersThanCouponsLeft_400NamingCouponId()
    {
        var bed = await SendBed.CreateAsync(app, quantity: 1);
        var segment = await bed.SegmentAsync(await bed.CustomerAsync("c1", "c1@example.com", null), await bed.CustomerAsync("c2", "c2@example.com", null));

        var (status, problem) = await bed.Admin.SendJsonAsync(HttpMethod.Post, "/api/sends", bed.Request(segment, ["email"]));

        Assert.Equal(400, status);
        Assert.Contains("fewer than the segment's 2 reachable", problem!["errors"]!["couponId"]![0]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PreviewSend_EmailAndSms_RendersEscapedValuesSmsPartsAndEstimates()
    {
        var bed = await SendBed.CreateAsync(app);
        var segment = await bed.SegmentAsync(
            await bed.CustomerAsync("c1", "c1@example.com", "+6591234567", name: "Ann <b>"),
            await bed.CustomerAsync("c2", "c2@example.com", null),
            await bed.CustomerAsync("c3", null, null));

        var (status, preview) = await bed.Admin.SendJsonAsync(HttpMethod.Post, "/api/sends/preview", bed.Request(segment, sms: "Hi {{customer.name}} – {{coupon.code}}"));

        Assert.Equal(200, status);
        var html = preview!["email"]!["html"]!.GetValue<string>();
        Assert.Contains("Ann &lt;b&gt;", html, StringComparison.Ordinal);
        Assert.Contains("Welcome &lt;10%&gt;", html, StringComparison.Ordinal);
        Assert.Contains("utm_medium=email", html, StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", preview["email"]!["headers"]!["List-Unsubscribe-Post"]!.GetValue<string>());
        Assert.StartsWith("Hi Ann <b> – WELCOME10", preview["sms"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.EndsWith("Reply STOP to opt out", preview["sms"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("UCS-2", preview["sms"]!["encoding"]!.GetValue<string>());
        Assert.Equal(1, preview["sms"]!["parts"]!.GetValue<int>());
        Assert.Equal(3, preview["members"]!.GetValue<int>());
        Assert.Equal(2, preview["estimatedRecipients"]!["email"]!.GetValue<int>());
        Assert.Equal(1, preview["estimatedRecipients"]!["sms"]!.GetValue<int>());
        Assert.Equal(2, preview["estimatedRecipients"]!["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task CancelSend_MoreThanTwoHoursAhead_Cancelled_Repeatable_AndFreesTheSegment()
    {
        var bed = await SendBed.CreateAsync(app);
        var segment = await bed.SegmentAsync(await bed.CustomerAsync("c1", "c1@example.com", null));
        var sendId = await bed.ScheduleAsync(segment, ["email"]);

        var (status, body) = await bed.Admin.SendJsonAsync(HttpMethod.Post, $"/api/sends/{sendId}/cancel");
        var (again, _) = await bed.Admin.SendJsonAsync(HttpMethod.Post, $"/api/sends/{sendId}/cancel");

        Assert.Equal(200, status);
        Assert.Equal("cancelled", body!["status"]!.GetValue<string>());
        Assert.Equal(200, again);
        Assert.NotEqual(sendId, await bed.ScheduleAsync(segment, ["email"]));
    }

    [Fact]
    public async Task CancelSend_WithinTwoHoursOfItsTime_409SayingWhy()
    {
        var bed = await SendBed.CreateAsync(app);
        var segment = await bed.SegmentAsync(await bed.CustomerAsync("c1", "c1@example.com", null));
        var sendId = await bed.ScheduleAsync(segment, ["email"]);
        await bed.MoveScheduleAsync(sendId, TimeProvider.System.GetUtcNow().AddMinutes(90));

        var (status, problem) = await bed.Admin.SendJsonAsync(HttpMethod.Post, $"/api/sends/{sendId}/cancel");

        Assert.Equal(409, status);
        Assert.Contains("until 2 hours before", problem!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        var (_, send) = await bed.Admin.SendJsonAsync(HttpMethod.Get, $"/api/sends/{sendId}");
        Assert.Equal("scheduled", send!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task ListSendSlots_Store_WholeLocalHoursAtLeastTwoHoursAhead_TheFirstIsAccepted()
    {
        var bed = await SendBed.CreateAsync(app);
        var segment = await bed.SegmentAsync(await bed.CustomerAsync("c1", "c1@example.com", null));
        Assert.Equal(200, (await bed.Admin.SendJsonAsync(HttpMethod.Patch, $"/api/stores/{bed.StoreId}", new { timeZone = "Asia/Kolkata" })).Status);

        var (status, slots) = await bed.Admin.SendJsonAsync(HttpMethod.Get, $"/api/stores/{bed.StoreId}/send-slots");
        var first = slots!["items"]![0]!["at"]!.GetValue<DateTimeOffset>();

        Assert.Equal(200, status);
        Assert.Equal("Asia/Kolkata", slots["timeZone"]!.GetValue<string>());
        Assert.Equal(48, slots["items"]!.AsArray().Count);
        Assert.Equal(30, first.ToUniversalTime().Minute);
        Assert.InRange(first - TimeProvider.System.GetUtcNow(), TimeSpan.FromHours(2), TimeSpan.FromHours(3));
        Assert.Equal(201, (await bed.Admin.SendJsonAsync(HttpMethod.Post, "/api/sends", bed.Request(segment, ["email"], first.AddMinutes(60)))).Status);
    }

    [Fact]
    public async Task ScheduleSend_ViewerKey_403()
    {
        var bed = await SendBed.CreateAsync(app);
        var viewer = app.WithKey(await bed.Admin.IssueKeyAsync("viewer"));

        var (status, _) = await viewer.SendJsonAsync(HttpMethod.Post, "/api/sends", bed.Request("seg-x"));

        Assert.Equal(403, status);
    }
}
