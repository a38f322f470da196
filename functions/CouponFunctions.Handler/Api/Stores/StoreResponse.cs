using CouponFunctions.Core.Stores;

namespace CouponFunctions.Handler.Api.Stores;

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
    DateTimeOffset? TokenExpiresAt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static StoreResponse From(Store store) => new(
        store.Id.Value,
        store.Platform.ToWire(),
        store.Site,
        store.ShopId,
        store.DisplayName,
        store.TimeZoneId,
        ToWire(store.Status),
        store.StatusReason,
        store.IsConnected,
        store.Credentials.AccessTokenExpiresAt,
        store.CreatedAt,
        store.UpdatedAt);

    private static string ToWire(StoreStatus status) => status switch
    {
        StoreStatus.Active => "active",
        StoreStatus.Disabled => "disabled",
        StoreStatus.NeedsReauthorization => "needsReauthorization",
        _ => status.ToString(),
    };
}
