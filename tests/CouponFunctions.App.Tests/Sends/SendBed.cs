using System.Text.Json.Nodes;
using CouponFunctions.App.Tests.Infrastructure;
using CouponFunctions.Core.Customers;
using CouponFunctions.Core.Segments;
using CouponFunctions.Core.Sends;
using CouponFunctions.Core.Stores;
using CouponFunctions.Sandbox.Shopee;
using Microsoft.Extensions.DependencyInjection;

namespace CouponFunctions.App.Tests.Sends;

/// <summary>
/// A workspace with a synced Shopee SG store and one claimable voucher, customers and a static segment written through the
/// app's own repositories (this process's Storage services), and the API calls a merchant makes to send the coupon.
/// "Later" is reached by moving data, not time: <see cref="MoveScheduleAsync"/> rewrites a send's time, as if the hour had come.
/// </summary>
internal sealed class SendBed
{
    private static long _nextShop = 8_100_000 + (Environment.ProcessId % 1000) * 1000;

    private SendBed(Workspace workspace, long shopId, string storeId, ShopeeSandboxVoucher voucher)
    {
        Workspace = workspace;
        ShopId = shopId;
        StoreId = storeId;
        Voucher = voucher;
    }

    public Workspace Workspace { get; }

    public HttpClient Admin => Workspace.Admin;

    public long ShopId { get; }

    public string StoreId { get; }

    public ShopeeSandboxVoucher Voucher { get; private set; }

    public string CouponId => Voucher.VoucherId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private IServiceProvider Services => Workspace.App.Services;

    public static async Task<SendBed> CreateAsync(AppFixture app, int quantity = 1000)
    {
        var workspace = await app.NewWorkspaceAsync();
        var shopId = Interlocked.Increment(ref _nextShop);
        var storeId = await workspace.AddShopeeStoreAsync(shopId, site: "SG");
        var now = workspace.Shopee.Clock.GetUtcNow();
        var voucher = workspace.Shopee.AddVoucher(shopId, new ShopeeSandboxVoucher
        {
            Code = "WELCOME10", Name = "Welcome <10%>", UsageQuantity = quantity, CurrentUsage = 0, DiscountAmount = 5, MinBasketPrice = 50,
            Start = now.AddDays(-1), End = now.AddDays(30),
        });
        await workspace.SyncAsync(storeId);
        return new SendBed(workspace, shopId, storeId, voucher);
    }

    /// <summary>A customer with consent on the channels it has a contact for (unless <paramref name="consent"/> is false).</summary>
    public async Task<CustomerId> CustomerAsync(string id, string? email, string? mobile, bool consent = true, string? name = null, string[]? tags = null)
    {
        var now = TimeProvider.System.GetUtcNow();
        var granted = new Consent(ConsentStatus.Granted, now, "checkout");
        var fields = new CustomerFields(CustomerId.Parse(id), name ?? $"Customer {id}", email, mobile, Core.Stores.StoreId.Parse(StoreId), tags ?? [],
            consent && email is not null ? granted : Consent.None, consent && mobile is not null ? granted : Consent.None);
        var present = Enum.GetValues<CustomerField>().ToHashSet();
        await Services.GetRequiredService<ICustomerRepository>().UpsertAsync(Workspace.Tenant, fields, present, now);
        return fields.Id;
    }

    public async Task<string> SegmentAsync(params CustomerId[] members)
    {
        var now = TimeProvider.System.GetUtcNow();
        var segments = Services.GetRequiredService<ISegmentRepository>();
        var segment = (await segments.CreateAsync(new Segment { TenantId = Workspace.Tenant, Id = SegmentId.New(), Name = "VIP <buyers>", Kind = SegmentKind.Static, CreatedAt = now, UpdatedAt = now })).Value!;
        await segments.AddMembersAsync(Workspace.Tenant, segment.Id, members);
        return segment.Id.Value;
    }

    /// <summary>A rule-based segment: the workspace's customers with any of <paramref name="tags"/>.</summary>
    public async Task<string> RuleSegmentAsync(params string[] tags)
    {
        var now = TimeProvider.System.GetUtcNow();
        var segment = new Segment
        {
            TenantId = Workspace.Tenant, Id = SegmentId.New(), Name = "Tagged", Kind = SegmentKind.Rule, CreatedAt = now, UpdatedAt = now,
            Rule = SegmentRule.Everyone with { TagsAny = tags },
        };
        return (await Services.GetRequiredService<ISegmentRepository>().CreateAsync(segment)).Value!.Id.Value;
    }

    public Task AddMembersAsync(string segmentId, params CustomerId[] members) =>
        Services.GetRequiredService<ISegmentRepository>().AddMembersAsync(Workspace.Tenant, SegmentId.Parse(segmentId), members);

    public Task RemoveMembersAsync(string segmentId, params CustomerId[] members) =>
        Services.GetRequiredService<ISegmentRepository>().RemoveMembersAsync(Workspace.Tenant, SegmentId.Parse(segmentId), members);

    /// <summary>The first whole hour at least 3 hours ahead (UTC; Singapore has a whole-hour offset).</summary>
    public static DateTimeOffset NextSlot()
    {
        var at = TimeProvider.System.GetUtcNow().AddHours(3);
        return new DateTimeOffset(at.Year, at.Month, at.Day, at.Hour, 0, 0, TimeSpan.Zero);
    }

