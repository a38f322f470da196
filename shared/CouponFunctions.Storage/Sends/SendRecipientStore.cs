using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using CouponFunctions.Core.Common;
using CouponFunctions.Core.Customers;
using CouponFunctions.Core.Sends;
using CouponFunctions.Core.Sends.Running;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Storage.Segments;
using CouponFunctions.Storage.Tables;

namespace CouponFunctions.Storage.Sends;

/// <summary>
/// A send's recipients and outcomes: the snapshot's rows in blocks of 1,000 (<see cref="SendRecipientBlocks"/>), its summary and
/// the wave marks in the SendRecipients table, outcome rows in SendOutcomes (see <see cref="SendKeys"/>); one partition per send,
/// written in transactions of 100.
/// </summary>
internal sealed partial class SendRecipientStore(TableServiceClient tables, BlobServiceClient blobs) : ISendRecipientStore
{
    private readonly SendRecipientBlocks _blocks = new(blobs);
    private readonly TableClient _recipients = tables.GetTableClient(TableNames.SendRecipients);
    private readonly TableClient _outcomes = tables.GetTableClient(TableNames.SendOutcomes);

    public Task WriteRecipientsAsync(TenantId tenantId, SendId sendId, IEnumerable<SendRecipient> recipients, CancellationToken cancellationToken = default) =>
        _blocks.WriteAsync(tenantId, sendId, recipients, cancellationToken);

    public async Task<SnapshotSummary?> GetSnapshotAsync(TenantId tenantId, SendId sendId, CancellationToken cancellationToken = default)
    {
        var entity = await _recipients.GetEntityIfExistsAsync<TableEntity>(SendKeys.SendPartition(tenantId, sendId), SendKeys.SnapshotRow, cancellationToken: cancellationToken);
        if (!entity.HasValue) return null;
        var e = entity.Value!;
        return new SnapshotSummary(e.GetInt32("Total") ?? 0, e.GetInt32("Messages") ?? 0, e.GetInt32("Failures") ?? 0);
    }

    public async Task<SnapshotSummary> SaveSnapshotAsync(TenantId tenantId, SendId sendId, SnapshotSummary snapshot, CancellationToken cancellationToken = default)
    {
        var entity = new TableEntity(SendKeys.SendPartition(tenantId, sendId), SendKeys.SnapshotRow)
        {
            ["Total"] = snapshot.Total,
            ["Messages"] = snapshot.Messages,
            ["Failures"] = snapshot.Failures,
        };
        var written = await _recipients.AddIfAbsentAsync(entity, cancellationToken);
        return written.IsOk ? snapshot : await GetSnapshotAsync(tenantId, sendId, cancellationToken) ?? snapshot;
    }

    public Task<IReadOnlyList<SendRecipient>> ReadRecipientsAsync(TenantId tenantId, SendId sendId, int from, int count, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(from);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        return _blocks.ReadAsync(tenantId, sendId, from, count, cancellationToken);
    }

    public async Task<RecipientOutcome?> GetOutcomeAsync(TenantId tenantId, SendId sendId, CustomerId customerId, ContactChannel channel, CancellationToken cancellationToken = default)
    {
        var entity = await _outcomes.GetEntityIfExistsAsync<TableEntity>(SendKeys.SendPartition(tenantId, sendId), SendKeys.OutcomeRow(channel, customerId), cancellationToken: cancellationToken);
        return entity.HasValue ? SendEntityMapper.OutcomeFromEntity(sendId, entity.Value!) : null;
    }

    public async Task<IReadOnlyDictionary<CustomerId, RecipientOutcome>> GetOutcomesAsync(
        TenantId tenantId, SendId sendId, ContactChannel channel, IReadOnlyCollection<CustomerId> customers, CancellationToken cancellationToken = default)
    {
        // Point reads, a few at a time: an 'or' over row keys would make the service scan the send's whole partition.
        var found = new System.Collections.Concurrent.ConcurrentDictionary<CustomerId, RecipientOutcome>();
        await Parallel.ForEachAsync(customers.Distinct(), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (customer, ct) =>
        {
            if (await GetOutcomeAsync(tenantId, sendId, customer, channel, ct) is { } outcome) found[customer] = outcome;
        });
        return found;
    }

    public async Task<(bool Recorded, RecipientOutcome Current)> TryRecordAttemptAsync(TenantId tenantId, RecipientOutcome attempt, CancellationToken cancellationToken = default)
    {
        if (attempt.State != DeliveryState.Attempted) throw new ArgumentException("Only an Attempted row is recorded before the call.", nameof(attempt));
        var written = await _outcomes.AddIfAbsentAsync(SendEntityMapper.ToEntity(tenantId, attempt), cancellationToken);
        if (written.IsOk) return (true, attempt);
        var current = await GetOutcomeAsync(tenantId, attempt.SendId, attempt.CustomerId, attempt.Channel, cancellationToken);
        // Present a moment ago and gone now only if someone deleted the send's rows; then nothing may be sent.
        return (false, current ?? throw new InvalidOperationException($"The outcome row {DeliveryKeys.Of(attempt.SendId, attempt.CustomerId, attempt.Channel)} vanished."));
    }

