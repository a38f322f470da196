using Azure;
using Azure.Data.Tables;
using CouponFunctions.Core.Common;
using CouponFunctions.Core.Jobs;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Storage.Tables;

namespace CouponFunctions.Storage.Jobs;

/// <summary>
/// Jobs and JobItems tables (keys in <see cref="JobEntities"/>). Item writes are entity-group transactions of up to 100 rows
/// of the job's one partition, several in flight at once, so recording a wave of thousands of outcomes costs tens of round
/// trips, not thousands.
/// </summary>
internal sealed class JobRepository(TableServiceClient tables) : IJobRepository
{
    private const int BatchSize = 100;
    private const int ParallelBatches = 8;
    private const int MaxRecountTries = 5;
    private static readonly int[] ItemConflicts = [404, 412];

    private readonly TableClient _jobs = tables.GetTableClient(TableNames.Jobs);
    private readonly TableClient _items = tables.GetTableClient(TableNames.JobItems);

    public async Task<Job> CreateAsync(Job job, IReadOnlyList<JobItem> items, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentNullException.ThrowIfNull(items);
        if (items.Any(i => i.JobId != job.Id)) throw new ArgumentException("Every item must belong to the job.", nameof(items));
        if (items.GroupBy(JobEntities.StoredKey, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw new ArgumentException($"The item {twice.Key} is listed twice.", nameof(items));

        // A retried start after a crash finds some items there already: only the missing ones are added, progress is kept.
        var partition = JobEntities.ItemPartition(job.TenantId, job.Id);
        var existing = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var e in _items.QueryAsync<TableEntity>(Keys.InPartition(partition), select: ["RowKey"], cancellationToken: cancellationToken))
            existing.Add(e.RowKey);
        var adds = items.Select(i => JobEntities.ToEntity(job.TenantId, i)).Where(e => !existing.Contains(e.RowKey))
            .Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)).ToList();
        await ForEachBatchAsync(adds, (batch, ct) => GuardedBatches.SubmitAsync(_items, batch, [409], ct), cancellationToken);

