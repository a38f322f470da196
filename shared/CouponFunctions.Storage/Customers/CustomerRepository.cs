using System.Runtime.CompilerServices;
using System.Text;
using Azure;
using Azure.Data.Tables;
using CouponFunctions.Core.Common;
using CouponFunctions.Core.Customers;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Storage.Tables;

namespace CouponFunctions.Storage.Customers;

/// <summary>Customers table (see <see cref="CustomerKeys"/>); every write of a stored row is guarded by its ETag and retried on a lost race.</summary>
internal sealed class CustomerRepository(TableServiceClient tables) : ICustomerRepository
{
    /// <summary>How many rows one search call reads at most before answering (with a continuation).</summary>
    internal const int MaxScannedPerCall = 5_000;

    /// <summary>Ids of one partition read as a key range rather than one by one, from this many up.</summary>
    private const int RangeReadAtLeast = 4;

    private const int MaxAttempts = 8;

    /// <summary>Point reads in flight per call (an import runs several batches at once, each with its own reads).</summary>
    internal const int ReadParallelism = 16;

    private readonly TableClient _table = tables.GetTableClient(TableNames.Customers);

    public async Task<Customer?> GetAsync(TenantId tenantId, CustomerId id, CancellationToken cancellationToken = default)
    {
        var entity = await _table.GetEntityIfExistsAsync<TableEntity>(CustomerKeys.Partition(tenantId, id), id.Value, cancellationToken: cancellationToken);
        return entity.HasValue ? CustomerEntityMapper.FromEntity(tenantId, entity.Value!) : null;
    }

    public async Task<IReadOnlyList<Customer>> GetManyAsync(TenantId tenantId, IReadOnlyCollection<CustomerId> ids, CancellationToken cancellationToken = default) =>
        (await ReadEntitiesAsync(_table, tenantId, ids, cancellationToken)).Select(e => CustomerEntityMapper.FromEntity(tenantId, e)).ToList();

    public async Task<Customer> UpsertAsync(TenantId tenantId, CustomerFields input, IReadOnlySet<CustomerField> present, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var existing = await GetAsync(tenantId, input.Id, cancellationToken);
            var merged = CustomerMerge.Apply(existing, tenantId, input, present, now);
            if (existing is not null && ReferenceEquals(merged, existing)) return existing;
            var entity = CustomerEntityMapper.ToEntity(merged);
            var written = existing is null
                ? await _table.AddIfAbsentAsync(entity, cancellationToken)
                : await _table.UpdateIfUnchangedAsync(entity, new ETag(existing.Version!), TableUpdateMode.Replace, cancellationToken);
            if (written.IsOk) return merged with { Version = written.Value.ToString() };
        }

