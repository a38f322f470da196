using CouponFunctions.App.Tests.Infrastructure;
using CouponFunctions.Sandbox.Common;

namespace CouponFunctions.App.Tests.Sync;

/// <summary>Issue 11 D8: "Sync now" clicked 30 times queues one sync; every click answers 202 with that run's id.</summary>
[Collection(AppCollection.Name)]
public sealed class SyncNowCoalescingTests(AppHostFixture app)
{
    [Fact]
    public async Task RequestSync_ThirtyCallsAtOnce_QueueOneRunAndRecordNoSkippedRuns()
    {
        var bed = await app.NewWorkspaceAsync();
        var store = await bed.AddShopeeStoreAsync(780_801);
        bed.SeedVouchers(780_801, 30);
        // The run outlasts the 30 calls however slowly a busy machine delivers them (a store's first sync reads nothing back
        // and can be over before the last call arrives, which then rightly queues a run of its own).
        bed.Shopee.Faults.Set(new FaultPlan { Latency = TimeSpan.FromSeconds(2), OnlyPaths = new HashSet<string> { "/api/v2/voucher/get_voucher_list" } }, "780801");

        var answers = await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => bed.Admin.SendJsonAsync(HttpMethod.Post, $"/api/stores/{store}/sync")));

        Assert.All(answers, a => Assert.Equal(202, a.Status));
        var runId = Assert.Single(answers.Select(a => a.Body!["runId"]!.GetValue<string>()).Distinct());
        var run = await StoreSyncs.RunAsync(bed.Admin, store, runId, () => app.Host.Output);
        Assert.Equal("succeeded", run["status"]!.GetValue<string>());
        var runs = await bed.SyncRunsAsync(store);
        Assert.Equal([runId], runs.Select(r => r!["runId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task RequestSync_AfterTheRunFinished_QueuesANewRun()
    {
        var bed = await app.NewWorkspaceAsync();
        var store = await bed.AddShopeeStoreAsync(780_802);

        var first = await bed.SyncAsync(store);
        var second = await bed.SyncAsync(store);

        Assert.NotEqual(first["runId"]!.GetValue<string>(), second["runId"]!.GetValue<string>());
        Assert.Equal(2, (await bed.SyncRunsAsync(store)).Count);
    }
}
