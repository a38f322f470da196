using CouponFunctions.App.Auth;
using CouponFunctions.Core.Queues;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Sync;
using CouponFunctions.Core.Tenancy;
using Microsoft.Azure.Functions.Worker;

namespace CouponFunctions.App.Api.Stores;

/// <summary>
/// POST /api/stores/{storeId}/sync (editor): queues a manual sync of an active, connected store (202 with its run id).
/// A sync already queued (and not started within <see cref="QueuedFor"/>) or running is that run: repeated clicks queue
/// one message and record no skipped runs.
/// </summary>
internal sealed class RequestSyncFunction(ManageStoresHandler handler, ISyncStateRepository states, IWorkQueue queue, TimeProvider time)
{
    /// <summary>How long a queued manual run answers for itself; after that (its message lost) a new one is queued.</summary>
    private static readonly TimeSpan QueuedFor = TimeSpan.FromMinutes(10);

    [Function("RequestSync")]
    [RequiresRole(ApiKeyRole.Editor)]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "stores/{storeId}/sync")] HttpRequest request, string storeId, CancellationToken cancellationToken)
    {
        if (!StoreId.TryParse(storeId, out var id)) return ApiResults.BadField("storeId", "Not a store id.");
        var caller = request.Caller();
        var found = await handler.GetAsync(caller, id, cancellationToken);
        if (!found.IsOk) return found.ToHttp(_ => Results.Empty);
        var store = found.Value;
        if (store.Status != StoreStatus.Active || !store.IsConnected)
            return Results.Problem(statusCode: 422, title: "Not possible", detail: $"{store.DisplayName} is {(store.IsConnected ? store.Status.ToString().ToLowerInvariant() : "not connected")}; it cannot be synced.");
        var now = time.GetUtcNow();
        var (runId, queued) = await states.QueueManualRunAsync(caller.TenantId, id, SyncStoreMessage.NewRunId(now), now, now - QueuedFor, cancellationToken);
        if (queued) await queue.EnqueueAsync(new SyncStoreMessage(caller.TenantId.Value, id.Value, SyncStoreMessage.Manual, now, runId), null, cancellationToken);
        return Results.Accepted($"/api/stores/{id}/sync-runs", new { queued = true, runId, alreadyRequested = !queued });
    }
}
