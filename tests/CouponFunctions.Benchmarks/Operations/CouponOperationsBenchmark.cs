using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Azure.Storage.Queues;
using CouponFunctions.Benchmarks.Infrastructure;
using CouponFunctions.Benchmarks.Platforms;
using CouponFunctions.Core.Inspections;
using CouponFunctions.Core.Common;
using CouponFunctions.Core.Inspections.Runs;
using CouponFunctions.Core.Rules;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Sync;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Sandbox.Common;
using CouponFunctions.Storage;
using CouponFunctions.Storage.Queues;
using CouponFunctions.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CouponFunctions.Benchmarks.Operations;

/// <summary>
/// Issue 4's figures in one run over one data set: (B1) a full sync of 100 stores × 1,000 coupons through the sandboxes
/// under QPS limits, against the least time those limits allow, and the entity writes of an immediate re-sync; (B4) a
/// filtered, sorted list page over the 100,000 coupons through the API, beside the same filter as a direct Table query;
/// (B5) inspection of the 100,000 coupons. The app is the built worker under the local Functions host (see
/// <see cref="AppUnderHost"/>): the SyncCoupons timer fires on its schedule, SyncStore and InspectTenant take their
/// messages from the real queues, the API answers over HTTP through the host.
/// </summary>
internal sealed class CouponOperationsBenchmark : IBenchmark
{
    private static readonly Platform[] AllPlatforms = FleetUnderHost.AllPlatforms;
    private const string ListQuery = "status=ongoing&platform=shopee,lazada&sort=endTime&pageSize=50";

    public string Name => "operations";

    public string Description =>
        "B1 full sync of 100 stores x 1,000 coupons under QPS limits (target <= 1.1 x the limits' bound; 0 writes on re-sync), " +
        "B4 list page over 100,000 coupons (p95 <= 100 ms, >= 10x a direct Table query), B5 inspection of 100,000 coupons (< 1 s)";

    public async Task<BenchmarkReport> RunAsync(BenchmarkContext context)
    {
        var setup = OperationsSetup.FromEnvironment();
        var ct = context.CancellationToken;
        var report = new BenchmarkReport(Name, Description);
        await using var run = await FleetUnderHost.StartAsync(context, setup.Fleet, settings =>
        {
            // The timer spreads each platform's stores over this window; the benchmark measures syncs, not the wait.
            settings["Sync:SpreadWindow"] = "00:00:00";
            // The immediate re-sync must not be skipped as "synced moments ago": that is what it measures.
            settings["Sync:MinimumGap"] = "00:00:00";
            settings["Sync:Interval"] = "00:00:00.001";
            // B4 measures the list as deployed: an instance trusts a checked API key for Auth:KeyCacheSeconds (30 in
            // local.settings.sample.json and infra/, as round one's benchmark ran). The tests turn the cache off to see a
            // revocation at once, which costs every request a key read.
            settings["Auth:KeyCacheSeconds"] = "30";
            // Up to Concurrency sync messages in flight in the one worker: the host fetches a new batch of batchSize when
            // no more than newBatchThreshold are running (batchSize + newBatchThreshold at most). One message at a time,
            // fetched as soon as a place is free, keeps the worker at its limit: 16 + 16 averaged 21 of 32 in flight, and
            // 12 + 36 and 4 + 44 left places idle for 11-14 s while fewer than a batch were free (the last store of each
            // platform then started late and ran alone at its shop limit). With the queue on its own Azurite process a
            // receive does not wait behind table batches, and 48 receives one after another fill the worker in about 1 s.
            settings["AzureFunctionsJobHost:extensions:queues:batchSize"] = "1";
            settings["AzureFunctionsJobHost:extensions:queues:newBatchThreshold"] = (setup.Concurrency - 1).ToString(CultureInfo.InvariantCulture);
        });
        var (sandboxes, app, tenant, adminKey, fleet) = (run.Sandboxes, run.App, run.Tenant, run.AdminKey, run.Stores.ToList());

        await SyncFigures(context, setup, app, tenant, fleet, sandboxes, run.Azurite.ProcessIds, report, ct);
        await ListFigures(context, setup, app, tenant, adminKey, report, ct);
        await InspectFigures(context, app, tenant, adminKey, fleet, report, ct);
        return report;
    }

