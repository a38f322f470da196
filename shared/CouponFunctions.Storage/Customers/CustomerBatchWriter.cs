using System.Collections.Concurrent;
using Azure.Data.Tables;
using CouponFunctions.Core.Customers;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Storage.Tables;

namespace CouponFunctions.Storage.Customers;

/// <summary>
/// The import's writes: rows are buffered per partition and written as entity-group transactions of up to 100, at most
/// <see cref="MaxBatchesInFlight"/> at once (one at a time per partition, so a repeated id is applied in order). Memory is
/// the buffers plus the batches in flight, whatever the row count. A batch is first tried as plain inserts (a new tenant's
/// import: one round trip per 100 rows); when a row exists it reads the batch's rows, merges (<see cref="CustomerMerge"/>)
/// and writes inserts and ETag-guarded replaces in one transaction, retried if another writer got there first.
/// </summary>
internal sealed class CustomerBatchWriter(TableClient table, TenantId tenantId, IReadOnlySet<CustomerField> present, DateTimeOffset now)
{
    public const int BatchSize = 100;
    public const int MaxBatchesInFlight = 8;
    private const int MaxAttempts = 8;

    private readonly Dictionary<string, List<CustomerFields>> _buffers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Task> _tails = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _slots = new(MaxBatchesInFlight);
    private readonly ConcurrentBag<Exception> _errors = [];
    private long _created;
    private long _updated;
    private long _unchanged;
    private volatile bool _insertFirst = true;

    public async Task<CustomerUpsertCounts> WriteAsync(IAsyncEnumerable<CustomerFields> rows, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var row in rows.WithCancellation(cancellationToken))
            {
                var partition = CustomerKeys.Partition(tenantId, row.Id);
                if (!_buffers.TryGetValue(partition, out var buffer)) _buffers[partition] = buffer = new List<CustomerFields>(BatchSize);
                // A transaction cannot touch a row twice: a repeated id closes the batch, and the next batch of the partition runs after it.
                if (buffer.Exists(r => r.Id == row.Id)) buffer = await FlushAsync(partition, cancellationToken);
                buffer.Add(row);
                if (buffer.Count == BatchSize) await FlushAsync(partition, cancellationToken);
            }

            foreach (var partition in _buffers.Keys.ToList()) await FlushAsync(partition, cancellationToken);
        }
        catch
        {
            // Nothing is left running behind the caller's back: the batches in flight finish (or fail) before the error is thrown.
            await Task.WhenAll(_tails.Values).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            throw;
        }

        await Task.WhenAll(_tails.Values);
        return new CustomerUpsertCounts(_created, _updated, _unchanged);
    }

    private async Task<List<CustomerFields>> FlushAsync(string partition, CancellationToken cancellationToken)
    {
        var batch = _buffers[partition];
        var fresh = _buffers[partition] = new List<CustomerFields>(BatchSize);
        if (batch.Count == 0) return fresh;
        if (!_errors.IsEmpty) throw new AggregateException(_errors);
        await _slots.WaitAsync(cancellationToken);
        var previous = _tails.GetValueOrDefault(partition) ?? Task.CompletedTask;
        _tails[partition] = RunAfterAsync(previous, partition, batch, cancellationToken);
        return fresh;
    }

    private async Task RunAfterAsync(Task previous, string partition, List<CustomerFields> batch, CancellationToken cancellationToken)
    {
        try
        {
            await previous;
            await WriteBatchAsync(partition, batch, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _errors.Add(e);
            throw;
        }
        finally
        {
            _slots.Release();
        }
    }

    private async Task WriteBatchAsync(string partition, List<CustomerFields> batch, CancellationToken cancellationToken)
    {
        if (_insertFirst)
        {
            var inserts = batch.Select(r => new TableTransactionAction(TableTransactionActionType.Add,
                CustomerEntityMapper.ToEntity(CustomerMerge.Apply(null, tenantId, r, present, now)))).ToList();
            var failure = await table.TrySubmitAsync(inserts, cancellationToken);
            if (failure is null)
            {
                Interlocked.Add(ref _created, batch.Count);
                return;
            }

            if (failure.Status != 409) throw new TableBatchException(failure);
            _insertFirst = false;
        }

        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var stored = (await CustomerRepository.ReadEntitiesAsync(table, tenantId, batch.Select(r => r.Id), cancellationToken))
                .ToDictionary(e => e.RowKey, StringComparer.Ordinal);
            var actions = new List<TableTransactionAction>(batch.Count);
            long created = 0, updated = 0, unchanged = 0;
            foreach (var row in batch)
            {
                var existing = stored.TryGetValue(row.Id.Value, out var e) ? CustomerEntityMapper.FromEntity(tenantId, e) : null;
                var merged = CustomerMerge.Apply(existing, tenantId, row, present, now);
                if (existing is null)
                {
                    actions.Add(new TableTransactionAction(TableTransactionActionType.Add, CustomerEntityMapper.ToEntity(merged)));
                    created++;
                }
                else if (ReferenceEquals(merged, existing))
                {
                    unchanged++;
                }
                else
                {
                    actions.Add(new TableTransactionAction(TableTransactionActionType.UpdateReplace, CustomerEntityMapper.ToEntity(merged), e!.ETag));
                    updated++;
                }
            }

            var failure = actions.Count == 0 ? null : await table.TrySubmitAsync(actions, cancellationToken);
            if (failure is null)
            {
                Interlocked.Add(ref _created, created);
                Interlocked.Add(ref _updated, updated);
                Interlocked.Add(ref _unchanged, unchanged);
                return;
            }

            // 409: a row appeared since the read; 412/404: a row changed or went. Read again and merge again.
            if (failure.Status is not (409 or 412 or 404)) throw new TableBatchException(failure);
        }

        throw new InvalidOperationException($"The customer rows of partition {partition} kept changing during {MaxAttempts} attempts.");
    }
}