        var stored = job with { Counts = JobCounts.Of(items.Select(i => i.State)) };
        var failure = await _jobs.TrySubmitAsync(
            [
                new TableTransactionAction(TableTransactionActionType.Add, JobEntities.ToEntity(stored, JobEntities.JobRow(job.Id))),
                new TableTransactionAction(TableTransactionActionType.Add, JobEntities.ToEntity(stored, JobEntities.ListingRow(job))),
            ], cancellationToken);
        if (failure is not null && failure.Status != 409) throw new TableBatchException(failure);
        return await GetAsync(job.TenantId, job.Id, cancellationToken) ?? throw new InvalidOperationException($"Job {job.Id} vanished after it was written.");
    }

    public async Task<Job?> GetAsync(TenantId tenantId, JobId id, CancellationToken cancellationToken = default)
    {
        var entity = await _jobs.GetEntityIfExistsAsync<TableEntity>(tenantId.Value, JobEntities.JobRow(id), cancellationToken: cancellationToken);
        return entity.HasValue ? JobEntities.ToJob(entity.Value!, withVersion: true) : null;
    }

    /// <summary>Jobs read from the listing copies carry no version: read one by id to change it.</summary>
    public async Task<JobPage> ListAsync(TenantId tenantId, int pageSize, string? continuationToken, CancellationToken cancellationToken = default)
    {
        var filter = Keys.RowKeyStartsWith(tenantId.Value, JobEntities.ListingPrefix);
        var (rows, next) = await KeyPages.ReadAsync(_jobs, filter, pageSize, continuationToken, null, cancellationToken);
        return new JobPage(rows.Select(r => JobEntities.ToJob(r, withVersion: false)).ToList(), next);
    }

    public async Task<Result<Job>> UpdateAsync(Job job, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        if (job.Version is null) throw new ArgumentException("Only a job read by id (with its version) can be updated.", nameof(job));
        try
        {
            var response = await _jobs.SubmitTransactionAsync(
                [
                    new TableTransactionAction(TableTransactionActionType.UpdateReplace, JobEntities.ToEntity(job, JobEntities.JobRow(job.Id)), new ETag(job.Version)),
                    new TableTransactionAction(TableTransactionActionType.UpsertReplace, JobEntities.ToEntity(job, JobEntities.ListingRow(job))),
                ], cancellationToken);
            return Result<Job>.Ok(job with { Version = response.Value[0].Headers.ETag?.ToString() });
        }
        catch (TableTransactionFailedException e) when (e.Status == 404)
        {
            return Result<Job>.NotFound($"There is no job {job.Id}.");
        }
        catch (TableTransactionFailedException e) when (e.Status == 412)
        {
            return Result<Job>.Conflict($"The job {job.Id} changed since it was read.");
        }
    }

    public async Task<Job?> RecountAsync(TenantId tenantId, JobId id, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            var job = await GetAsync(tenantId, id, cancellationToken);
            if (job is null) return null;
            var states = new List<JobItemState>();
            var filter = Keys.InPartition(JobEntities.ItemPartition(tenantId, id));
            await foreach (var e in _items.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: ["State"], cancellationToken: cancellationToken))
                states.Add(Enum.Parse<JobItemState>(e.GetString("State")!));
            var counts = JobCounts.Of(states);
            var recounted = job with { Counts = counts, FinishedAt = job.FinishedAt ?? (counts.AllFinished ? now : null) };
            if (recounted == job) return job;
            var written = await UpdateAsync(recounted, cancellationToken);
            if (written.IsOk) return written.Value;
            if (written.Kind == OutcomeKind.NotFound) return null;
            if (attempt == MaxRecountTries) throw new InvalidOperationException($"Job {id} kept changing while it was recounted ({attempt} tries).");
        }
    }

    public async Task<JobItem?> GetItemAsync(TenantId tenantId, JobId id, string itemKey, CancellationToken cancellationToken = default)
    {
        var entity = await _items.GetEntityIfExistsAsync<TableEntity>(JobEntities.ItemPartition(tenantId, id), JobEntities.ItemRow(itemKey), cancellationToken: cancellationToken);
        return entity.HasValue ? JobEntities.ToItem(entity.Value!) : null;
    }

    public async Task<JobItemPage> ListItemsAsync(
        TenantId tenantId, JobId id, IReadOnlyCollection<JobItemState>? states, int pageSize, string? continuationToken, CancellationToken cancellationToken = default)
    {
        var filter = Keys.InPartition(JobEntities.ItemPartition(tenantId, id));
        if (states is { Count: > 0 })
            filter += " and (" + string.Join(" or ", states.Select(s => TableClient.CreateQueryFilter($"State eq {s.ToString()}"))) + ")";
        var (rows, next) = await KeyPages.ReadAsync(_items, filter, pageSize, continuationToken, null, cancellationToken);
        return new JobItemPage(rows.Select(JobEntities.ToItem).ToList(), next);
    }

    public async Task<IReadOnlyList<JobItem>> ListStoreItemsAsync(TenantId tenantId, JobId id, StoreId storeId, CancellationToken cancellationToken = default)
    {
        var filter = Keys.RowKeyStartsWith(JobEntities.ItemPartition(tenantId, id), JobEntities.StoreItemPrefix(storeId));
        var items = new List<JobItem>();
        await foreach (var e in _items.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken)) items.Add(JobEntities.ToItem(e));
        return items;
    }

    public async Task<JobItemWrites> UpdateItemsAsync(TenantId tenantId, IReadOnlyList<JobItem> items, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Any(i => i.Version is null)) throw new ArgumentException("Only items read from storage (with their versions) can be updated.", nameof(items));
        var byRow = new Dictionary<(string, string), JobItem>();
        var actions = new List<TableTransactionAction>(items.Count);
        foreach (var item in items)
        {
            var entity = JobEntities.ToEntity(tenantId, item);
            if (!byRow.TryAdd((entity.PartitionKey, entity.RowKey), item))
                throw new ArgumentException($"The item {JobEntities.StoredKey(item)} of job {item.JobId} is listed twice.", nameof(items));
            actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, new ETag(item.Version!)));
        }

        var written = new List<JobItem>(items.Count);
        var conflicted = new List<string>();
        await ForEachBatchAsync(actions, async (batch, ct) =>
        {
            var partition = batch[0].Entity.PartitionKey;
            var (etags, dropped) = await GuardedBatches.SubmitAsync(_items, batch, ItemConflicts, ct);
            lock (written)
            {
                written.AddRange(etags.Select(w => byRow[(partition, w.Key)] with { Version = w.Value.ToString() }));
                conflicted.AddRange(dropped.Select(row => JobEntities.StoredKey(byRow[(partition, row)])));
            }
        }, cancellationToken);
        return new JobItemWrites(written, conflicted);
    }

    public async Task<int> CancelPendingItemsAsync(TenantId tenantId, JobId id, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var cancelled = 0;
        // An item that changed under us either started (it finishes) or is still pending (taken in the next round).
        for (var round = 0; round < MaxRecountTries; round++)
        {
            var pending = new List<JobItem>();
            string? token = null;
            do
            {
                var page = await ListItemsAsync(tenantId, id, [JobItemState.Pending], KeyPages.MaxPageSize, token, cancellationToken);
                pending.AddRange(page.Items);
                token = page.ContinuationToken;
            }
            while (token is not null);
            if (pending.Count == 0) break;
            var writes = await UpdateItemsAsync(tenantId, pending.Select(i => i.Cancel(now)).ToList(), cancellationToken);
            cancelled += writes.Written.Count;
            if (writes.ConflictedKeys.Count == 0) break;
        }
        return cancelled;
    }

    /// <summary>Runs <paramref name="submit"/> on batches of at most 100 actions of one partition each, several at once.</summary>
    private static Task ForEachBatchAsync<T>(
        IReadOnlyList<TableTransactionAction> actions, Func<IReadOnlyList<TableTransactionAction>, CancellationToken, Task<T>> submit, CancellationToken cancellationToken)
    {
        var batches = actions.GroupBy(a => a.Entity.PartitionKey, StringComparer.Ordinal).SelectMany(g => g.Chunk(BatchSize)).ToList();
        return Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = ParallelBatches, CancellationToken = cancellationToken },
            async (batch, ct) => await submit(batch, ct));
    }

    private static Task ForEachBatchAsync(
        IReadOnlyList<TableTransactionAction> actions, Func<IReadOnlyList<TableTransactionAction>, CancellationToken, Task> submit, CancellationToken cancellationToken) =>
        ForEachBatchAsync(actions, async (batch, ct) => { await submit(batch, ct); return true; }, cancellationToken);
}