    private static async Task SyncFigures(BenchmarkContext context, OperationsSetup setup, AppUnderHost app, TenantId tenant, List<FleetStore> fleet,
        SandboxHost sandboxes, IReadOnlyList<int> azurite, BenchmarkReport report, CancellationToken ct)
    {
        context.Progress($"B1: the SyncCoupons timer under the local host, up to {setup.Concurrency} sync messages in flight ...");
        var peakBefore = Process.GetCurrentProcess().PeakWorkingSet64;
        var timeline = new SyncTimeline(sandboxes, azurite, context.Time);
        var full = await SyncAllAsync(context, app, tenant, fleet, timeline, ct);
        var calls = sandboxes.Parts().ToDictionary(s => s.Platform, s => s.Stats.Calls);
        var throttled = sandboxes.Parts().Sum(s => s.Stats.Throttled);
        var runs = await LatestRunsAsync(app, tenant, fleet, ct);
        var bound = AllPlatforms.Max(p =>
        {
            var limits = setup.Fleet.For(p);
            return Math.Max(calls[p] / limits.AppQps, calls[p] / (double)setup.Fleet.StoresPerPlatform / limits.ShopQps);
        });
        using var process = Process.GetCurrentProcess();
        report.Add("b1.stores", "B1 stores synced", fleet.Count)
            .Add("b1.coupons", "B1 coupons created", runs.Sum(r => r.Counts.Created))
            .Add("b1.calls", "B1 platform calls", calls.Values.Sum());
        foreach (var platform in AllPlatforms)
            report.Add($"b1.calls.{platform.ToWire()}", $"B1 platform calls, {platform.ToWire()}", calls[platform]);
        report.Add("b1.detailReads", "B1 coupon detail reads (Shopee get_voucher, Lazada voucher products)", runs.Sum(r => r.Counts.DetailReads))
            .Add("b1.throttled", "B1 throttle errors seen by the sandboxes", throttled)
            .Add("b1.elapsed", "B1 full sync elapsed", full.TotalSeconds, "s", "0.00")
            .Add("b1.bound", "B1 rate-limit bound (least time the limits allow)", bound, "s", "0.00")
            .Add("b1.ratio", "B1 elapsed / bound", full.TotalSeconds / bound, "", "0.000")
            .Add("b1.peak", "B1 peak working set of this process (sandboxes; the app runs in the host's worker)", process.PeakWorkingSet64 / 1048576.0, "MB", "N0");
        if (WorkerPeakMb(app.Host) is { } workerPeak) report.Add("b1.peak.worker", "B1 peak working set of the host and its worker", workerPeak, "MB", "N0");
        AddWhereTimeWent(report, setup, fleet, runs, calls, full);
        timeline.AddTo(report, "b1", "B1");
        report.Check("every store synced", runs.Count == fleet.Count && runs.All(r => r.Status == SyncRunStatus.Succeeded),
            $"{runs.Count(r => r.Status == SyncRunStatus.Succeeded)} of {fleet.Count} succeeded");
        report.Check("every coupon stored once", runs.Sum(r => r.Counts.Created) == fleet.Count * setup.Fleet.CouponsPerStore,
            $"{runs.Sum(r => r.Counts.Created):N0} created");
        report.Expect("full sync within 1.1x the rate-limit bound", full.TotalSeconds / bound <= 1.1, $"{full.TotalSeconds / bound:0.000}");

        context.Progress("B1: immediate re-sync without changes ...");
        foreach (var part in sandboxes.Parts()) part.Stats.Reset();
        var resync = new SyncTimeline(sandboxes, azurite, context.Time);
        var again = await SyncAllAsync(context, app, tenant, fleet, resync, ct);
        var rerun = await LatestRunsAsync(app, tenant, fleet, ct);
        var writes = rerun.Sum(r => r.Counts.Written);
        var recalls = sandboxes.Parts().ToDictionary(s => s.Platform, s => s.Stats.Calls);
        report.Add("b1.resync.calls", "B1 re-sync platform calls", recalls.Values.Sum());
        foreach (var platform in AllPlatforms)
            report.Add($"b1.resync.calls.{platform.ToWire()}", $"B1 re-sync platform calls, {platform.ToWire()}", recalls[platform]);
        report.Add("b1.resync.detailReads", "B1 re-sync coupon detail reads (upcoming coupons are re-read every sync)", rerun.Sum(r => r.Counts.DetailReads))
            .Add("b1.resync.elapsed", "B1 re-sync elapsed", again.TotalSeconds, "s", "0.00")
            .Add("b1.resync.writes", "B1 re-sync coupon entity writes", writes)
            .Add("b1.resync.unchanged", "B1 re-sync coupons seen unchanged", rerun.Sum(r => r.Counts.Unchanged));
        resync.AddTo(report, "b1.resync", "B1 re-sync");
        report.Expect("re-sync without changes writes no coupon entity", writes == 0, $"{writes} writes");
        report.Details["b1.peakBeforeSyncMb"] = peakBefore / 1048576.0;
    }

