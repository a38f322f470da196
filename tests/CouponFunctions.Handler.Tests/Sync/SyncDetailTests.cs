using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Stores;
using CouponFunctions.Handler.Tests.Infrastructure;
using CouponFunctions.Sandbox.Shopee;
using CouponFunctions.Storage.Queues;
using CouponFunctions.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CouponFunctions.Handler.Tests.Sync;

/// <summary>Sync against the Shopee sandbox in the official shape: get_voucher_list has no minimum spend, cap or items, so
/// sync reads get_voucher for what it does not know, and shows what it could not read as unknown (never zero).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SyncDetailTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task SyncStore_ListWithoutDetail_ReadsMinSpendCapAndItemsFromGetVoucher()
    {
        await using var bed = await SyncTestBed.StartAsync(azurite);
        var store = await bed.AddShopeeStoreAsync(780_001, "SG");
        var now = bed.Clock.GetUtcNow();
        var capped = bed.Shopee.AddVoucher(780_001, Voucher("PCT", now.AddDays(-1), now.AddDays(5)) with { RewardType = 2, Percentage = 10, DiscountAmount = 0, MaxPrice = 12, MinBasketPrice = 80 });
        var product = bed.Shopee.AddVoucher(780_001, Voucher("PRD", now.AddDays(2), now.AddDays(9)) with { VoucherType = 2, ItemIds = [11, 22] });

        await bed.SyncAsync(store);

        var run = await LatestRunAsync(bed, store);
        Assert.Equal((2, 2), (run["counts"]!["created"]!.GetValue<int>(), run["counts"]!["detailReads"]!.GetValue<int>()));
        var rows = await ListAsync(bed, store);
        Assert.Equal((80m, 12m), (rows["PCT"]["minSpend"]!.GetValue<decimal>(), rows["PCT"]["maxDiscount"]!.GetValue<decimal>()));
        Assert.Null(rows["PCT"]["unknown"]);
        var (_, detail) = await bed.Admin.SendJsonAsync(HttpMethod.Get, $"/api/coupons/{store}/{product.VoucherId}");
        Assert.Equal(["11", "22"], detail!["coupon"]!["productIds"]!.AsArray().Select(p => p!.GetValue<string>()));
        Assert.Equal(50m, detail["coupon"]!["minSpend"]!.GetValue<decimal>());
        Assert.NotNull(capped);
    }

    [Fact]
    public async Task SyncStore_ResyncWithoutChanges_ReadsOnlyUpcomingDetailsAndWritesNothing()
    {
        // The slow refresh re-reads each other voucher in one slot of its interval; at ten years a slot is practically never
        // now (20 vouchers in 350,400 slots), so the re-sync reads exactly the upcoming ones.
        await using var bed = await SyncTestBed.StartAsync(azurite, new Dictionary<string, string?> { ["Sync:DetailRefreshInterval"] = "3650.00:00:00" });
        var store = await bed.AddShopeeStoreAsync(780_002);
        bed.SeedVouchers(780_002, 30);
        await bed.SyncAsync(store);
        var first = (await LatestRunAsync(bed, store))["counts"]!;
        bed.Shopee.Stats.Reset();

        await bed.SyncAsync(store);

        var again = (await LatestRunAsync(bed, store))["counts"]!;
        Assert.Equal(30, first["detailReads"]!.GetValue<int>());
        // SeedVouchers makes every third voucher upcoming: those can still be edited, so each sync reads them.
        Assert.Equal(10, again["detailReads"]!.GetValue<int>());
        Assert.Equal(0, again["created"]!.GetValue<int>() + again["updated"]!.GetValue<int>() + again["removed"]!.GetValue<int>());
        Assert.Equal(3 + 10, bed.Shopee.Stats.Calls);
    }

    [Fact]
    public async Task SyncStore_UpcomingVoucherMinSpendEditedInSellerCentre_NextSyncPicksItUp()
    {
        await using var bed = await SyncTestBed.StartAsync(azurite);
        var store = await bed.AddShopeeStoreAsync(780_003);
        var now = bed.Clock.GetUtcNow();
        var upcoming = bed.Shopee.AddVoucher(780_003, Voucher("UP", now.AddDays(2), now.AddDays(9)));
        await bed.SyncAsync(store);
        bed.Shopee.EditVoucher(780_003, upcoming.VoucherId, v => v with { MinBasketPrice = 120 });

        await bed.SyncAsync(store);

        Assert.Equal(1, (await LatestRunAsync(bed, store))["counts"]!["updated"]!.GetValue<int>());
        Assert.Equal(120m, (await ListAsync(bed, store))["UP"]["minSpend"]!.GetValue<decimal>());
    }

    [Fact]
    public async Task SyncStore_DetailCannotBeRead_ShowsUnknownEverywhereAndRulesDoNotFire()
    {
        var failing = new FailingDetails();
        await using var bed = await SyncTestBed.StartAsync(azurite, services: s => s.DecorateConnectors(failing.Wrap));
        var store = await bed.AddShopeeStoreAsync(780_004, "SG");
        var now = bed.Clock.GetUtcNow();
        // Known, $20 off with no minimum spend would be a loss risk ("comes out free"); unknown, it must not be judged.
        bed.Shopee.AddVoucher(780_004, Voucher("FREE", now.AddDays(-1), now.AddDays(5)) with { DiscountAmount = 20, MinBasketPrice = 0 });

        await bed.SyncAsync(store);

        var run = await LatestRunAsync(bed, store);
        Assert.Equal("succeeded", run["status"]!.GetValue<string>());
        Assert.Contains("could not be read", run["note"]!.GetValue<string>(), StringComparison.Ordinal);
        var row = (await ListAsync(bed, store))["FREE"];
        Assert.Null(row["minSpend"]);
        Assert.Contains("minSpend", row["unknown"]!.GetValue<string>(), StringComparison.Ordinal);
        var csv = await bed.Admin.GetStringAsync($"/api/coupons/export?store={store}");
        Assert.Contains(",unknown,", csv, StringComparison.Ordinal);

        await bed.Admin.SendJsonAsync(HttpMethod.Put, "/api/settings/alerts", new { recipients = new[] { "ops@example.com" }, slots = new[] { "09:00", "15:00" } });
        bed.AdvanceToLocal("Asia/Singapore", new TimeOnly(9, 5));
        await bed.FireTimerAsync("InspectCoupons");
        await bed.DrainAsync(QueueNames.InspectTenant, "InspectTenant");
        var (_, findings) = await bed.Admin.SendJsonAsync(HttpMethod.Get, "/api/findings");
        var inspected = findings!["stores"]!.AsArray().Single(s => s!["store"]!["id"]!.GetValue<string>() == store)!;
        Assert.DoesNotContain(inspected["findings"]!.AsArray(), f => f!["code"]!.GetValue<string>().StartsWith("threshold.", StringComparison.Ordinal));
        Assert.Contains(inspected["notes"]!.AsArray(), n => n!.GetValue<string>().StartsWith("threshold: 1 coupon not judged: the minimum spend is not known yet", StringComparison.Ordinal));

        failing.Heal();
        await bed.SyncAsync(store);
        Assert.Equal(0m, (await ListAsync(bed, store))["FREE"]["minSpend"]!.GetValue<decimal>());
    }

    private static ShopeeSandboxVoucher Voucher(string code, DateTimeOffset start, DateTimeOffset end) => new()
    {
        Code = code, Name = $"Voucher {code}", UsageQuantity = 100, DiscountAmount = 5, MinBasketPrice = 50, Start = start, End = end,
    };

    private static async Task<JsonNode> LatestRunAsync(SyncTestBed bed, string store) =>
        (await bed.Admin.SendJsonAsync(HttpMethod.Get, $"/api/stores/{store}/sync-runs")).Body!["items"]![0]!;

    private static async Task<Dictionary<string, JsonNode>> ListAsync(SyncTestBed bed, string store)
    {
        var (_, list) = await bed.Admin.SendJsonAsync(HttpMethod.Get, $"/api/coupons?store={store}&include=archived&pageSize=500");
        return list!["items"]!.AsArray().ToDictionary(r => r!["code"]!.GetValue<string>(), r => r!);
    }
}

