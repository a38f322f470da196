using CouponFunctions.Core.Alerts;
using CouponFunctions.Core.Notifications;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Stores;
using Microsoft.Extensions.Logging;

namespace CouponFunctions.Core.Tokens;

/// <summary>What a token refresh came to.</summary>
public enum RefreshOutcome
{
    Refreshed,
    NotNeeded,

    /// <summary>The platform refused: the store is marked as needing re-authorization and operators are alerted.</summary>
    NeedsReauthorization,

    /// <summary>A transient fault: the next timer run tries again (the current token is still in use).</summary>
    RetryLater,
}

/// <summary>
/// Refreshes a store's platform token and stores the new one. Refresh tokens are single-use on Shopee and Lazada, so
/// a new token is never dropped: on a concurrent store change the write is retried on the fresh row.
/// </summary>
public sealed class RefreshStoreTokenHandler(
    IStoreRepository stores,
    IPlatformConnectors connectors,
    IAlertSettingsRepository alertSettings,
    INotificationSink notifications,
    TimeProvider time,
    ILogger<RefreshStoreTokenHandler> logger)
{
    public async Task<RefreshOutcome> RefreshAsync(Store store, CancellationToken cancellationToken = default)
    {
        var result = await connectors.For(store.Platform).RefreshTokenAsync(store.ToConnection(), cancellationToken);
        if (!result.Succeeded)
        {
            if (result.Error.Kind is PlatformErrorKind.Transient or PlatformErrorKind.Throttled or PlatformErrorKind.CircuitOpen)
            {
                logger.LogWarning("Token refresh of {Store} failed for now: {Error}", store, result.Error);
                return RefreshOutcome.RetryLater;
            }
            await MarkNeedsReauthorizationAsync(store, result.Error, cancellationToken);
            return RefreshOutcome.NeedsReauthorization;
        }

        var grant = result.Value;
        for (var attempt = 0; attempt < 5; attempt++)
        {
            var current = store.Credentials;
            var cipher = grant.Shops.FirstOrDefault(s => s.ShopId == store.ShopId)?.ShopCipher ?? current.ShopCipher;
            var updated = store with
            {
                Credentials = new StoreCredentials(grant.AccessToken, grant.AccessTokenExpiresAt, grant.RefreshToken ?? current.RefreshToken,
                    grant.RefreshTokenExpiresAt ?? current.RefreshTokenExpiresAt, cipher),
                Status = store.Status == StoreStatus.NeedsReauthorization ? StoreStatus.Active : store.Status,
                StatusReason = store.Status == StoreStatus.NeedsReauthorization ? null : store.StatusReason,
                UpdatedAt = time.GetUtcNow(),
            };
            if (await stores.UpdateAsync(updated, cancellationToken))
            {
                logger.LogInformation("Refreshed the token of {Store}; it now expires at {ExpiresAt:O}", store, grant.AccessTokenExpiresAt);
                return RefreshOutcome.Refreshed;
            }
            store = await stores.GetAsync(store.TenantId, store.Id, cancellationToken) ?? throw new InvalidOperationException($"{store} disappeared during a token refresh.");
        }
        throw new InvalidOperationException($"Could not save the refreshed token of {store} after 5 concurrent changes.");
    }

    private async Task MarkNeedsReauthorizationAsync(Store store, PlatformError error, CancellationToken cancellationToken)
    {
        var reason = $"The platform refused to refresh the token ({error.Code ?? error.Kind.ToString()}): authorize the store again.";
        logger.LogWarning("Token refresh of {Store} refused: {Error}", store, error);
        for (var attempt = 0; attempt < 5; attempt++)
        {
            if (await stores.UpdateAsync(store with { Status = StoreStatus.NeedsReauthorization, StatusReason = reason, UpdatedAt = time.GetUtcNow() }, cancellationToken)) break;
            store = await stores.GetAsync(store.TenantId, store.Id, cancellationToken) ?? store;
        }
        var recipients = (await alertSettings.GetAsync(store.TenantId, cancellationToken)).Recipients;
        var key = $"reauth_{store.Id}_{store.Credentials.AccessTokenExpiresAt?.UtcTicks ?? 0}";
        await notifications.SendAsync(new Notification(store.TenantId, key, "store.reauthorize", recipients,
            $"{store.DisplayName} needs to be authorized again",
            $"{store.DisplayName} ({store.Platform.ToWire()} {store.Site}, shop {store.ShopId}): {reason}\nPlatform said: {error.Message}",
            null), cancellationToken);
    }
}
