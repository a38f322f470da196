using CouponFunctions.App.Tests.Infrastructure;
using CouponFunctions.Sandbox.Common;

namespace CouponFunctions.App.Tests.Sync;

/// <summary>
/// A sync interrupted part-way (the platform starts failing, or the worker process dies holding the store's lease):
/// the next run completes the store without duplicates or false removals. The slow platform is the sandbox's latency on
/// the listing (detail reads stay quick, so each page's rows are written soon after it is listed).
/// </summary>
[Collection(CrashCollection.Name)]
public sealed class SyncInterruptionTests(CrashFixture app)
{
    private static readonly HashSet<string> Listing = ["/api/v2/voucher/get_voucher_list"];

    [Fact]
    public async Task SyncStore_PlatformFailsAfterSomePages_RecordsTheFailureAndTheNextRunCompletesWithoutDuplicates()
    {
        var bed = await app.NewWorkspaceAsync();
        var store = await bed.AddShopeeStoreAsync(701_001);
        bed.SeedVouchers(701_001, 330);
        bed.Shopee.Faults.Set(new FaultPlan { Latency = TimeSpan.FromMilliseconds(700), OnlyPaths = Listing }, "701001");

        var (status, _) = await bed.Admin.SendJsonAsync(HttpMethod.Post, $"/api/stores/{store}/sync");
        Assert.Equal(202, status);
        Assert.True(await Eventually.TrueAsync(async () => await bed.CountRowsAsync(store, "c_") > 0));
        bed.Shopee.Faults.Set(new FaultPlan { ErrorRate = 1, OnlyPaths = Listing }, "701001");
        var failed = await bed.NextRunAsync(store, before: 0);
        var afterFailure = await bed.CountRowsAsync(store, "c_");
        bed.Shopee.Faults.Clear("701001");
        var completed = await bed.SyncAsync(store);

        Assert.Equal("failed", failed["status"]!.GetValue<string>());
        Assert.InRange(afterFailure, 1, 329);
        Assert.Equal("succeeded", completed["status"]!.GetValue<string>());
        Assert.Equal(330, completed["counts"]!["created"]!.GetValue<int>() + completed["counts"]!["unchanged"]!.GetValue<int>());
        Assert.Equal(0, completed["counts"]!["removed"]!.GetValue<int>());
        Assert.Equal(330, await bed.CountRowsAsync(store, "c_"));
        // Each coupon's first sighting is kept on its row, once: no history row, and none twice.
        Assert.Equal(0, await bed.CountRowsAsync(store, "h_"));
    }

    [Fact]
    public async Task SyncStore_WorkerKilledHoldingTheLease_SyncNowAnswersTheHeldRunThenANewRunTakesOverAndMarksItAbandoned()
    {
        var bed = await app.NewWorkspaceAsync();
        var store = await bed.AddShopeeStoreAsync(701_002);
        bed.SeedVouchers(701_002, 330);
        bed.Shopee.Faults.Set(new FaultPlan { Latency = TimeSpan.FromMilliseconds(1500), OnlyPaths = Listing }, "701002");
        var (_, first) = await bed.Admin.SendJsonAsync(HttpMethod.Post, $"/api/stores/{store}/sync");
        var held = first!["runId"]!.GetValue<string>();
        Assert.True(await Eventually.TrueAsync(async () => await bed.CountRowsAsync(store, "c_") > 0));

        // "Sync now" while it runs is that run: nothing queued, nothing skipped.
        var (status, whileHeld) = await bed.Admin.SendJsonAsync(HttpMethod.Post, $"/api/stores/{store}/sync");
        Assert.Equal(202, status);
        Assert.Equal(held, whileHeld!["runId"]!.GetValue<string>());
        await app.CrashAndRestartAsync();
        bed.Shopee.Faults.Clear("701002");

        // Until the dead run's lease expires "Sync now" answers the held run; then a new run is queued, takes the store
        // over and completes it.
        var next = held;
        Assert.True(await Eventually.TrueAsync(async () =>
            (next = (await bed.Admin.SendJsonAsync(HttpMethod.Post, $"/api/stores/{store}/sync")).Body!["runId"]!.GetValue<string>()) != held, seconds: 60));
        var latest = await StoreSyncs.RunAsync(bed.Admin, store, next, () => app.Host.Output, seconds: 90);
        Assert.Equal("succeeded", latest["status"]!.GetValue<string>());
        Assert.DoesNotContain(await bed.SyncRunsAsync(store), r => r!["status"]!.GetValue<string>() == "skipped");

        Assert.Equal(0, latest["counts"]!["removed"]!.GetValue<int>());
        Assert.Equal(330, latest["counts"]!["created"]!.GetValue<int>() + latest["counts"]!["unchanged"]!.GetValue<int>());
        Assert.Equal(330, await bed.CountRowsAsync(store, "c_"));
        // Each coupon's first sighting is kept on its row, once: no history row, and none twice.
        Assert.Equal(0, await bed.CountRowsAsync(store, "h_"));
        Assert.Contains(await bed.SyncRunsAsync(store), r => r!["failure"]?["kind"]?.GetValue<string>() == "abandoned");
    }
}