/// <summary>Wraps the real connectors so that every detail read fails as a transient platform fault, until healed.</summary>
internal sealed class FailingDetails
{
    private volatile bool _failing = true;

    public void Heal() => _failing = false;

    public IPlatformConnectors Wrap(IPlatformConnectors inner) => new Connectors(inner, this);

    private sealed class Connectors(IPlatformConnectors inner, FailingDetails owner) : IPlatformConnectors
    {
        public IPlatformConnector For(Platform platform) => new Connector(inner.For(platform), owner);
    }

    private sealed class Connector(IPlatformConnector inner, FailingDetails owner) : IPlatformConnector
    {
        public Platform Platform => inner.Platform;

        public async IAsyncEnumerable<IReadOnlyList<Coupon>> ListCouponsAsync(StoreConnection store, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await foreach (var page in inner.ListCouponsAsync(store, cancellationToken)) yield return page;
        }

        public Task<PlatformResult<Coupon>> GetCouponAsync(StoreConnection store, string id, CancellationToken ct = default) => owner._failing
            ? Task.FromResult(PlatformResult<Coupon>.Fail(new PlatformError(Platform.Shopee, PlatformErrorKind.Transient, "http_503", "HTTP 503 from the platform (simulated).", HttpStatus: 503)))
            : inner.GetCouponAsync(store, id, ct);

        public Task<PlatformResult<Coupon>> CreateCouponAsync(StoreConnection store, CouponDraft draft, CancellationToken ct = default) => inner.CreateCouponAsync(store, draft, ct);

        public Task<PlatformResult<Coupon>> UpdateCouponAsync(StoreConnection store, string id, CouponChange change, CancellationToken ct = default) => inner.UpdateCouponAsync(store, id, change, ct);

        public Task<PlatformResult> EndCouponAsync(StoreConnection store, string id, CancellationToken ct = default) => inner.EndCouponAsync(store, id, ct);

        public Task<PlatformResult> DeleteCouponAsync(StoreConnection store, string id, CancellationToken ct = default) => inner.DeleteCouponAsync(store, id, ct);

        public Uri BuildAuthorizationUrl(AuthorizationRequest request) => inner.BuildAuthorizationUrl(request);

        public Task<PlatformResult<TokenGrant>> ExchangeCodeAsync(AuthorizationCallback callback, CancellationToken ct = default) => inner.ExchangeCodeAsync(callback, ct);

        public Task<PlatformResult<TokenGrant>> RefreshTokenAsync(StoreConnection store, CancellationToken ct = default) => inner.RefreshTokenAsync(store, ct);
    }
}