    public object Request(string segmentId, string[]? channels = null, DateTimeOffset? at = null, string? subject = null, string? sms = null) => new
    {
        segmentId,
        storeId = StoreId,
        couponId = CouponId,
        channels = channels ?? ["email", "sms"],
        scheduledAt = at ?? NextSlot(),
        message = new
        {
            emailSubject = subject ?? "{{customer.name}}, a coupon for you",
            emailBody = "<p>Hi {{customer.name}}, use <b>{{coupon.code}}</b> for {{coupon.name}} until {{coupon.endsAt}}: <a href=\"{{claimUrl}}\">shop</a></p>",
            smsText = sms ?? "{{coupon.name}}: code {{coupon.code}} {{claimUrl}}",
        },
    };

    public async Task<string> ScheduleAsync(string segmentId, string[]? channels = null)
    {
        var (status, body) = await Admin.SendJsonAsync(HttpMethod.Post, "/api/sends", Request(segmentId, channels));
        Assert.True(status == 201, $"POST /api/sends answered {status}: {body}");
        return body!["id"]!.GetValue<string>();
    }

    /// <summary>Moves the send's time to <paramref name="at"/> in its stored row (the data moves; the worker's clock does not).</summary>
    public async Task MoveScheduleAsync(string sendId, DateTimeOffset at)
    {
        var sends = Services.GetRequiredService<ISendRepository>();
        var send = await sends.GetAsync(Workspace.Tenant, SendId.Parse(sendId));
        Assert.True((await sends.UpdateAsync(send! with { ScheduledAt = at })).IsOk);
    }

    /// <summary>Makes the send due now and waits until the StartDueSends timer started it and it is over (done or failed).</summary>
    public async Task<JsonNode> RunAsync(string sendId, int seconds = 90)
    {
        await MoveScheduleAsync(sendId, TimeProvider.System.GetUtcNow().AddSeconds(-1));
        return await WaitOverAsync(sendId, seconds);
    }

    public async Task<JsonNode> WaitOverAsync(string sendId, int seconds = 90)
    {
        JsonNode? send = null;
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            (_, send) = await Admin.SendJsonAsync(HttpMethod.Get, $"/api/sends/{sendId}");
            return send?["status"]?.GetValue<string>() is "done" or "failed";
        }, seconds: seconds), $"The send did not finish: {send}. Host output:\n{Workspace.Tail(Workspace.App.Host.Output)}");
        return send!;
    }

    /// <summary>The merchant's completion email (exactly one), read in full from GET /api/outbox/{id}. The finish activity
    /// writes it after the send's row says done, so it is waited for.</summary>
    public async Task<JsonNode> MerchantEmailAsync()
    {
        await Eventually.TrueAsync(async () => (await Workspace.OutboxAsync(Core.Sends.Running.SendCompletionEmail.Kind)).Count > 0, seconds: 30);
        var listed = Assert.Single(await Workspace.OutboxAsync(Core.Sends.Running.SendCompletionEmail.Kind));
        var (status, body) = await Admin.SendJsonAsync(HttpMethod.Get, $"/api/outbox/{Uri.EscapeDataString(listed!["id"]!.GetValue<string>())}");
        Assert.Equal(200, status);
        return body!;
    }

    public async Task<IReadOnlyList<Core.Notifications.SentCustomerEmail>> EmailsAsync() =>
        await Services.GetRequiredService<Core.Notifications.ICustomerEmailOutbox>().ListAsync(Workspace.Tenant, 10_000);

    public async Task<IReadOnlyList<Core.Notifications.SentSms>> SmsAsync() =>
        await Services.GetRequiredService<Core.Notifications.ISmsOutbox>().ListAsync(Workspace.Tenant, 10_000);

    public async Task<IReadOnlyList<Core.Sends.Running.RecipientOutcome>> OutcomesAsync(string sendId) =>
        (await Services.GetRequiredService<ISendRecipientStore>().ListOutcomesAsync(Workspace.Tenant, SendId.Parse(sendId), null, 1000, null)).Items;

    public async Task<Customer?> GetCustomerAsync(string id) =>
        await Services.GetRequiredService<ICustomerRepository>().GetAsync(Workspace.Tenant, CustomerId.Parse(id));

    /// <summary>A one-click unsubscribe token for the customer, made with the app's key (as a sent message carries).</summary>
    public string UnsubscribeToken(string customerId, ContactChannel channel) =>
        new Core.Sends.Messages.UnsubscribeTokens(Services.GetRequiredService<Core.Security.ISecretProtector>())
            .Create(new Core.Sends.Messages.UnsubscribeRequest(Workspace.Tenant, CustomerId.Parse(customerId), channel, SendId.Parse("send-0000000000000001")));

    /// <summary>GET /api/sends/{id}/report followed to the report's link: the CSV's lines (BOM removed).</summary>
    public async Task<string[]> ReportAsync(string sendId)
    {
        using var response = await Admin.GetAsync($"/api/sends/{sendId}/report");
        Assert.Equal(200, (int)response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        return text.TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
    }
}
