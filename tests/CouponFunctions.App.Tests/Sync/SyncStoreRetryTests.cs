using CouponFunctions.App.Tests.Infrastructure;
using CouponFunctions.Storage.Queues;

namespace CouponFunctions.App.Tests.Sync;

/// <summary>
/// The queue functions' retry semantics: a surprise (here a message that is not a SyncStoreMessage) fails the invocation,
/// so the host retries it and finally moves it to the poison queue; a platform failure is a recorded outcome instead.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class SyncStoreRetryTests(AppHostFixture app)
{
    [Fact]
    public async Task SyncStore_MessageIsNotJson_IsRetriedThenMovedToThePoisonQueue()
    {
        var marker = app.Azurite.UniqueName("notjson");
        var poison = app.Queues.GetQueueClient(QueueNames.SyncStore + "-poison");
        var failedBefore = FailedSyncStoreInvocations(app.Host.Output);

        await app.Queues.GetQueueClient(QueueNames.SyncStore).SendMessageAsync($"{{ not json {marker}");

        Assert.True(await Eventually.TrueAsync(async () =>
        {
            var peeked = await poison.PeekMessagesAsync(32);
            return peeked.Value.Any(m => m.Body.ToString().Contains(marker, StringComparison.Ordinal));
        }, seconds: 60), $"The message did not reach {poison.Name}. Host output:\n{Workspace.Tail(app.Host.Output)}");
        Assert.Equal(5, FailedSyncStoreInvocations(app.Host.Output) - failedBefore);
    }

    [Fact]
    public async Task SyncStore_PlatformFails_RecordsTheFailureWithoutFailingTheInvocation()
    {
        var bed = await app.NewWorkspaceAsync();
        var store = await bed.AddShopeeStoreAsync(702_001);
        bed.Shopee.Faults.Set(new CouponFunctions.Sandbox.Common.FaultPlan { ErrorRate = 1 }, "702001");
        var failedInvocations = FailedSyncStoreInvocations(app.Host.Output);

        var run = await bed.SyncAsync(store);

        Assert.Equal("failed", run["status"]!.GetValue<string>());
        Assert.Single(await bed.SyncRunsAsync(store));
        Assert.Equal(failedInvocations, FailedSyncStoreInvocations(app.Host.Output));
    }

    /// <summary>The host's "[SyncStore id] failed: ..." lines: one per failed invocation.</summary>
    private static int FailedSyncStoreInvocations(string output) =>
        output.Split('\n').Count(l => l.Contains("[SyncStore ", StringComparison.Ordinal) && l.Contains("] failed:", StringComparison.Ordinal));
}
