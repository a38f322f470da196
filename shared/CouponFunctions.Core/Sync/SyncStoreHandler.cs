using System.Text.Json;
using CouponFunctions.Core.Alerts;
using CouponFunctions.Core.Common;
using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Performance;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Core.Tokens;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CouponFunctions.Core.Sync;

/// <summary>
/// Syncs one store: pages the platform, writes only what changed (batched, with history), marks coupons the platform no
/// longer returns as removed once the listing is complete, delivers stock-out alerts, rebuilds the store's read-model
/// segment and records the run. One sync per store at a time (a lease); a crash part-way leaves only whole coupons
/// written, which the next run finishes.
/// </summary>
public sealed class SyncStoreHandler(
    IStoreRepository stores,
    IPlatformConnectors connectors,
    ICouponRepository coupons,
    ISyncStateRepository states,
    IStoreReadModel readModel,
    StockOutAlerts alerts,
    RefreshStoreTokenHandler tokens,
    IOptions<SyncOptions> options,
    AdminLinks links,
    DayTotalsRecorder dayTotals,
    TimeProvider time,
    ILogger<SyncStoreHandler> logger)
{
    // Page writes of one store's run at once (see ListAsync).
    private const int WritesInFlight = 4;

    // Page writes of all the runs in this instance at once, the most urgent first (see SyncWriteGate).
    private const int InstanceWritesInFlight = 8;

    // Coupons a write of a run gathers before it starts (see ListAsync).
    private const int WriteBatch = 100;

    private readonly SyncOptions _options = options.Value;
    private readonly IStoreRepository _stores = stores;
    private readonly IPlatformConnectors _connectors = connectors;
    private readonly ICouponRepository _coupons = coupons;
    private readonly ISyncStateRepository _states = states;
    private readonly IStoreReadModel _readModel = readModel;
    private readonly StockOutAlerts _alerts = alerts;
    private readonly RefreshStoreTokenHandler _tokens = tokens;
    private readonly AdminLinks _links = links;
    private readonly DayTotalsRecorder _dayTotals = dayTotals;
    private readonly TimeProvider _time = time;
    private readonly SyncWriteGate _writeGate = new(InstanceWritesInFlight);
    private readonly SyncLastWave _lastWave = new();

    // A last-wave run waits this long at most for the platform's earlier runs (their listings may be long ones).
    private static readonly TimeSpan MaxLastWaveWait = TimeSpan.FromMinutes(2);

    public async Task<SyncRun> HandleAsync(SyncStoreMessage message, CancellationToken cancellationToken = default)
    {
        var tenantId = TenantId.Parse(message.TenantId);
        var storeId = StoreId.Parse(message.StoreId);
        var startedAt = _time.GetUtcNow();
        var runId = message.RunId is { Length: > 0 and <= 64 } given ? given : SyncStoreMessage.NewRunId(startedAt);
        SyncRun Skip(string note) => new(runId, tenantId, storeId, message.Reason, startedAt, startedAt, SyncRunStatus.Skipped, SyncCounts.Zero, null, note);

        // The store and its sync state are read at once; the lease is then taken from the state read (two round trips, not three).
        var readingStore = _stores.GetAsync(tenantId, storeId, cancellationToken);
        var readingState = _states.GetAsync(tenantId, storeId, cancellationToken);
        await Task.WhenAll(readingStore, readingState);
        var store = await readingStore;
        if (store is null) return Skip("The store no longer exists.");
        if (store.Status != StoreStatus.Active) return await RecordSkipAsync(Skip($"The store is {store.Status}."), cancellationToken);
        if (!store.IsConnected) return await RecordSkipAsync(Skip("The store is not connected to its platform yet."), cancellationToken);

        // A last-wave run takes its lease when its message arrives, before it waits for its turn: the store is its own from
        // then on (a "Sync now" meanwhile is served by it), and when its turn comes its first platform call waits on no
        // storage write (at the turn the stores ending beside it write their last batches).
        var until = startedAt + _options.LeaseDuration + (message.LastWave ? MaxLastWaveWait : TimeSpan.Zero);
        var lease = await _states.TryAcquireAsync(await readingState, tenantId, storeId, runId, until, startedAt, cancellationToken);
        if (lease is null)
        {
            // A "Sync now" (it has the run id the API gave out) finding a sync run under way is served by that run, which
            // started after the request: nothing to record. Anything else records the skip.
            if (message.RunId is not null && (await _states.GetAsync(tenantId, storeId, cancellationToken))?.LeaseOwner is { } owner && SyncState.IsSyncRun(owner))
                return Skip("Another sync of this store is running; it serves this request.");
            return await RecordSkipAsync(Skip("Another sync of this store is running."), cancellationToken);
        }
        if (message.Reason == SyncStoreMessage.Scheduled && lease.State.LastSuccessAt > startedAt - _options.MinimumGap)
        {
            var skipped = Skip("Synced moments ago.");
            await _states.CompleteAsync(lease, skipped, lease.State.CouponCount, cancellationToken);
            return skipped;
        }
        if (message.LastWave)
        {
            try
            {
                await WaitForLastWaveAsync(store.Platform, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // Stopping before its turn: nothing was written; free the store for the message's next try.
                await _states.ReleaseAsync(lease, CancellationToken.None);
                throw;
            }
            // The run starts once it is its turn: its record counts from here.
            startedAt = _time.GetUtcNow();
        }

        using var scope = logger.BeginScope(new Dictionary<string, object> { ["TenantId"] = tenantId.Value, ["StoreId"] = storeId.Value, ["SyncRunId"] = runId });
        if (lease.PreviousOwner is { } previous) await RecordAbandonedAsync(tenantId, storeId, previous, startedAt, cancellationToken);
        // The run's "running" record is written while the run starts listing (the lease, not the record, keeps other runs
        // out); the outcome replaces it only after it is written.
        var recordingStart = _states.RecordRunAsync(new SyncRun(runId, tenantId, storeId, message.Reason, startedAt, null, SyncRunStatus.Running, SyncCounts.Zero, null), cancellationToken);
        var run = new StoreRun(this, store, lease, runId, startedAt, message.LastWave);
        SyncRun outcome;
        try
        {
            outcome = await run.ExecuteAsync(message.Reason, cancellationToken);
        }
        catch (PlatformException e)
        {
            outcome = run.Failed(message.Reason, e.Error);
            logger.LogWarning("Sync of {Store} failed: {Error}", store, e.Error);
        }
        catch (Exception e)
        {
            // A surprise: record it and free the store for the retry the host will make, then let the host see it.
            var failed = run.Failed(message.Reason, new PlatformError(store.Platform, PlatformErrorKind.Transient, "unexpected", $"{e.GetType().Name}: {e.Message}"));
            await Task.WhenAny(recordingStart);
            await _states.RecordRunAsync(failed, CancellationToken.None);
            await _states.CompleteAsync(run.Lease, failed, run.CouponCount, CancellationToken.None);
            throw;
        }
        await recordingStart;
        await _states.RecordRunAsync(outcome, cancellationToken);
        await _states.CompleteAsync(run.Lease, outcome, run.CouponCount, cancellationToken);
        return outcome;
    }

    /// <summary>
    /// A run of its platform's last wave waits until fewer of the platform's other runs list in this instance than fill the
    /// platform's app limit (see <see cref="SyncLastWave"/>), two minutes at most.
    /// </summary>
    private async Task WaitForLastWaveAsync(Platform platform, CancellationToken cancellationToken)
    {
        if (_connectors.For(platform).Rate.ShopsToFillApp is not { } fill) return;
        try
        {
            await _lastWave.TurnAsync(platform, fill, cancellationToken).WaitAsync(MaxLastWaveWait, _time, cancellationToken);
        }
        catch (TimeoutException)
        {
            // The earlier runs list on: share the app limit with them rather than wait longer.
        }
    }

    /// <summary>A run whose lease ran out without completing died with its process: say so in its record.</summary>
    private async Task RecordAbandonedAsync(TenantId tenantId, StoreId storeId, string owner, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // The run's own record (a "Sync now" run id is made before the run starts, so its start is read, not parsed).
        var recorded = (await _states.ListRunsAsync(tenantId, storeId, 20, cancellationToken)).FirstOrDefault(r => r.RunId == owner);
        DateTimeOffset started;
        if (recorded is not null) started = recorded.StartedAt;
        else if (!DateTimeOffset.TryParseExact(owner.Split('-')[0], "yyyyMMddHHmmssfff", System.Globalization.CultureInfo.InvariantCulture,
                System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal, out started)) return;
        await _states.RecordRunAsync(new SyncRun(owner, tenantId, storeId, "unknown", started, now, SyncRunStatus.Failed, SyncCounts.Zero,
            new SyncFailure("abandoned", "The run stopped before it finished (the process ended or timed out); this run took over.", null, null, null, null)), cancellationToken);
    }

    private async Task<SyncRun> RecordSkipAsync(SyncRun run, CancellationToken cancellationToken)
    {
        await _states.RecordRunAsync(run, cancellationToken);
        return run;
    }

    /// <summary>The state of one run: the lease (renewed as pages arrive), the store (its token may be refreshed) and counts.</summary>
    private sealed class StoreRun(SyncStoreHandler owner, Store store, SyncLease lease, string runId, DateTimeOffset startedAt, bool lastWave)
    {
        private int _fetched, _created, _updated, _unchanged, _removed, _alertsRaised;
        private CouponDetailReader? _details;
        // Whether the run waits on storage (its writes go first at the instance's write gate): its listing waits for one
        // of its writes to finish, or the listing is over and only writes are left.
        private volatile bool _listingWaitsOnWrites;
        private volatile bool _listingOver;
        private readonly DayTotalsRecorder.RunDay _day = new();
        private SyncWriteGate.RunWrites? _writes;

        public SyncLease Lease { get; private set; } = lease;

        public int CouponCount { get; private set; } = lease.State.CouponCount;

        public async Task<SyncRun> ExecuteAsync(string reason, CancellationToken cancellationToken)
        {
            // A store's first attempt has nothing stored yet (only a run holding its lease writes coupon rows): nothing to read
            // back. Every read here is a query of a table, and Azurite answers each by scanning the whole table.
            var stored = Lease.FirstAttempt
                ? new Dictionary<string, StoredCoupon>(StringComparer.Ordinal)
                : await owner._coupons.LoadStoreAsync(store.TenantId, store.Id, cancellationToken);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            try
            {
                await ListAsync(stored, seen, cancellationToken);
            }
            catch (PlatformException e) when (e.Error.Kind == PlatformErrorKind.Unauthorized && _fetched == 0)
            {
                // The token lapsed (the refresh timer missed it): refresh once, holding our lease, and start again.
                if (await owner._tokens.RefreshAsync(store, cancellationToken) != RefreshOutcome.Refreshed) throw;
                store = await owner._stores.GetAsync(store.TenantId, store.Id, cancellationToken) ?? store;
                seen.Clear();
                await ListAsync(stored, seen, cancellationToken);
            }

            // Only a complete listing may conclude that a coupon is gone.
            var now = owner._time.GetUtcNow();
            var removals = stored.Values.Where(c => !c.IsRemoved && !seen.Contains(c.Id)).Select(c => SyncPlanner.Remove(c, now)).ToList();
            await ApplyAsync(stored, removals, cancellationToken);
            _removed = removals.Count;
            _alertsRaised += removals.Count(r => r.Alert is not null);
            CouponCount = stored.Values.Count(c => !c.IsRemoved);

            // Rebuild the segment after changes, and after a run that did not finish (it may have written without rebuilding).
            // The day's totals once per run, and again after a run that did not finish (it may have written coupons without
            // them). The two are independent: written at once.
            var segment = _created + _updated + _removed > 0 || Lease.State.LastStatus != SyncRunStatus.Succeeded || Lease.AfterUnfinishedRun
                ? owner._readModel.WriteCouponsAsync(store, stored.Values, now, cancellationToken)
                : Task.CompletedTask;
            var totals = owner._dayTotals.SaveTotalsAsync(store, stored.Values, _day, Lease.AfterUnfinishedRun, now, cancellationToken);
            await Task.WhenAll(segment, totals);
            // Pending alerts are written only with the coupon changes of a run, which delivers them before it succeeds: there
            // are some to deliver when this run raised one, or when an earlier run stopped before delivering its own.
            if (_alertsRaised > 0 || Lease.AfterUnfinishedRun)
                await owner._alerts.DeliverPendingAsync(store, owner._links.AdminBaseUrl, cancellationToken);
            return new SyncRun(runId, store.TenantId, store.Id, reason, startedAt, owner._time.GetUtcNow(), SyncRunStatus.Succeeded, Counts(), null, _details?.Note);
        }

        public SyncRun Failed(string reason, PlatformError error) => new(
            runId, store.TenantId, store.Id, reason, startedAt, owner._time.GetUtcNow(), SyncRunStatus.Failed, Counts(),
            new SyncFailure(JsonNamingPolicy.CamelCase.ConvertName(error.Kind.ToString()), error.Message, error.Code, error.HttpStatus, error.RequestId, error.RequestUrl));

        private SyncCounts Counts() => new(_fetched, _created, _updated, _unchanged, _removed, _details?.Reads ?? 0);

        private async Task ListAsync(Dictionary<string, StoredCoupon> stored, HashSet<string> seen, CancellationToken cancellationToken)
        {
            var connector = owner._connectors.For(store.Platform);
            var connection = store.ToConnection();
            await using var details = _details = new CouponDetailReader(connector, connection, owner._options, cancellationToken);
            // A page's rows are written while the next pages are listed and read, so a store's sync is paced by its
            // platform's limits rather than by its calls and its writes one after the other. A few pages' writes at once:
            // the pages' coupons are distinct, so their writes are independent. Pages are written 100 coupons at a time
            // (two pages of 50): a table batch holds 100 rows, and half the batches is half the requests storage answers.
            // Each write takes its turn at the instance's write gate, which serves runs waiting on storage first.
            // The listing runs a page ahead: the next page is listed, and its details read, while this one is planned.
            var writing = new Queue<Task>();
            var pending = new List<CouponWrite>();
            _listingOver = false;
            async Task FlushAsync()
            {
                // Taken before anything can fail: a batch is handed over once, never planned twice against coupons it moved.
                var batch = pending;
                pending = [];
                while (writing.Count >= WritesInFlight)
                {
                    _listingWaitsOnWrites = true;
                    await writing.Dequeue();
                }
                _listingWaitsOnWrites = false;
                writing.Enqueue(ApplyAsync(stored, batch, cancellationToken));
            }
            void Plan((List<Coupon> Complete, List<string> Gone) page, DateTimeOffset now)
            {
                // Gone between the listing and the detail read: not seen, so a complete run marks it removed.
                seen.ExceptWith(page.Gone);
                var day = DayTotalsRecorder.StoreDay(store, now);
                foreach (var coupon in page.Complete)
                {
                    _fetched++;
                    var write = SyncPlanner.Plan(stored.GetValueOrDefault(coupon.PlatformCouponId), coupon, now, day);
                    if (write is null)
                    {
                        _unchanged++;
                        continue;
                    }
                    if (write.Kind == CouponWriteKind.Created) _created++;
                    else _updated++;
                    if (write.Alert is not null) _alertsRaised++;
                    pending.Add(write);
                }
            }
            (Task<(List<Coupon>, List<string>)> Reading, DateTimeOffset Now)? ahead = null;
            // A run outside its platform's last wave counts as listing until its listing is over (the last wave waits on it).
            var counted = !lastWave;
            if (counted) owner._lastWave.StartListing(store.Platform);
            void ListingOver()
            {
                _listingOver = true;
                if (counted) owner._lastWave.Listed(store.Platform);
                counted = false;
            }
            try
            {
                await foreach (var page in connector.ListCouponsAsync(connection, cancellationToken))
                {
                    var now = owner._time.GetUtcNow();
                    var fresh = page.Where(c => seen.Add(c.PlatformCouponId)).ToList();
                    var reading = details.CompleteAsync(fresh, stored, now);
                    if (ahead is { } listed)
                    {
                        ahead = null;
                        Plan(await listed.Reading, listed.Now);
                        if (pending.Count >= WriteBatch) await FlushAsync();
                        await RenewLeaseAsync(listed.Now, cancellationToken);
                    }
                    ahead = (reading, now);
                }
                if (ahead is { } last)
                {
                    ahead = null;
                    Plan(await last.Reading, last.Now);
                }
                // No platform call is left, only writes: the last wave need not wait for a write place to free.
                ListingOver();
                if (pending.Count > 0) await FlushAsync();
            }
            catch
            {
                ListingOver();
                // The listing stopped: what it listed and read (the page read ahead too, once its reads are back) and had not
                // handed to a write yet is written, the writes under way finish (whole coupons), and the listing's fault is
                // the one reported.
                if (ahead is { } unplanned)
                {
                    await Task.WhenAny(unplanned.Reading);
                    if (unplanned.Reading.IsCompletedSuccessfully) Plan(await unplanned.Reading, unplanned.Now);
                }
                if (pending.Count > 0) await Task.WhenAny(FlushAsync());
                await Task.WhenAny(Task.WhenAll(writing));
                throw;
            }
            await Task.WhenAll(writing);
        }

        /// <summary>
        /// Moves the run's copy of the coupons on at once (the next page plans against it, in page order), notes the figures
        /// the page moved for the day's totals, and returns the write of the page's coupons.
        /// </summary>
        private Task ApplyAsync(Dictionary<string, StoredCoupon> stored, List<CouponWrite> writes, CancellationToken cancellationToken)
        {
            if (writes.Count == 0) return Task.CompletedTask;
            var before = new Dictionary<string, StoredCoupon>(writes.Count, StringComparer.Ordinal);
            foreach (var write in writes)
            {
                if (stored.TryGetValue(write.Next.Id, out var known)) before[write.Next.Id] = known;
                stored[write.Next.Id] = write.Next;
            }
            owner._dayTotals.Track(store, before, writes, _day, cancellationToken);
            return (_writes ??= owner._writeGate.For(() => _listingOver || _listingWaitsOnWrites)).RunAsync(
                () => owner._coupons.ApplyAsync(store.TenantId, store.Id, runId, startedAt, writes, cancellationToken), cancellationToken);
        }

        private async Task RenewLeaseAsync(DateTimeOffset now, CancellationToken cancellationToken)
        {
            if (Lease.Until - now > owner._options.LeaseDuration / 2) return;
            Lease = await owner._states.RenewAsync(Lease, now + owner._options.LeaseDuration, cancellationToken)
                ?? throw new InvalidOperationException($"The sync lease of {store} was lost; another run took over.");
        }
    }
}
