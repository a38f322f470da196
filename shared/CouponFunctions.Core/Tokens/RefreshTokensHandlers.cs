using CouponFunctions.Core.Queues;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Sync;
using CouponFunctions.Core.Tenancy;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CouponFunctions.Core.Tokens;

/// <summary>The RefreshTokens timer's use case: one message per connected store whose token expires soon.</summary>
public sealed class PlanTokenRefreshHandler(IStoreRepository stores, IWorkQueue queue, IOptions<TokenOptions> options, TimeProvider time, ILogger<PlanTokenRefreshHandler> logger)
{
    public async Task<int> HandleAsync(CancellationToken cancellationToken = default)
    {
        var count = 0;
        await foreach (var store in stores.ListAllAsync(cancellationToken))
        {
            if (!IsDue(store, time.GetUtcNow(), options.Value.RefreshAhead)) continue;
            await queue.EnqueueAsync(new RefreshStoreTokenMessage(store.TenantId.Value, store.Id.Value), null, cancellationToken);
            count++;
        }
        if (count > 0) logger.LogInformation("Planned {Count} token refreshes", count);
        return count;
    }

    internal static bool IsDue(Store store, DateTimeOffset now, TimeSpan ahead) =>
        store.Status == StoreStatus.Active && store.Credentials.AccessTokenExpiresAt is { } expires && expires - now < ahead;
}

/// <summary>
/// The RefreshStoreToken queue function's use case. It holds the store's sync lease while refreshing, so a sync cannot
/// refresh the same single-use refresh token at the same moment, and re-checks that the refresh is still due (a
/// repeated message does nothing).
/// </summary>
public sealed class RefreshStoreTokenJob(IStoreRepository stores, ISyncStateRepository states, RefreshStoreTokenHandler refresher, IOptions<TokenOptions> options, TimeProvider time)
{
    public async Task<RefreshOutcome> HandleAsync(RefreshStoreTokenMessage message, CancellationToken cancellationToken = default)
    {
        var tenantId = TenantId.Parse(message.TenantId);
        var storeId = StoreId.Parse(message.StoreId);
        var now = time.GetUtcNow();
        var lease = await states.TryAcquireAsync(tenantId, storeId, $"{SyncState.TokenRefreshOwnerPrefix}{Guid.NewGuid():N}", now + TimeSpan.FromMinutes(2), now, cancellationToken);
        // A sync holds the store: it refreshes the token itself if it needs to; the next timer run checks again.
        if (lease is null) return RefreshOutcome.RetryLater;
        try
        {
            var store = await stores.GetAsync(tenantId, storeId, cancellationToken);
            if (store is null || !PlanTokenRefreshHandler.IsDue(store, now, options.Value.RefreshAhead)) return RefreshOutcome.NotNeeded;
            return await refresher.RefreshAsync(store, cancellationToken);
        }
        finally
        {
            await states.ReleaseAsync(lease, CancellationToken.None);
        }
    }
}