    public Task SaveOutcomeAsync(TenantId tenantId, RecipientOutcome outcome, CancellationToken cancellationToken = default) =>
        _outcomes.UpsertEntityAsync(SendEntityMapper.ToEntity(tenantId, outcome), TableUpdateMode.Replace, cancellationToken);

    public async Task SaveOutcomesAsync(TenantId tenantId, SendId sendId, IEnumerable<RecipientOutcome> outcomes, CancellationToken cancellationToken = default)
    {
        // One transaction cannot touch a row twice: the last outcome of a (customer, channel) wins.
        var rows = new Dictionary<string, TableEntity>(StringComparer.Ordinal);
        foreach (var chunk in outcomes.Chunk(100))
        {
            rows.Clear();
            foreach (var outcome in chunk)
            {
                if (outcome.SendId != sendId) throw new ArgumentException($"An outcome of send {outcome.SendId} is not one of send {sendId}.", nameof(outcomes));
                var entity = SendEntityMapper.ToEntity(tenantId, outcome);
                rows[entity.RowKey] = entity;
            }

            await _outcomes.SubmitAsync(rows.Values.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)).ToList(), cancellationToken);
        }
    }

    public async Task<ItemPage<RecipientOutcome>> ListOutcomesAsync(
        TenantId tenantId, SendId sendId, DeliveryState? state, int pageSize, string? continuation, CancellationToken cancellationToken = default)
    {
        pageSize = Math.Clamp(pageSize, 1, 1000);
        var filter = Filter(tenantId, sendId, state);
        if (continuation is not null) filter += " and " + TableClient.CreateQueryFilter($"RowKey gt {DecodeCursor(continuation)}");
        var items = new List<RecipientOutcome>(pageSize);
        string? lastKey = null;
        await foreach (var e in _outcomes.QueryAsync<TableEntity>(filter, maxPerPage: pageSize + 1, cancellationToken: cancellationToken))
        {
            if (items.Count == pageSize) return new ItemPage<RecipientOutcome>(items, SegmentRepository.EncodeCursor(lastKey!));
            items.Add(SendEntityMapper.OutcomeFromEntity(sendId, e));
            lastKey = e.RowKey;
        }

        return new ItemPage<RecipientOutcome>(items, null);
    }

    public Task<OutcomeCounts> CountOutcomesAsync(TenantId tenantId, SendId sendId, CancellationToken cancellationToken = default) =>
        CountAsync(Filter(tenantId, sendId, null), cancellationToken);

    // The service filters: a 100,000-message send with every message sent answers one empty page.
    public Task<OutcomeCounts> CountUnsentAsync(TenantId tenantId, SendId sendId, CancellationToken cancellationToken = default) =>
        CountAsync(Keys.InPartition(SendKeys.SendPartition(tenantId, sendId)) + " and " + TableClient.CreateQueryFilter($"State ne {nameof(DeliveryState.Sent)}"), cancellationToken);

    private async Task<OutcomeCounts> CountAsync(string filter, CancellationToken cancellationToken)
    {
        int attempted = 0, sent = 0, failed = 0;
        await foreach (var e in _outcomes.QueryAsync<TableEntity>(filter, maxPerPage: 1000, select: ["State"], cancellationToken: cancellationToken))
        {
            switch (e.GetString("State"))
            {
                case nameof(DeliveryState.Sent): sent++; break;
                case nameof(DeliveryState.Failed): failed++; break;
                default: attempted++; break;
            }
        }

        return new OutcomeCounts(attempted, sent, failed);
    }

    public async IAsyncEnumerable<RecipientOutcome> StreamFailedAsync(TenantId tenantId, SendId sendId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var e in _outcomes.QueryAsync<TableEntity>(Filter(tenantId, sendId, DeliveryState.Failed), maxPerPage: 1000, cancellationToken: cancellationToken))
            yield return SendEntityMapper.OutcomeFromEntity(sendId, e);
    }

    private static string Filter(TenantId tenantId, SendId sendId, DeliveryState? state)
    {
        var filter = Keys.InPartition(SendKeys.SendPartition(tenantId, sendId));
        return state is { } s ? filter + " and " + TableClient.CreateQueryFilter($"State eq {s.ToString()}") : filter;
    }

    /// <summary>Outcome row keys are "{channel}_{customer id}"; anything else is not a token this listing gave.</summary>
    private static string DecodeCursor(string token)
    {
        var text = System.Text.Encoding.UTF8.GetString(FromBase64Url(token));
        var cut = text.IndexOf('_', StringComparison.Ordinal);
        if (cut > 0 && text[..cut] is "email" or "sms" && CustomerId.TryParse(text[(cut + 1)..], out var id) && id.Value == text[(cut + 1)..]) return text;
        throw new ArgumentException("The continuation token is not one this listing gave.", nameof(token));
    }

    private static byte[] FromBase64Url(string token)
    {
        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            return Convert.FromBase64String(base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '='));
        }
        catch (FormatException)
        {
            throw new ArgumentException("The continuation token is not one this listing gave.", nameof(token));
        }
    }
}
