using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CouponFunctions.App.Tests.Infrastructure;
using CouponFunctions.Sandbox.Shopee;
using CouponFunctions.Storage.Queues;

namespace CouponFunctions.App.Tests.Inspections;

/// <summary>
/// The InspectCoupons timer (every two seconds here) and the InspectTenant messages it plans, over synced stores in
/// time zones an hour apart. The worker keeps real time, so the test picks zones and slots around "now": a store is
/// moved to the zone where its slot has passed, as the clock would move it there, and a last slot is the coming minute.
/// </summary>
[Collection(TimersCollection.Name)]
public sealed class InspectionFlowTests(TimersFixture app)
{
    [Fact]
    public async Task Inspections_StoresInTwoZones_EachRunsAtItsOwnSlotAndFindingsTrackAcrossRuns()
    {
        var zones = ZonesAroundNow();
        var bed = await app.NewWorkspaceAsync();
        var slot1 = zones.Slot.ToString("HH:mm", CultureInfo.InvariantCulture);
        await bed.Admin.SendJsonAsync(HttpMethod.Put, "/api/settings/alerts", new { recipients = new[] { "ops@example.com" }, slots = new[] { slot1 } });
        var now = bed.Shopee.Clock.GetUtcNow();
        bed.Shopee.AddShop(740_001, "TH", AppFixture.PartnerId);
        bed.Shopee.AddShop(740_002, "PH", AppFixture.PartnerId);
        var soldOut = bed.Shopee.AddVoucher(740_001, Voucher("OUT", "Sold out deal", now, quantity: 30, used: 30));
        bed.Shopee.AddVoucher(740_001, Voucher("OK", "Healthy deal", now, quantity: 300, used: 10));
        bed.Shopee.AddVoucher(740_002, Voucher("PHOK", "Manila deal", now, quantity: 300, used: 10));
        // Both start half an hour before the first slot: nothing is due until a store moves east.
        var west = await bed.AddShopeeStoreAsync(740_001, "TH", shopExists: true, timeZone: zones.West);
        var east = await bed.AddShopeeStoreAsync(740_002, "PH", shopExists: true, timeZone: zones.West);
        await bed.WaitForSyncsAsync(west, east);

        await MoveAsync(bed, east, zones.Middle);
        var early = await FindingsWhenAsync(bed, f => f.ContainsKey(east));
        Assert.DoesNotContain(west, early.Keys);
        Assert.EndsWith($"T{slot1}", early[east]["slot"]!.GetValue<string>(), StringComparison.Ordinal);

        // Further east its first slot passed an hour earlier: a slot instant of its own (digests are one per tenant and instant).
        await MoveAsync(bed, west, zones.East);
        var morning = await FindingsWhenAsync(bed, f => f.ContainsKey(west));
        var stockOut = Finding(morning[west], "stock.out");
        Assert.EndsWith($"T{slot1}", morning[west]["slot"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("new", stockOut["state"]!.GetValue<string>());
        Assert.Equal("critical", stockOut["severity"]!.GetValue<string>());
        Assert.Equal(soldOut.VoucherId.ToString(CultureInfo.InvariantCulture), stockOut["couponId"]!.GetValue<string>());
        // Fix from the finding: the action preview's request, filled in, and the preview answers it.
        var fix = stockOut["remedy"]!["preview"]!;
        Assert.Equal("replenish", fix["body"]!["action"]!["kind"]!.GetValue<string>());
        var (_, fixPreview) = await bed.Admin.SendJsonAsync(HttpMethod.Post, fix["url"]!.GetValue<string>(), fix["body"]);
        Assert.Equal(1, fixPreview!["summary"]!["willChange"]!.GetValue<int>());
        var (_, flagged) = await bed.Admin.SendJsonAsync(HttpMethod.Get, "/api/coupons?hasFindings=true");
        Assert.Contains(flagged!["items"]!.AsArray(), i => i!["code"]!.GetValue<string>() == "OUT");

        // The seller replenishes; by the next slot the stock-out is resolved. Slots are whole minutes of real time and a
        // slot counts only after the last inspection, so the next slot is the coming minute in the store's zone.
        bed.Shopee.EditVoucher(740_001, soldOut.VoucherId, v => v with { UsageQuantity = 60 });
        await bed.SyncAsync(west);
        var next = TimeZoneInfo.ConvertTime(bed.Shopee.Clock.GetUtcNow().AddMinutes(1), TimeZoneInfo.FindSystemTimeZoneById(zones.East));
        var slot2 = new TimeOnly(next.Hour, next.Minute).ToString("HH:mm", CultureInfo.InvariantCulture);
        await bed.Admin.SendJsonAsync(HttpMethod.Put, "/api/settings/alerts", new { slots = new[] { slot1, slot2 } });
        var afternoon = await FindingsWhenAsync(bed, f => f[west]["slot"]!.GetValue<string>().EndsWith($"T{slot2}", StringComparison.Ordinal), seconds: 150);
        Assert.Equal("resolved", Finding(afternoon[west], "stock.out")["state"]!.GetValue<string>());
        Assert.EndsWith($"T{slot1}", afternoon[east]["slot"]!.GetValue<string>(), StringComparison.Ordinal);

        List<JsonNode?> digests = [];
        Assert.True(await Eventually.TrueAsync(async () => (digests = await bed.OutboxAsync("inspection.digest")).Count >= 3));
        Assert.Equal(3, digests.Count);
        Assert.All(digests, d => Assert.Equal(["ops@example.com"], d!["to"]!.AsArray().Select(t => t!.GetValue<string>())));
    }

    [Fact]
    public async Task InspectTenant_SameMessageDeliveredTwice_SendsOneDigest()
    {
        var zones = ZonesAroundNow();
        var bed = await app.NewWorkspaceAsync();
        // No slot of this tenant comes due during the test: only the messages sent here inspect it.
        await bed.Admin.SendJsonAsync(HttpMethod.Put, "/api/settings/alerts", new { slots = new[] { zones.Slot.ToString("HH:mm", CultureInfo.InvariantCulture) } });
        var now = bed.Shopee.Clock.GetUtcNow();
        bed.Shopee.AddShop(741_001, "TH", AppFixture.PartnerId);
        bed.Shopee.AddVoucher(741_001, Voucher("WKND", "Weekend Mega Deal", now, quantity: 10, used: 10));
        var store = await bed.AddShopeeStoreAsync(741_001, "TH", shopExists: true, timeZone: zones.West);
        await bed.WaitForSyncsAsync(store);
        var message = JsonSerializer.Serialize(new { tenantId = bed.Tenant.Value, dueAt = now.AddMinutes(-10), storeIds = new[] { store } });
        var queue = app.Queues.GetQueueClient(QueueNames.InspectTenant);

        await queue.SendMessageAsync(message);
        await queue.SendMessageAsync(message);

        Assert.True(await Eventually.TrueAsync(async () => (await bed.OutboxAsync("inspection.digest")).Count > 0));
        Assert.True(await Eventually.TrueAsync(async () => (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0));
        var digest = Assert.Single(await bed.OutboxAsync("inspection.digest"));
        var (_, detail) = await bed.Admin.SendJsonAsync(HttpMethod.Get, $"/api/outbox/{digest!["id"]!.GetValue<string>()}");
        var text = detail!["text"]!.GetValue<string>();
        Assert.Contains("Weekend Mega Deal", text, StringComparison.Ordinal);
        Assert.Contains("stock", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(AppFixture.AdminPublicUrl, text, StringComparison.Ordinal);
    }

    /// <summary>
    /// Three fixed-offset zones an hour apart and a slot: in "West" it is 30 minutes before the slot (local time about
    /// 08:45), in "Middle" 30 minutes after it, in "East" 90 minutes after it; all on one local date whenever the test runs.
    /// </summary>
    private static (string West, string Middle, string East, TimeOnly Slot) ZonesAroundNow()
    {
        var now = TimeProvider.System.GetUtcNow();
        var offset = 8 - now.Hour;
        if (offset < -12) offset += 24;
        static string Zone(int hours) => hours == 0 ? "Etc/GMT" : hours > 0 ? $"Etc/GMT-{hours}" : $"Etc/GMT+{-hours}";
        var local = now.ToOffset(TimeSpan.FromHours(offset));
        var slot = new TimeOnly(local.Hour, local.Minute).AddMinutes(30);
        return (Zone(offset), Zone(offset + 1), Zone(offset + 2), slot);
    }

    private static async Task MoveAsync(Workspace bed, string store, string zone) =>
        Assert.Equal(200, (await bed.Admin.SendJsonAsync(HttpMethod.Patch, $"/api/stores/{store}", new { timeZone = zone })).Status);

    private static ShopeeSandboxVoucher Voucher(string code, string name, DateTimeOffset now, int quantity, int used) => new()
    {
        Code = code, Name = name, UsageQuantity = quantity, CurrentUsage = used, DiscountAmount = 5, MinBasketPrice = 80,
        Start = now.AddDays(-1), End = now.AddDays(10),
    };

    private static async Task<Dictionary<string, JsonNode>> FindingsWhenAsync(Workspace bed, Func<Dictionary<string, JsonNode>, bool> condition, int seconds = 60)
    {
        var findings = new Dictionary<string, JsonNode>();
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            var (_, body) = await bed.Admin.SendJsonAsync(HttpMethod.Get, "/api/findings");
            findings = body!["stores"]!.AsArray().ToDictionary(s => s!["store"]!["id"]!.GetValue<string>(), s => s!);
            return condition(findings);
        }, seconds), $"The inspection did not come. Host output:\n{Workspace.Tail(bed.App.Host.Output)}");
        return findings;
    }

    private static JsonNode Finding(JsonNode store, string code) =>
        store["findings"]!.AsArray().Single(f => f!["code"]!.GetValue<string>() == code)!;
}