    private static async Task ListFigures(BenchmarkContext context, OperationsSetup setup, AppUnderHost app, TenantId tenant, string adminKey, BenchmarkReport report, CancellationToken ct)
    {
        context.Progress($"B4: {setup.ListRequests} list pages through the API (HTTP through the local host to the worker) ...");
        using var api = Api(app, adminKey);
        var first = JsonNode.Parse(await api.GetStringAsync($"api/coupons?{ListQuery}", ct))!;
        var matched = first["totalMatched"]!.GetValue<int>();
        var samples = new List<TimeSpan>();
        // The worker's own share of each call (its Server-Timing header), and the rest: the host, the bridge, the network.
        var inWorker = new List<TimeSpan>();
        var outside = new List<TimeSpan>();
        // The worker's named spans (auth, rows, stores, query, storage) and the storage requests of each call.
        var spans = new Dictionary<string, List<TimeSpan>>(StringComparer.Ordinal);
        var storageCalls = new List<int>();
        for (var i = 0; i < setup.ListRequests; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await api.GetAsync($"api/coupons?{ListQuery}", ct);
            await response.Content.ReadAsByteArrayAsync(ct);
            samples.Add(watch.Elapsed);
            var timing = ServerTimingMetrics.Of(response);
            if (timing.TryGetValue("app", out var share))
            {
                inWorker.Add(share.Duration);
                outside.Add(watch.Elapsed - share.Duration);
            }
            foreach (var (name, metric) in timing.Where(m => m.Key != "app"))
            {
                if (!spans.TryGetValue(name, out var list)) spans[name] = list = [];
                list.Add(metric.Duration);
            }
            storageCalls.Add(timing.TryGetValue("storage", out var storage) ? storage.Count : 0);
        }

        context.Progress($"B4: the same filter as a direct Table Storage query, {setup.DirectQueries} times ...");
        var table = app.Services.GetRequiredService<TableServiceClient>().GetTableClient(TableNames.Coupons);
        // Every store partition of the tenant ("{tenant}_..."), coupon rows ("c_..."), the list's filter.
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey ge {tenant.Value + "_"} and PartitionKey lt {tenant.Value + "`"} and RowKey ge {"c_"} and RowKey lt {"c`"} and Status eq {"ongoing"} and (Platform eq {"shopee"} or Platform eq {"lazada"})");
        var direct = new List<TimeSpan>();
        var directMatched = 0;
        for (var i = 0; i < setup.DirectQueries; i++)
        {
            var watch = Stopwatch.StartNew();
            var rows = new List<TableEntity>();
            await foreach (var e in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey", "Name", "ValidTo", "Remaining", "Status", "Platform"], cancellationToken: ct)) rows.Add(e);
            var page = rows.OrderBy(e => e.GetDateTimeOffset("ValidTo")).ThenBy(e => e.PartitionKey, StringComparer.Ordinal).ThenBy(e => e.RowKey, StringComparer.Ordinal).Take(50).ToList();
            direct.Add(watch.Elapsed);
            directMatched = rows.Count;
            GC.KeepAlive(page);
        }

        var p50 = Percentiles.Of(samples, 50);
        var p95 = Percentiles.Of(samples, 95);
        var directP50 = Percentiles.Of(direct, 50);
        report.AddText("b4.query", "B4 query", $"GET /api/coupons?{ListQuery}")
            .Add("b4.matched", "B4 coupons matching (of all)", matched)
            .Add("b4.p50", "B4 list page p50", p50, "ms", "0.0")
            .Add("b4.p95", "B4 list page p95", p95, "ms", "0.0")
            .Add("b4.max", "B4 list page max", Percentiles.Of(samples, 100), "ms", "0.0");
        if (inWorker.Count > 0)
        {
            report.Add("b4.worker.p50", "B4 of which in the worker's function pipeline (Server-Timing) p50", Percentiles.Of(inWorker, 50), "ms", "0.0")
                .Add("b4.worker.p95", "B4 of which in the worker's function pipeline (Server-Timing) p95", Percentiles.Of(inWorker, 95), "ms", "0.0")
                .Add("b4.outside.p50", "B4 the rest (host, bridge, worker's HTTP server, network) p50", Percentiles.Of(outside, 50), "ms", "0.0")
                .Add("b4.outside.p95", "B4 the rest (host, bridge, worker's HTTP server, network) p95", Percentiles.Of(outside, 95), "ms", "0.0");
            foreach (var (name, list) in spans.OrderBy(s => s.Key, StringComparer.Ordinal))
            {
                report.Add($"b4.span.{name}.p50", $"B4 worker span '{name}' p50 (of calls that had it: {list.Count})", Percentiles.Of(list, 50), "ms", "0.0")
                    .Add($"b4.span.{name}.p95", $"B4 worker span '{name}' p95", Percentiles.Of(list, 95), "ms", "0.0");
            }
            report.Add("b4.storageRequests", "B4 storage requests per list call (mean; from Server-Timing)", storageCalls.Average(), "", "0.00")
                .Add("b4.storageRequests.max", "B4 storage requests per list call (max)", storageCalls.Max());
        }
        report
            .Add("b4.direct.p50", "B4 direct Table query p50", directP50, "ms", "0")
            .Add("b4.direct.p95", "B4 direct Table query p95", Percentiles.Of(direct, 95), "ms", "0")
            .Add("b4.speedup", "B4 direct p50 / list page p95", directP50 / p95, "x", "0.0");
        report.Check("the list and the direct query find the same coupons", matched == directMatched, $"{matched:N0} vs {directMatched:N0}");
        report.Expect("list page p95 <= 100 ms", p95 <= 100, $"{p95:0.0} ms");
        report.Expect("list page at least 10x faster than the direct query", directP50 / p95 >= 10, $"{directP50 / p95:0.0}x");
    }

    private static async Task InspectFigures(BenchmarkContext context, AppUnderHost app, TenantId tenant, string adminKey, List<FleetStore> fleet, BenchmarkReport report, CancellationToken ct)
    {
        context.Progress("B5: inspecting every coupon ...");
        var coupons = app.Services.GetRequiredService<ICouponRepository>();
        var stores = await app.Services.GetRequiredService<IStoreRepository>().ListAsync(tenant, ct);
        var states = (await app.Services.GetRequiredService<ISyncStateRepository>().ListAsync(tenant, ct)).ToDictionary(s => s.StoreId);
        var now = context.Time.GetUtcNow();
        var inputs = new List<StoreInspectionInput>();
        foreach (var store in stores)
        {
            var live = (await coupons.LoadStoreAsync(tenant, store.Id, ct)).Values.Where(c => !c.IsRemoved).Select(c => c.Coupon).ToList();
            inputs.Add(new StoreInspectionInput(store, live, states[store.Id].ToHealth(), now));
        }
        var inspector = new CouponInspector(CouponRuleInspector.Default);
        var timings = new List<TimeSpan>();
        var findings = 0;
        for (var round = 0; round < 5; round++)
        {
            var watch = Stopwatch.StartNew();
            findings = inputs.Sum(i => inspector.Inspect(i, InspectionSettings.Default).Count);
            timings.Add(watch.Elapsed);
        }

        context.Progress("B5: the InspectTenant function end to end through its queue (load from tables, inspect, store findings, digest) ...");
        using var api = Api(app, adminKey);
        using (var put = await api.PutAsJsonAsync("api/settings/alerts", new { recipients = new[] { "ops@example.com" } }, ct)) put.EnsureSuccessStatusCode();
        var queue = app.Services.GetRequiredService<QueueServiceClient>().GetQueueClient(QueueNames.InspectTenant);
        await queue.CreateIfNotExistsAsync(cancellationToken: ct);
        var endToEnd = Stopwatch.StartNew();
        await queue.SendMessageAsync(JsonSerializer.Serialize(new InspectTenantMessage(tenant.Value, now, fleet.Select(f => f.Key).ToList()), MessageJson.Options), ct);
        var digested = await Eventually.TrueAsync(async () => await DigestsAsync(api, ct) > 0, seconds: 600);
        endToEnd.Stop();

        var best = timings.Min().TotalMilliseconds;
        report.Add("b5.coupons", "B5 coupons inspected", inputs.Sum(i => i.Coupons.Count))
            .Add("b5.findings", "B5 findings", findings)
            .Add("b5.best", "B5 inspection of every coupon, best of 5", best, "ms", "0.0")
            .Add("b5.median", "B5 inspection of every coupon, median of 5", Percentiles.Of(timings, 50), "ms", "0.0")
            .Add("b5.function", "B5 InspectTenant end to end (message queued to digest in the outbox: queue pickup, tables in, findings and digest out)", endToEnd.Elapsed.TotalSeconds, "s", "0.00");
        report.Check("InspectTenant succeeded", digested, digested ? "digest sent" : "no digest within 10 minutes");
        report.Expect("inspection of every coupon under 1 s", Percentiles.Of(timings, 50) < 1000, $"{Percentiles.Of(timings, 50):0.0} ms");
    }

    /// <summary>
    /// Where the full sync's time went, from the runs the worker recorded: how many syncs were in flight on average (the
    /// host fetches a new batch of sync messages only when few enough are running), when each platform's last store
    /// finished, and how long one store's sync took beside the least its shop limit allows.
    /// </summary>
    private static void AddWhereTimeWent(BenchmarkReport report, OperationsSetup setup, List<FleetStore> fleet, List<SyncRun> runs,
        Dictionary<Platform, long> calls, TimeSpan elapsed)
    {
        if (runs.Count == 0 || runs.Any(r => r.EndedAt is null)) return;
        var start = runs.Min(r => r.StartedAt);
        var busy = runs.Sum(r => (r.EndedAt!.Value - r.StartedAt).TotalSeconds);
        report.Add("b1.inFlight", "B1 syncs in flight on average (run time of all stores / elapsed)", busy / elapsed.TotalSeconds, "", "0.0");
        var platformOf = fleet.ToDictionary(f => f.Key, f => f.Platform);
        foreach (var platform in AllPlatforms)
        {
            var own = runs.Where(r => platformOf.GetValueOrDefault(r.StoreId.Value) == platform).ToList();
            if (own.Count == 0) continue;
            var durations = own.Select(r => r.EndedAt!.Value - r.StartedAt).ToList();
            var shopBound = calls[platform] / (double)own.Count / setup.Fleet.For(platform).ShopQps;
            report.Add($"b1.done.{platform.ToWire()}", $"B1 {platform.ToWire()}: last store done after", (own.Max(r => r.EndedAt!.Value) - start).TotalSeconds, "s", "0.0")
                .Add($"b1.store.{platform.ToWire()}", $"B1 {platform.ToWire()}: one store's sync p50 / its shop-limit bound",
                    Percentiles.Of(durations, 50) / 1000 / shopBound, "x", "0.00");
            // When its stores started and how long each took, in whole seconds from the first start: "start+seconds" each.
            var starts = own.OrderBy(r => r.StartedAt).Select(r => FormattableString.Invariant(
                $"{(r.StartedAt - start).TotalSeconds:0}+{(r.EndedAt!.Value - r.StartedAt).TotalSeconds:0}"));
            report.AddText($"b1.starts.{platform.ToWire()}", $"B1 {platform.ToWire()}: each store's start and sync time (s)", string.Join(' ', starts));
        }
    }

    /// <summary>
    /// The product's path: the host fires the SyncCoupons timer once at the instant it was set for, the timer plans a
    /// sync-store message per store and the host runs them through SyncStore. Measured from that instant until the last
    /// store's run ended (as recorded by the worker), once every store has a finished run from after it.
    /// </summary>
    private static async Task<TimeSpan> SyncAllAsync(BenchmarkContext context, AppUnderHost app, TenantId tenant, List<FleetStore> fleet,
        SyncTimeline timeline, CancellationToken ct)
    {
        var due = await app.StartWithSyncTimerAsync(ct);
        context.Progress($"  the SyncCoupons timer is due at {due:HH:mm:ss} UTC");
        timeline.Start(due, app.Host.ProcessId);
        // Watch the stores' sync state rows (one query of the tenant's partition) rather than every store's run log: the
        // watcher shares Azurite with the app, and 100 run-log queries every 100 ms were about 1,000 requests a second
        // taken from the syncs it measures. The elapsed time comes from the runs' own records, read once at the end.
        var states = app.Services.GetRequiredService<ISyncStateRepository>();
        var finished = 0;
        // Once a second: the end comes from the runs' records, and each poll is a query Azurite answers beside the syncs.
        var watch = Stopwatch.StartNew();
        bool done;
        while (true)
        {
            finished = (await states.ListAsync(tenant, ct)).Count(s => s.LastAttemptAt >= due && s.LeaseOwner is null);
            done = finished == fleet.Count;
            if (done || watch.Elapsed > TimeSpan.FromHours(1)) break;
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
        }
        await timeline.StopAsync();
        if (!done)
            throw new InvalidOperationException($"{finished} of {fleet.Count} stores synced after the timer. Host output:\n{StoreSyncs.Tail(app.Host.Output)}");
        var runs = await LatestRunsAsync(app, tenant, fleet, ct);
        if (runs.Count != fleet.Count || runs.Any(r => r.StartedAt < due || r.EndedAt is null))
            throw new InvalidOperationException($"The stores' sync states say done, but {runs.Count(r => r.StartedAt >= due && r.EndedAt is not null)} of {fleet.Count} runs are recorded as ended.");
        return runs.Max(r => r.EndedAt!.Value) - due;
    }

    private static HttpClient Api(AppUnderHost app, string adminKey)
    {
        var api = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = app.Address, Timeout = TimeSpan.FromMinutes(5) };
        api.DefaultRequestHeaders.Add("X-Api-Key", adminKey);
        api.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return api;
    }

