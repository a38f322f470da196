using CouponFunctions.Core.Common;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Core.Jobs;

/// <summary>One page of jobs, newest first, and the token of the next (null on the last page).</summary>
public sealed record JobPage(IReadOnlyList<Job> Jobs, string? ContinuationToken);

/// <summary>One page of a job's items in key order, and the token of the next (null on the last page).</summary>
public sealed record JobItemPage(IReadOnlyList<JobItem> Items, string? ContinuationToken);

/// <summary>The outcome of a batch of guarded item writes: the items written (with their new versions) and the keys of
/// those that changed since they were read (or are missing), which were left as they are.</summary>
public sealed record JobItemWrites(IReadOnlyList<JobItem> Written, IReadOnlyList<string> ConflictedKeys);

/// <summary>Jobs and their items. Item rows are the truth; the counts on the job row are a summary that
/// <see cref="RecountAsync"/> rebuilds from them. Item keys are <see cref="JobItem.Key"/> as the item was created (a
/// deployment item keeps its store key after its coupon is known).</summary>
public interface IJobRepository
{
    /// <summary>Stores a job and its items, each only if absent, so a retried start changes nothing already there: the job
    /// as stored (the earlier one when it existed). Items are written before the job row, so a visible job has all its items.</summary>
    Task<Job> CreateAsync(Job job, IReadOnlyList<JobItem> items, CancellationToken cancellationToken = default);

    Task<Job?> GetAsync(TenantId tenantId, JobId id, CancellationToken cancellationToken = default);

    /// <summary>The tenant's jobs, newest first.</summary>
    Task<JobPage> ListAsync(TenantId tenantId, int pageSize, string? continuationToken, CancellationToken cancellationToken = default);

    /// <summary>Replaces the job row (counts, cancel request, finish, report expiry) if still at <see cref="Job.Version"/>:
    /// the job with its new version, NotFound, or Conflict.</summary>
    Task<Result<Job>> UpdateAsync(Job job, CancellationToken cancellationToken = default);

    /// <summary>Counts the item rows again and writes the counts to the job row (and <see cref="Job.FinishedAt"/> = <paramref name="now"/>
    /// once every item has finished, if not set yet); retries when the job row changed meanwhile. Null when the job does not exist.</summary>
    Task<Job?> RecountAsync(TenantId tenantId, JobId id, DateTimeOffset now, CancellationToken cancellationToken = default);

    Task<JobItem?> GetItemAsync(TenantId tenantId, JobId id, string itemKey, CancellationToken cancellationToken = default);

    /// <summary>The job's items in key order, optionally only those in <paramref name="states"/>; at most <paramref name="pageSize"/>
    /// (1–1000) a page.</summary>
    Task<JobItemPage> ListItemsAsync(
        TenantId tenantId, JobId id, IReadOnlyCollection<JobItemState>? states, int pageSize, string? continuationToken, CancellationToken cancellationToken = default);

    /// <summary>The items of one store of the job, in key order (a store's items sit together). The default pages through the
    /// whole job; storage reads the store's key range only.</summary>
    async Task<IReadOnlyList<JobItem>> ListStoreItemsAsync(TenantId tenantId, JobId id, StoreId storeId, CancellationToken cancellationToken = default)
    {
        var items = new List<JobItem>();
        string? next = null;
        do
        {
            var page = await ListItemsAsync(tenantId, id, null, 1000, next, cancellationToken);
            items.AddRange(page.Items.Where(i => i.StoreId == storeId));
            next = page.ContinuationToken;
        }
        while (next is not null);
        return items;
    }

    /// <summary>Writes each item if its row is still at its <see cref="JobItem.Version"/> (state transitions: start, finish,
    /// cancel). Items of one job share a partition, so up to 100 go in one entity-group transaction; a conflicting item is
    /// left out and named, the others are written.</summary>
    Task<JobItemWrites> UpdateItemsAsync(TenantId tenantId, IReadOnlyList<JobItem> items, CancellationToken cancellationToken = default);

    /// <summary>Turns every pending item of the job into a cancelled one (started and finished items are left to finish);
    /// the number cancelled. Safe to repeat.</summary>
    Task<int> CancelPendingItemsAsync(TenantId tenantId, JobId id, DateTimeOffset now, CancellationToken cancellationToken = default);
}
