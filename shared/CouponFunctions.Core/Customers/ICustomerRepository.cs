using CouponFunctions.Core.Common;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Core.Customers;

/// <summary>Which customers a listing returns: all of the tenant's, or one store's, optionally matching a search text.</summary>
/// <param name="Search">Case-insensitive text found in the id, name, email or mobile.</param>
public sealed record CustomerQuery(StoreId? StoreId = null, string? Search = null, int PageSize = 50, string? Continuation = null)
{
    public const int MaxPageSize = 500;
}

/// <summary>What a batched upsert did.</summary>
public sealed record CustomerUpsertCounts(long Created, long Updated, long Unchanged)
{
    public static CustomerUpsertCounts Zero { get; } = new(0, 0, 0);

    public CustomerUpsertCounts Plus(CustomerUpsertCounts other) => new(Created + other.Created, Updated + other.Updated, Unchanged + other.Unchanged);
}

/// <summary>A tenant's customers, keyed by their external id.</summary>
public interface ICustomerRepository
{
    Task<Customer?> GetAsync(TenantId tenantId, CustomerId id, CancellationToken cancellationToken = default);

    /// <summary>The customers of <paramref name="ids"/> that exist (in no particular order).</summary>
    Task<IReadOnlyList<Customer>> GetManyAsync(TenantId tenantId, IReadOnlyCollection<CustomerId> ids, CancellationToken cancellationToken = default);

    /// <summary>Creates or merges the customer by external id (<see cref="CustomerMerge"/>); concurrent writers are retried on the row's ETag.</summary>
    Task<Customer> UpsertAsync(TenantId tenantId, CustomerFields input, IReadOnlySet<CustomerField> present, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>
    /// The import's writes: rows are merged like <see cref="UpsertAsync"/> and written as entity-group transactions of up to
    /// 100 rows per partition, a few at a time, while the rows stream in (memory stays bounded whatever the count).
    /// Ids repeated in <paramref name="rows"/> are applied in order.
    /// </summary>
    Task<CustomerUpsertCounts> UpsertManyAsync(
        TenantId tenantId, IAsyncEnumerable<CustomerFields> rows, IReadOnlySet<CustomerField> present, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>False when there was no such customer.</summary>
    Task<bool> DeleteAsync(TenantId tenantId, CustomerId id, CancellationToken cancellationToken = default);

    /// <summary>Opts the customer out of a channel at once (unsubscribe link, STOP reply); NotFound when there is no such customer.</summary>
    Task<Result<Customer>> OptOutAsync(TenantId tenantId, CustomerId id, ContactChannel channel, DateTimeOffset at, string source, CancellationToken cancellationToken = default);

    /// <summary>A page of customers in key order. A search scans a bounded number of rows per call, so a page can be short
    /// (even empty) and still have a continuation.</summary>
    Task<ItemPage<Customer>> ListAsync(TenantId tenantId, CustomerQuery query, CancellationToken cancellationToken = default);

    /// <summary>Every customer of the tenant (or of one store), streamed page by page: bounded memory for any count.</summary>
    IAsyncEnumerable<Customer> StreamAsync(TenantId tenantId, StoreId? storeId = null, CancellationToken cancellationToken = default);
}