    private static async Task<int> DigestsAsync(HttpClient api, CancellationToken ct)
    {
        var outbox = JsonNode.Parse(await api.GetStringAsync("api/outbox", ct))!;
        return outbox["items"]!.AsArray().Count(n => n!["kind"]!.GetValue<string>() == "inspection.digest");
    }

    /// <summary>The peak resident set (VmHWM) of the host and its worker, from /proc; null where there is none.</summary>
    private static double? WorkerPeakMb(LocalFunctionHost host)
    {
        if (host.ProcessId is not { } pid || !File.Exists($"/proc/{pid}/status")) return null;
        long kb = 0;
        foreach (var id in ProcessCpu.TreeOf(pid))
        {
            var line = File.Exists($"/proc/{id}/status") ? File.ReadLines($"/proc/{id}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal)) : null;
            if (line is not null) kb += long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        }
        return kb / 1024.0;
    }

    private static async Task<List<SyncRun>> LatestRunsAsync(AppUnderHost app, TenantId tenant, List<FleetStore> fleet, CancellationToken ct)
    {
        var states = app.Services.GetRequiredService<ISyncStateRepository>();
        var runs = await Task.WhenAll(fleet.Select(f => states.ListRunsAsync(tenant, StoreId.Parse(f.Key), 1, ct)));
        // A store without a run yet has none to show.
        return runs.Select(r => r.FirstOrDefault()).OfType<SyncRun>().ToList();
    }
}
