using System.Text.Json;
using System.Text.Json.Nodes;
using CouponFunctions.Handler.Tests.Infrastructure;
using CouponFunctions.Sandbox.Shopee;
using CouponFunctions.Storage.Queues;
using CouponFunctions.Testing;

namespace CouponFunctions.Handler.Tests.Inspections;

/// <summary>The InspectCoupons timer and InspectTenant queue function over synced stores in two time zones.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class InspectionFlowTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Inspections_StoresInTwoZones_EachRunsAtItsOwnSlotAndFindingsTrackAcrossRuns()
    {
        await using var bed = await SyncTestBed.StartAsync(azurite);
        await bed.Admin.SendJsonAsync(HttpMethod.Put, "/api/settings/alerts", new { recipients = new[] { "ops@example.com" }, slots = new[] { "09:00", "15:00" } });
        // 08:30 in Bangkok is 09:30 in Manila: Manila's 09:00 slot is due, Bangkok's is not yet.
        var start = bed.AdvanceToLocal("Asia/Bangkok", new TimeOnly(8, 30));
        var bangkok = await bed.AddShopeeStoreAsync(740_001, "TH");
        var manila = await bed.AddShopeeStoreAsync(740_002, "PH");
        var soldOut = bed.Shopee.AddVoucher(740_001, Voucher("OUT", "Sold out deal", start, quantity: 30, used: 30));
        bed.Shopee.AddVoucher(740_001, Voucher("OK", "Healthy deal", start, quantity: 300, used: 10));
        bed.Shopee.AddVoucher(740_002, Voucher("PHOK", "Manila deal", start, quantity: 300, used: 10));
        await bed.SyncAsync(bangkok);
        await bed.SyncAsync(manila);

        await bed.FireTimerAsync("InspectCoupons");
        Assert.Equal(1, await bed.DrainAsync(QueueNames.InspectTenant, "InspectTenant"));
        var early = await FindingsAsync(bed);
        Assert.Contains(manila, early.Keys);
        Assert.DoesNotContain(bangkok, early.Keys);
        Assert.EndsWith("T09:00", early[manila]["slot"]!.GetValue<string>(), StringComparison.Ordinal);

        bed.Clock.Advance(TimeSpan.FromMinutes(35));
        await bed.FireTimerAsync("InspectCoupons");
        Assert.Equal(1, await bed.DrainAsync(QueueNames.InspectTenant, "InspectTenant"));
        await bed.FireTimerAsync("InspectCoupons");
        Assert.Equal(0, await bed.DrainAsync(QueueNames.InspectTenant, "InspectTenant"));

        var morning = await FindingsAsync(bed);
        var stockOut = Finding(morning[bangkok], "stock.out");
        Assert.Equal("new", stockOut["state"]!.GetValue<string>());
        Assert.Equal("critical", stockOut["severity"]!.GetValue<string>());
        Assert.Equal(soldOut.VoucherId.ToString(), stockOut["couponId"]!.GetValue<string>());
        var (_, flagged) = await bed.Admin.SendJsonAsync(HttpMethod.Get, "/api/coupons?hasFindings=true");
        Assert.Contains(flagged!["items"]!.AsArray(), i => i!["code"]!.GetValue<string>() == "OUT");

        // The seller replenishes; by the 15:00 slot the stock-out is resolved.
        bed.Shopee.EditVoucher(740_001, soldOut.VoucherId, v => v with { UsageQuantity = 60 });
        await bed.SyncAsync(bangkok);
        bed.AdvanceToLocal("Asia/Bangkok", new TimeOnly(15, 5));
        await bed.FireTimerAsync("InspectCoupons");
        await bed.DrainAsync(QueueNames.InspectTenant, "InspectTenant");

        var afternoon = await FindingsAsync(bed);
        Assert.EndsWith("T15:00", afternoon[bangkok]["slot"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal("resolved", Finding(afternoon[bangkok], "stock.out")["state"]!.GetValue<string>());

        var digests = await DigestsAsync(bed);
        Assert.Equal(4, digests.Count);
        Assert.All(digests, d => Assert.Equal(["ops@example.com"], d!["to"]!.AsArray().Select(t => t!.GetValue<string>())));
    }

    [Fact]
    public async Task InspectTenant_SameMessageDeliveredTwice_SendsOneDigest()
    {
        await using var bed = await SyncTestBed.StartAsync(azurite);
        var now = bed.AdvanceToLocal("Asia/Bangkok", new TimeOnly(9, 10));
        var store = await bed.AddShopeeStoreAsync(741_001, "TH");
        bed.Shopee.AddVoucher(741_001, Voucher("WKND", "Weekend Mega Deal", now, quantity: 10, used: 10));
        await bed.SyncAsync(store);
        var dueAt = now.AddMinutes(-10);
        var message = JsonSerializer.Serialize(new { tenantId = bed.Tenant.Value, dueAt, storeIds = new[] { store } });

        for (var i = 0; i < 2; i++)
        {
            var (status, _) = await Payloads.InvokeAsync(bed.Raw, "InspectTenant", new
            {
                Data = new { message = Payloads.DoubleEncoded(message) },
                Metadata = new { DequeueCount = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) },
            });
            Assert.Equal(200, status);
        }

        Assert.Single(await DigestsAsync(bed));
        var (_, outbox) = await bed.Admin.SendJsonAsync(HttpMethod.Get, "/api/outbox");
        var id = outbox!["items"]!.AsArray().First(n => n!["kind"]!.GetValue<string>() == "inspection.digest")!["id"]!.GetValue<string>();
        var (_, digest) = await bed.Admin.SendJsonAsync(HttpMethod.Get, $"/api/outbox/{id}");
        Assert.Contains("Weekend Mega Deal", digest!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("stock", digest["text"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("https://coupons.example.net/admin/", digest["text"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    private static ShopeeSandboxVoucher Voucher(string code, string name, DateTimeOffset now, int quantity, int used) => new()
    {
        Code = code, Name = name, UsageQuantity = quantity, CurrentUsage = used, DiscountAmount = 5, MinBasketPrice = 80,
        Start = now.AddDays(-1), End = now.AddDays(10),
    };

    private static async Task<Dictionary<string, JsonNode>> FindingsAsync(SyncTestBed bed)
    {
        var (_, body) = await bed.Admin.SendJsonAsync(HttpMethod.Get, "/api/findings");
        return body!["stores"]!.AsArray().ToDictionary(s => s!["store"]!["id"]!.GetValue<string>(), s => s!);
    }

    private static JsonNode Finding(JsonNode store, string code) =>
        store["findings"]!.AsArray().Single(f => f!["code"]!.GetValue<string>() == code)!;

    private static async Task<List<JsonNode?>> DigestsAsync(SyncTestBed bed)
    {
        var (_, outbox) = await bed.Admin.SendJsonAsync(HttpMethod.Get, "/api/outbox");
        return outbox!["items"]!.AsArray().Where(n => n!["kind"]!.GetValue<string>() == "inspection.digest").ToList();
    }
}
