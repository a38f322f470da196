using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Stores;
using CouponFunctions.Handler.Tests.Infrastructure;
using CouponFunctions.Storage;
using CouponFunctions.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CouponFunctions.Handler.Tests.Sync;

/// <summary>The SyncStore function against the Shopee sandbox, invoked the way the Functions host invokes it.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class SyncStoreTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task SyncStore_NewStore_CreatesEveryCouponAcrossPagesAndStatuses()
    {
        await using var bed = await SyncTestBed.StartAsync(azurite);
        var store = await bed.AddShopeeStoreAsync(700_001);
        bed.SeedVouchers(700_001, 250);

        var (status, _) = await bed.SyncAsync(store);

        Assert.Equal(200, status);
        var run = await LatestRunAsync(bed, store);
        Assert.Equal("succeeded", run["status"]!.GetValue<string>());
        Assert.Equal(250, run["counts"]!["created"]!.GetValue<int>());
        Assert.Equal(250, await CountRowsAsync(bed, store, "c_"));
        var (_, list) = await bed.Admin.SendJsonAsync(HttpMethod.Get, $"/api/coupons?store={store}&include=archived&pageSize=500");
        Assert.Equal(250, list!["totalMatched"]!.GetValue<int>());
    }

    [Fact]
    public async Task SyncStore_PlatformChanged_WritesOnlyTheChangesAndRecordsHistory()
    {
        await using var bed = await SyncTestBed.StartAsync(azurite);
        var store = await bed.AddShopeeStoreAsync(700_002);
        var vouchers = bed.SeedVouchers(700_002, 30);
        await bed.SyncAsync(store);
        var changed = vouchers[1];
        var removed = vouchers[4];
        bed.Shopee.SetUsage(700_002, changed.VoucherId, 42);
        bed.Shopee.EditVoucher(700_002, vouchers[7].VoucherId, v => v with { Name = "Renamed in Seller Centre" });
        bed.Shopee.RemoveVoucher(700_002, removed.VoucherId);
        var added = bed.Shopee.AddVoucher(700_002, vouchers[0] with { VoucherId = 0, Code = "NEW01", Name = "Brand new" });

        await bed.SyncAsync(store);

        var counts = (await LatestRunAsync(bed, store))["counts"]!;
        Assert.Equal(30, counts["fetched"]!.GetValue<int>());
        Assert.Equal(1, counts["created"]!.GetValue<int>());
        Assert.Equal(2, counts["updated"]!.GetValue<int>());
        Assert.Equal(1, counts["removed"]!.GetValue<int>());
        Assert.Equal(27, counts["unchanged"]!.GetValue<int>());

        var (_, detail) = await bed.Admin.SendJsonAsync(HttpMethod.Get, $"/api/coupons/{store}/{changed.VoucherId}");
        var history = detail!["history"]!.AsArray();
        Assert.Equal(2, history.Count);
        var change = Assert.Single(history[0]!["changes"]!.AsArray(), c => c!["field"]!.GetValue<string>() == "usedCount");
        Assert.Equal("42", change!["to"]!.GetValue<string>());
        var (_, gone) = await bed.Admin.SendJsonAsync(HttpMethod.Get, $"/api/coupons/{store}/{removed.VoucherId}");
        Assert.NotNull(gone!["removedAt"]);
        Assert.Equal(200, (await bed.Admin.SendJsonAsync(HttpMethod.Get, $"/api/coupons/{store}/{added.VoucherId}")).Status);
        var (_, defaultList) = await bed.Admin.SendJsonAsync(HttpMethod.Get, $"/api/coupons?store={store}&include=archived&pageSize=500");
        Assert.DoesNotContain(defaultList!["items"]!.AsArray(), r => r!["platformCouponId"]!.GetValue<string>() == removed.VoucherId.ToString());
    }

    [Fact]
    public async Task SyncStore_ImmediateResyncWithoutChanges_WritesNoEntity()
    {
        await using var bed = await SyncTestBed.StartAsync(azurite);
        var store = await bed.AddShopeeStoreAsync(700_003);
        bed.SeedVouchers(700_003, 120);
        await bed.SyncAsync(store);
        var before = await RowTimestampsAsync(bed, store);

        await bed.SyncAsync(store);

        var counts = (await LatestRunAsync(bed, store))["counts"]!;
        Assert.Equal(120, counts["unchanged"]!.GetValue<int>());
        Assert.Equal(0, counts["created"]!.GetValue<int>() + counts["updated"]!.GetValue<int>() + counts["removed"]!.GetValue<int>());
        Assert.Equal(before, await RowTimestampsAsync(bed, store));
    }

    [Fact]
    public async Task SyncStore_FailsAfterSomePages_NextRunCompletesWithoutDuplicatesOrFalseRemovals()
    {
        var crash = new CrashAfterPages(pages: 2);
        await using var bed = await SyncTestBed.StartAsync(azurite, services: s => s.Decorate(crash));
        var store = await bed.AddShopeeStoreAsync(700_004);
        bed.SeedVouchers(700_004, 330);

        var (first, _) = await bed.SyncAsync(store);
        var afterCrash = await CountRowsAsync(bed, store, "c_");
        crash.Disarm();
        var (second, _) = await bed.SyncAsync(store);

        // Shopee lists upcoming, ongoing, then expired (110 each) in pages of 100: two pages are the 110 upcoming ones.
        Assert.Equal(500, first);
        Assert.Equal(110, afterCrash);
        Assert.Equal(200, second);
        Assert.Equal(330, await CountRowsAsync(bed, store, "c_"));
        Assert.Equal(330, await CountRowsAsync(bed, store, "h_"));
        var runs = (await bed.Admin.SendJsonAsync(HttpMethod.Get, $"/api/stores/{store}/sync-runs")).Body!["items"]!.AsArray();
        Assert.Equal(["succeeded", "failed"], runs.Select(r => r!["status"]!.GetValue<string>()));
        Assert.Equal(220, runs[0]!["counts"]!["created"]!.GetValue<int>());
        Assert.Equal(110, runs[0]!["counts"]!["unchanged"]!.GetValue<int>());
        Assert.Equal(0, runs[0]!["counts"]!["removed"]!.GetValue<int>());
    }

    [Fact]
    public async Task SyncStore_PreviousRunDiedHoldingTheLease_TakesOverWhenItExpiresAndMarksItAbandoned()
    {
        var crash = new CrashAfterPages(pages: 1, hang: true);
        await using var bed = await SyncTestBed.StartAsync(azurite, new Dictionary<string, string?> { ["Sync:LeaseDuration"] = "00:01:00" }, s => s.Decorate(crash));
        var store = await bed.AddShopeeStoreAsync(700_005);
        bed.SeedVouchers(700_005, 150);
        var dying = bed.SyncAsync(store);
        await crash.Reached.Task;

        var (whileHeld, _) = await bed.SyncAsync(store);
        Assert.Equal("skipped", (await LatestRunAsync(bed, store))["status"]!.GetValue<string>());
        bed.Clock.Advance(TimeSpan.FromMinutes(2));
        crash.Disarm();
        var (takeover, _) = await bed.SyncAsync(store);

        Assert.Equal(200, whileHeld);
        Assert.Equal(200, takeover);
        Assert.Equal(150, await CountRowsAsync(bed, store, "c_"));
        var runs = (await bed.Admin.SendJsonAsync(HttpMethod.Get, $"/api/stores/{store}/sync-runs")).Body!["items"]!.AsArray();
        Assert.Equal("succeeded", runs[0]!["status"]!.GetValue<string>());
        Assert.Contains(runs, r => r!["failure"]?["kind"]?.GetValue<string>() == "abandoned");
        crash.Release();
        await dying;
    }

    private static async Task<System.Text.Json.Nodes.JsonNode> LatestRunAsync(SyncTestBed bed, string store) =>
        (await bed.Admin.SendJsonAsync(HttpMethod.Get, $"/api/stores/{store}/sync-runs")).Body!["items"]![0]!;

    private static async Task<int> CountRowsAsync(SyncTestBed bed, string store, string prefix)
    {
        var table = bed.Tables.GetTableClient(TableNames.Coupons);
        var end = prefix[..^1] + (char)(prefix[^1] + 1);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {$"{bed.Tenant.Value}_{store}"} and RowKey ge {prefix} and RowKey lt {end}");
        var count = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(filter, select: ["RowKey"])) count++;
        return count;
    }

    private static async Task<List<string>> RowTimestampsAsync(SyncTestBed bed, string store)
    {
        var table = bed.Tables.GetTableClient(TableNames.Coupons);
        var rows = new List<string>();
        await foreach (var e in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {$"{bed.Tenant.Value}_{store}"}")))
            rows.Add($"{e.RowKey}:{e.ETag}");
        return rows;
    }
}

