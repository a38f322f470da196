using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Sync;

namespace CouponFunctions.App.Api.Stores;

/// <summary>A store as the API shows it: never its credentials, only whether it is connected and until when.</summary>
internal sealed record StoreResponse(
    string Id,
    string Platform,
    string Site,
    string ShopId,
    string DisplayName,
    string TimeZone,
    string Status,
    string? StatusReason,
    bool Connected,
    bool TokenExpired,
    DateTimeOffset? TokenExpiresAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    StoreSyncResponse? Sync)
{
    public static StoreResponse From(Store store, DateTimeOffset now, SyncState? sync = null) => new(
        store.Id.Value,
        store.Platform.ToWire(),
        store.Site,
        store.ShopId,
        store.DisplayName,
        store.TimeZoneId,
        ToWire(store.Status),
        store.StatusReason,
        store.IsConnected,
        store.Credentials.AccessTokenExpiresAt < now,
        store.Credentials.AccessTokenExpiresAt,
        store.CreatedAt,
        store.UpdatedAt,
        sync is null ? null : new StoreSyncResponse(sync.LastAttemptAt, sync.LastSuccessAt, sync.LastStatus?.ToString().ToLowerInvariant(),
            sync.LastFailure, sync.ConsecutiveFailures, sync.CouponCount, sync.LeaseUntil is { } until && sync.LeaseOwner is not null ? until : null));

    private static string ToWire(StoreStatus status) => status switch
    {
        StoreStatus.Active => "active",
        StoreStatus.Disabled => "disabled",
        StoreStatus.NeedsReauthorization => "needsReauthorization",
        _ => status.ToString(),
    };
}

/// <summary>A store's last sync outcome; <see cref="RunningUntil"/> is set while a sync holds the store.</summary>
internal sealed record StoreSyncResponse(
    DateTimeOffset? LastAttemptAt,
    DateTimeOffset? LastSuccessAt,
    string? LastStatus,
    SyncFailure? LastFailure,
    int ConsecutiveFailures,
    int CouponCount,
    DateTimeOffset? RunningUntil);
