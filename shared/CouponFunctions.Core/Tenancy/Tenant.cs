namespace CouponFunctions.Core.Tenancy;

/// <summary>A merchant workspace: its stores, coupons, operators and settings all live under its id.</summary>
public sealed record Tenant(TenantId Id, string Name, DateTimeOffset CreatedAt);

/// <summary>Reads and writes tenants.</summary>
public interface ITenantRepository
{
    Task<Tenant?> GetAsync(TenantId id, CancellationToken cancellationToken = default);

    /// <summary>Creates the tenant; false when it exists already.</summary>
    Task<bool> AddAsync(Tenant tenant, CancellationToken cancellationToken = default);

    IAsyncEnumerable<Tenant> ListAsync(CancellationToken cancellationToken = default);
}