/// <summary>Wraps the real connectors: after N pages the listing throws (a crash) or hangs (a process that stopped).</summary>
internal sealed class CrashAfterPages(int pages, bool hang = false)
{
    private readonly int _pages = pages;
    private readonly bool _hang = hang;
    private volatile bool _armed = true;
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Disarm() => _armed = false;

    public void Release() => _release.TrySetResult();

    public IPlatformConnectors Wrap(IPlatformConnectors inner) => new Connectors(inner, this);

    private sealed class Connectors(IPlatformConnectors inner, CrashAfterPages crash) : IPlatformConnectors
    {
        public IPlatformConnector For(Platform platform) => new Connector(inner.For(platform), crash);
    }

    private sealed class Connector(IPlatformConnector inner, CrashAfterPages crash) : IPlatformConnector
    {
        public Platform Platform => inner.Platform;

        public async IAsyncEnumerable<IReadOnlyList<Coupon>> ListCouponsAsync(StoreConnection store, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            var armed = crash._armed;
            var count = 0;
            await foreach (var page in inner.ListCouponsAsync(store, cancellationToken))
            {
                if (armed && count == crash._pages)
                {
                    crash.Reached.TrySetResult();
                    if (crash._hang) await crash._release.Task;
                    throw new IOException("The process died in the middle of the sync (simulated).");
                }
                count++;
                yield return page;
            }
        }