        throw new InvalidOperationException($"Customer {input.Id} kept changing during {MaxAttempts} upsert attempts.");
    }

    public Task<CustomerUpsertCounts> UpsertManyAsync(
        TenantId tenantId, IAsyncEnumerable<CustomerFields> rows, IReadOnlySet<CustomerField> present, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        new CustomerBatchWriter(_table, tenantId, present, now).WriteAsync(rows, cancellationToken);

    public async Task<bool> DeleteAsync(TenantId tenantId, CustomerId id, CancellationToken cancellationToken = default)
    {
        var response = await _table.DeleteEntityAsync(CustomerKeys.Partition(tenantId, id), id.Value, ETag.All, cancellationToken);
        return response.Status != 404;
    }

    public async Task<Result<Customer>> OptOutAsync(
        TenantId tenantId, CustomerId id, ContactChannel channel, DateTimeOffset at, string source, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var existing = await GetAsync(tenantId, id, cancellationToken);
            if (existing is null) return Result<Customer>.NotFound($"There is no customer {id}.");
            if (existing.ConsentFor(channel).Status == ConsentStatus.OptedOut) return Result<Customer>.Ok(existing);
            var opted = existing.OptOut(channel, at, source);
            var written = await _table.UpdateIfUnchangedAsync(CustomerEntityMapper.ToEntity(opted), new ETag(existing.Version!), TableUpdateMode.Replace, cancellationToken);
            if (written.IsOk) return Result<Customer>.Ok(opted with { Version = written.Value.ToString() });
        }

        throw new InvalidOperationException($"Customer {id} kept changing during {MaxAttempts} opt-out attempts.");
    }

    public async Task<ItemPage<Customer>> ListAsync(TenantId tenantId, CustomerQuery query, CancellationToken cancellationToken = default)
    {
        var pageSize = Math.Clamp(query.PageSize, 1, CustomerQuery.MaxPageSize);
        var filter = Filter(tenantId, query.StoreId, query.Continuation is { } token ? Cursor.Decode(tenantId, token) : null);
        var search = string.IsNullOrWhiteSpace(query.Search) ? null : query.Search.Trim();
        var items = new List<Customer>(pageSize);
        var scanned = 0;
        (string Partition, string Row)? last = null;
        await foreach (var e in _table.QueryAsync<TableEntity>(filter, maxPerPage: search is null ? pageSize + 1 : 1000, cancellationToken: cancellationToken))
        {
            var customer = CustomerEntityMapper.FromEntity(tenantId, e);
            if (search is null || Matches(customer, search))
            {
                if (items.Count == pageSize) return new ItemPage<Customer>(items, Cursor.Encode(last!.Value));
                items.Add(customer);
            }

            last = (e.PartitionKey, e.RowKey);
            if (++scanned >= MaxScannedPerCall && search is not null) return new ItemPage<Customer>(items, Cursor.Encode(last.Value));
        }

        return new ItemPage<Customer>(items, null);
    }

    public async IAsyncEnumerable<Customer> StreamAsync(TenantId tenantId, StoreId? storeId = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var e in _table.QueryAsync<TableEntity>(Filter(tenantId, storeId, null), maxPerPage: 1000, cancellationToken: cancellationToken))
            yield return CustomerEntityMapper.FromEntity(tenantId, e);
    }

    /// <summary>
    /// The stored rows of these ids. Ids that fall several to a partition (a send's wave of recipients, an import batch: ids
    /// close in key order) are read as one key range of that partition, [lowest, highest], which stops after a few times as many
    /// rows as wanted (a sparse set of ids in a large tenant); what that did not settle is read by point reads,
    /// <see cref="ReadParallelism"/> at a time. Never "RowKey eq a or RowKey eq b" filters: the table service answers an 'or'
    /// over row keys with a scan of the whole partition.
    /// </summary>
    internal static async Task<IReadOnlyList<TableEntity>> ReadEntitiesAsync(TableClient table, TenantId tenantId, IEnumerable<CustomerId> ids, CancellationToken cancellationToken)
    {
        var found = new System.Collections.Concurrent.ConcurrentBag<TableEntity>();
        var single = new System.Collections.Concurrent.ConcurrentBag<CustomerId>();
        var partitions = ids.Distinct().GroupBy(id => CustomerKeys.Partition(tenantId, id)).ToList();
        await Parallel.ForEachAsync(partitions, new ParallelOptions { MaxDegreeOfParallelism = ReadParallelism, CancellationToken = cancellationToken }, async (group, ct) =>
        {
            var wanted = group.ToDictionary(id => id.Value, StringComparer.Ordinal);
            if (wanted.Count >= RangeReadAtLeast)
            {
                var keys = wanted.Keys.Order(StringComparer.Ordinal).ToList();
                var filter = TableClient.CreateQueryFilter($"PartitionKey eq {group.Key} and RowKey ge {keys[0]} and RowKey le {keys[^1]}");
                var (budget, read, complete) = (wanted.Count * 4 + 100, 0, true);
                await foreach (var page in table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: ct).AsPages())
                {
                    foreach (var e in page.Values)
                    {
                        read++;
                        if (wanted.Remove(e.RowKey)) found.Add(e);
                    }

                    if (wanted.Count == 0) break;
                    if (read >= budget && page.ContinuationToken is not null)
                    {
                        complete = false;
                        break;
                    }
                }

                // The whole range was read: the ids not in it do not exist.
                if (complete) return;
            }

            foreach (var id in wanted.Values) single.Add(id);
        });
        await Parallel.ForEachAsync(single, new ParallelOptions { MaxDegreeOfParallelism = ReadParallelism, CancellationToken = cancellationToken }, async (id, ct) =>
        {
            var entity = await table.GetEntityIfExistsAsync<TableEntity>(CustomerKeys.Partition(tenantId, id), id.Value, cancellationToken: ct);
            if (entity.HasValue) found.Add(entity.Value!);
        });
        return [.. found];
    }

    /// <summary>The continuation that lists on from just after <paramref name="customer"/>.</summary>
    internal static string CursorAfter(Customer customer) => Cursor.Encode((CustomerKeys.Partition(customer.TenantId, customer.Id), customer.Id.Value));

    private static string Filter(TenantId tenantId, StoreId? storeId, (string Partition, string Row)? after)
    {
        var filter = CustomerKeys.TenantFilter(tenantId);
        if (after is { } cursor)
        {
            filter += " and " + TableClient.CreateQueryFilter(
                $"((PartitionKey eq {cursor.Partition} and RowKey gt {cursor.Row}) or PartitionKey gt {cursor.Partition})");
        }

        return storeId is { } store ? filter + " and " + TableClient.CreateQueryFilter($"StoreId eq {store.Value}") : filter;
    }

    private static bool Matches(Customer customer, string search) =>
        customer.Id.Value.Contains(search, StringComparison.OrdinalIgnoreCase)
        || (customer.Name?.Contains(search, StringComparison.OrdinalIgnoreCase) ?? false)
        || (customer.Email?.Contains(search, StringComparison.OrdinalIgnoreCase) ?? false)
        || (customer.Mobile?.Contains(search, StringComparison.Ordinal) ?? false);

    /// <summary>The continuation: the last key read, base64url of "partition|row" ('|' is in neither).</summary>
    private static class Cursor
    {
        public static string Encode((string Partition, string Row) key) =>
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{key.Partition}|{key.Row}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        public static (string Partition, string Row) Decode(TenantId tenantId, string token)
        {
            try
            {
                var base64 = token.Replace('-', '+').Replace('_', '/');
                var text = Encoding.UTF8.GetString(Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=')));
                var parts = text.Split('|');
                if (parts.Length == 2 && CustomerKeys.BelongsTo(tenantId, parts[0]) && CustomerId.TryParse(parts[1], out _)) return (parts[0], parts[1]);
            }
            catch (FormatException)
            {
            }

            throw new ArgumentException("The continuation token is not one this listing gave.", nameof(token));
        }
    }
}
