using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CouponFunctions.App.Tests.Infrastructure;
using CouponFunctions.Sandbox.Shopee;
using CouponFunctions.Storage.Queues;

namespace CouponFunctions.App.Tests.Inspections;

/// <summary>
/// Issue 11 D10: the first start sent three digests within a second (one per zone's slot instant, then the demo's own
/// inspection with all of them again). One digest per tenant and slot: the planner sends one message for everything due,
/// and a store's slot is reported by the first digest that claims it.
/// </summary>
[Collection(TimersCollection.Name)]
public sealed class DigestPerSlotTests(TimersFixture app)
{
    [Fact]
    public async Task FirstStart_StoresInTwoZonesDueAtOnceAndTheDemoInspection_SendOneDigest()
    {
        var bed = await app.NewWorkspaceAsync();
        var now = bed.Shopee.Clock.GetUtcNow();
        var (middle, east, slot) = ZonesPastTheirSlot(now);
        // Until the slot changes nothing is due today: 23:59 has not come in either zone.
        await bed.Admin.SendJsonAsync(HttpMethod.Put, "/api/settings/alerts", new { recipients = new[] { "ops@example.com" }, slots = new[] { "23:59" } });
        bed.Shopee.AddShop(742_001, "TH", AppFixture.PartnerId);
        bed.Shopee.AddShop(742_002, "PH", AppFixture.PartnerId);
        bed.Shopee.AddVoucher(742_001, SoldOut("OUTA", now));
        bed.Shopee.AddVoucher(742_002, SoldOut("OUTB", now));
        var first = await bed.AddShopeeStoreAsync(742_001, "TH", shopExists: true, timeZone: middle);
        var second = await bed.AddShopeeStoreAsync(742_002, "PH", shopExists: true, timeZone: east);
        await bed.WaitForSyncsAsync(first, second);

        // As at a first start: both zones' slots are due at once (at different instants), and the demo's own inspection
        // of every store arrives beside the planner's.
        await bed.Admin.SendJsonAsync(HttpMethod.Put, "/api/settings/alerts", new { slots = new[] { slot } });
        var queue = app.Queues.GetQueueClient(QueueNames.InspectTenant);
        await queue.SendMessageAsync(JsonSerializer.Serialize(new { tenantId = bed.Tenant.Value, dueAt = bed.Shopee.Clock.GetUtcNow(), storeIds = new[] { first, second } }));

        Assert.True(await Eventually.TrueAsync(async () =>
        {
            var (_, findings) = await bed.Admin.SendJsonAsync(HttpMethod.Get, "/api/findings");
            return findings!["stores"]!.AsArray().Count(s => s!["slot"]?.GetValue<string>().EndsWith($"T{slot}", StringComparison.Ordinal) == true) == 2;
        }, seconds: 90), $"The stores were not inspected. Host output:\n{Workspace.Tail(app.Host.Output)}");
        Assert.True(await Eventually.TrueAsync(async () => (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0));
        Assert.True(await Eventually.TrueAsync(async () => (await bed.OutboxAsync("inspection.digest")).Count > 0));

        var digest = Assert.Single(await bed.OutboxAsync("inspection.digest"));
        var text = (await bed.Admin.SendJsonAsync(HttpMethod.Get, $"/api/outbox/{digest!["id"]!.GetValue<string>()}")).Body!["text"]!.GetValue<string>();
        Assert.Contains("742001", text, StringComparison.Ordinal);
        Assert.Contains("742002", text, StringComparison.Ordinal);
    }

    /// <summary>Two fixed-offset zones an hour apart where a slot passed 30 and 90 minutes ago, on one local date.</summary>
    private static (string Middle, string East, string Slot) ZonesPastTheirSlot(DateTimeOffset now)
    {
        var offset = 8 - now.Hour;
        if (offset < -12) offset += 24;
        static string Zone(int hours) => hours == 0 ? "Etc/GMT" : hours > 0 ? $"Etc/GMT-{hours}" : $"Etc/GMT+{-hours}";
        var local = now.ToOffset(TimeSpan.FromHours(offset));
        var slot = new TimeOnly(local.Hour, local.Minute).AddMinutes(30);
        return (Zone(offset + 1), Zone(offset + 2), slot.ToString("HH:mm", CultureInfo.InvariantCulture));
    }

    private static ShopeeSandboxVoucher SoldOut(string code, DateTimeOffset now) => new()
    {
        Code = code, Name = $"Sold out {code}", UsageQuantity = 30, CurrentUsage = 30, DiscountAmount = 5, MinBasketPrice = 80,
        Start = now.AddDays(-1), End = now.AddDays(10),
    };
}
