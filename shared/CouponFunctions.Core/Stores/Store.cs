using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Core.Stores;

/// <summary>Whether the product works with a store.</summary>
public enum StoreStatus
{
    Active,
    Disabled,

    /// <summary>The platform no longer accepts our tokens (a refresh failed): the seller must authorize again.</summary>
    NeedsReauthorization,
}

/// <summary>A connected marketplace store (shop) of a tenant.</summary>
public sealed record Store
{
    public required TenantId TenantId { get; init; }

    public required StoreId Id { get; init; }

    public required Platform Platform { get; init; }

    /// <summary>Site (country) code, see <see cref="Sites"/>.</summary>
    public required string Site { get; init; }

    /// <summary>The platform's id of the shop (SHOPLINE: the shop handle).</summary>
    public required string ShopId { get; init; }

    public required string DisplayName { get; init; }

    /// <summary>IANA time zone; "today", expiry windows and inspection slots are computed in it.</summary>
    public required string TimeZoneId { get; init; }

    public StoreStatus Status { get; init; } = StoreStatus.Active;

    /// <summary>Plain words on why the store is not active, for operators.</summary>
    public string? StatusReason { get; init; }

    public StoreCredentials Credentials { get; init; } = StoreCredentials.None;

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Opaque concurrency token of the stored row (its ETag); null for a store not yet stored.</summary>
    public string? Version { get; init; }

    public TimeZoneInfo TimeZone => TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);

    public bool IsConnected => Credentials.AccessToken is not null;

    public StoreConnection ToConnection() => new(TenantId, Id, Platform, Site, ShopId, Credentials);

    public override string ToString() => $"Store {Id} ({Platform.ToWire()} {Site} {ShopId})";
}

/// <summary>Reads and writes stores; every row lives under its tenant.</summary>
public interface IStoreRepository
{
    Task<Store?> GetAsync(TenantId tenantId, StoreId storeId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Store>> ListAsync(TenantId tenantId, CancellationToken cancellationToken = default);

    /// <summary>Every store of every tenant, for the timers that plan work.</summary>
    IAsyncEnumerable<Store> ListAllAsync(CancellationToken cancellationToken = default);

    /// <summary>Adds the store; false when the tenant already has this platform shop.</summary>
    Task<bool> AddAsync(Store store, CancellationToken cancellationToken = default);

    /// <summary>Replaces the store if <see cref="Store.Version"/> still matches; false when someone changed it first.</summary>
    Task<bool> UpdateAsync(Store store, CancellationToken cancellationToken = default);
}