        public Task<PlatformResult<Coupon>> GetCouponAsync(StoreConnection store, string id, CancellationToken ct = default) => inner.GetCouponAsync(store, id, ct);

        public Task<PlatformResult<Coupon>> CreateCouponAsync(StoreConnection store, CouponDraft draft, CancellationToken ct = default) => inner.CreateCouponAsync(store, draft, ct);

        public Task<PlatformResult<Coupon>> UpdateCouponAsync(StoreConnection store, string id, CouponChange change, CancellationToken ct = default) => inner.UpdateCouponAsync(store, id, change, ct);

        public Task<PlatformResult> EndCouponAsync(StoreConnection store, string id, CancellationToken ct = default) => inner.EndCouponAsync(store, id, ct);

        public Task<PlatformResult> DeleteCouponAsync(StoreConnection store, string id, CancellationToken ct = default) => inner.DeleteCouponAsync(store, id, ct);

        public Uri BuildAuthorizationUrl(AuthorizationRequest request) => inner.BuildAuthorizationUrl(request);

        public Task<PlatformResult<TokenGrant>> ExchangeCodeAsync(AuthorizationCallback callback, CancellationToken ct = default) => inner.ExchangeCodeAsync(callback, ct);

        public Task<PlatformResult<TokenGrant>> RefreshTokenAsync(StoreConnection store, CancellationToken ct = default) => inner.RefreshTokenAsync(store, ct);
    }
}

internal static class CrashDecoration
{
    public static void Decorate(this IServiceCollection services, CrashAfterPages crash) => services.DecorateConnectors(crash.Wrap);

    /// <summary>Replaces the registered connector lookup with <paramref name="wrap"/> around it.</summary>
    public static void DecorateConnectors(this IServiceCollection services, Func<IPlatformConnectors, IPlatformConnectors> wrap)
    {
        var original = services.Last(d => d.ServiceType == typeof(IPlatformConnectors));
        services.Remove(original);
        services.AddSingleton(sp => wrap((IPlatformConnectors)(original.ImplementationFactory?.Invoke(sp)
            ?? original.ImplementationInstance ?? ActivatorUtilities.CreateInstance(sp, original.ImplementationType!))));
    }
}
