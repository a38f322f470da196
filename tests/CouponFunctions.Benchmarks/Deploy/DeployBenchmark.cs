using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using CouponFunctions.Benchmarks.Infrastructure;
using CouponFunctions.Benchmarks.Operations;
using CouponFunctions.Benchmarks.Platforms;
using CouponFunctions.Core.Jobs;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Sync;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Sandbox.Common;
using CouponFunctions.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CouponFunctions.Benchmarks.Deploy;

/// <summary>
/// Issue 9's figures: (B8) renew 10,000 coupons across 100 stores and (B7) deploy one template to the same 100 stores,
/// both through the API and the Durable orchestrations of the built worker under the local Functions host (see
/// <see cref="AppUnderHost"/>), the connectors and the sandboxes under the same QPS limits. Each job's elapsed time (the
/// POST to the job's recorded finish) is set against the least time the limits allow for the calls it made
/// (<see cref="RateBound"/>). B8 runs first, while the list holds exactly the seeded coupons.
/// </summary>
internal sealed class DeployBenchmark : IBenchmark
{
    private static readonly Platform[] AllPlatforms = FleetUnderHost.AllPlatforms;

    public string Name => "deploy";

    public string Description =>
        "B7 deploy one template to 100 stores under QPS limits, B8 renew 10,000 coupons across 100 stores " +
        "(each <= 1.3 x the limits' bound; B8 peak worker memory, orchestration history not growing with coupons)";

    public async Task<BenchmarkReport> RunAsync(BenchmarkContext context)
    {
        var setup = DeploySetup.FromEnvironment();
        var ct = context.CancellationToken;
        var report = new BenchmarkReport(Name, Description);
        await using var run = await FleetUnderHost.StartAsync(context, setup.Fleet, settings => settings["Sync:SpreadWindow"] = "00:00:00");
        var (sandboxes, app, tenant, adminKey, fleet) = (run.Sandboxes, run.App, run.Tenant, run.AdminKey, run.Stores.ToList());
        // Stores of a platform at once, as PlanJobActivity derives them from the connectors' rates under the setting's cap.
        var cap = new JobOptions().MaxConcurrentPerPlatform;
        var concurrent = AllPlatforms.ToDictionary(p => p, p => StoresInFlight.For(new PlatformRate(setup.Fleet.For(p).AppQps, setup.Fleet.For(p).ShopQps), cap));

        context.Progress("the first sync of every store (the SyncCoupons timer), so the list holds the coupons to act on ...");
        await SyncAllAsync(app, tenant, fleet, ct);
        using var api = Api(app, adminKey);

        await RenewFigures(context, setup, app, api, tenant, sandboxes, concurrent, report, ct);
        await DeployFigures(context, setup, app, api, tenant, fleet, sandboxes, concurrent, report, ct);
        return report;
    }

    private static async Task RenewFigures(BenchmarkContext context, DeploySetup setup, AppUnderHost app, HttpClient api, TenantId tenant,
        SandboxHost sandboxes, IReadOnlyDictionary<Platform, int> concurrent, BenchmarkReport report, CancellationToken ct)
    {
        context.Progress($"B8: renew every coupon of the {setup.Stores} stores by 7 days (POST /api/coupons/actions with the list's filter) ...");
        ResetStats(sandboxes);
        var started = context.Time.GetUtcNow();
        JsonNode job;
        double peakMb;
        await using (var memory = new HostMemory(app.Host))
        {
            var jobId = await StartAsync(api, "api/coupons/actions", new { action = new { kind = "renew", extendDays = 7 }, filter = new Dictionary<string, string>() }, "bench-renew", ct);
            job = await WaitForJobAsync(api, jobId, ct);
            peakMb = memory.PeakMb;
        }

        var (elapsed, counts) = Finished(job, started);
        var bound = new RateBound(Calls(sandboxes), setup.Fleet, concurrent);
        var id = job["job"]!["id"]!.GetValue<string>();
        var history = await DurableHistory.MeasureAsync(app.Services.GetRequiredService<TableServiceClient>(), $"{tenant.Value}_{id}", ct);
        var timeline = Timeline(await ItemsAsync(app, tenant, JobId.Parse(id), ct), started);
        var batches = Math.Ceiling(setup.Fleet.CouponsPerStore / (double)new JobOptions().MaxItemsPerBatch) * setup.Stores;
        report.Add("b8.coupons", "B8 coupons in the job", counts.Total)
            .Add("b8.succeeded", "B8 renewed", counts.Succeeded)
            .Add("b8.refused", "B8 refused before any call (read-only platform, ended coupons)", counts.Failed)
            .Add("b8.skipped", "B8 nothing to do", counts.Skipped)
            .Add("b8.calls", "B8 platform calls", bound.Calls.Values.Sum())
            .Add("b8.elapsed", "B8 elapsed (POST to the job's finish)", elapsed.TotalSeconds, "s", "0.00")
            .Add("b8.bound", "B8 rate-limit bound", bound.Seconds, "s", "0.00")
            .Add("b8.bound.waves", $"B8 bound with {Stores(concurrent)} stores per platform at once (our wave limit)", bound.WithWaveLimit, "s", "0.00")
            .Add("b8.ratio", "B8 elapsed / bound", elapsed.TotalSeconds / bound.Seconds, "", "0.000")
            .Add("b8.firstStart", "B8 POST to the first item started (planning, orchestration start)", timeline.FirstStart, "s", "0.00")
            .Add("b8.lastFinish", "B8 POST to the last item finished", timeline.LastFinish, "s", "0.00")
            .Add("b8.peak.worker", "B8 peak resident set of the host and its worker during the job", peakMb, "MB", "N0")
            .Add("b8.history.rows", "B8 orchestration history rows (every generation of the instance)", history.Rows)
            .Add("b8.history.bytes", "B8 orchestration history size", history.Bytes / 1024.0, "KiB", "N0")
            .Add("b8.history.executions", "B8 orchestration generations (continue-as-new)", history.Executions)
            .Add("b8.history.rowsPerBatch", "B8 history rows per store batch (flat in the coupon count)", history.Rows / Math.Max(1, batches), "", "0.00")
            .AddText("b8.bound.how", "B8 bound computation", string.Join(" | ", bound.Lines()));
        foreach (var line in bound.Lines()) context.Progress("  B8 bound " + line);
        report.Check("every coupon has an outcome", counts.Pending + counts.Started == 0 && counts.Total > 0, $"{counts.Total:N0} items, {counts.Pending + counts.Started} unfinished");
        report.Expect("B8 renew within 1.3x the rate-limit bound", elapsed.TotalSeconds / bound.Seconds <= 1.3, $"{elapsed.TotalSeconds / bound.Seconds:0.000}");
    }

    private static async Task DeployFigures(BenchmarkContext context, DeploySetup setup, AppUnderHost app, HttpClient api, TenantId tenant, List<FleetStore> fleet,
        SandboxHost sandboxes, IReadOnlyDictionary<Platform, int> concurrent, BenchmarkReport report, CancellationToken ct)
    {
        context.Progress($"B7: deploy one template to the {setup.Stores} stores (POST /api/deployments) ...");
        using var created = await api.PostAsJsonAsync("api/templates", Template(), ct);
        created.EnsureSuccessStatusCode();
        var templateId = JsonNode.Parse(await created.Content.ReadAsStringAsync(ct))!["id"]!.GetValue<string>();
        ResetStats(sandboxes);
        var started = context.Time.GetUtcNow();
        var jobId = await StartAsync(api, "api/deployments", new { templateId, storeIds = fleet.Select(f => f.Key).ToArray(), acknowledgeWarnings = true }, "bench-deploy", ct);
        var job = await WaitForJobAsync(api, jobId, ct);

        var (elapsed, counts) = Finished(job, started);
        var bound = new RateBound(Calls(sandboxes), setup.Fleet, concurrent);
        var items = await ItemsAsync(app, tenant, JobId.Parse(jobId), ct);
        var timeline = Timeline(items, started);
        var ran = items.Where(i => i is { StartedAt: not null, FinishedAt: not null }).ToList();
        var activity = ran.Select(i => (i.FinishedAt!.Value - i.StartedAt!.Value).TotalMilliseconds).Order().ToList();
        var history = await DurableHistory.MeasureAsync(app.Services.GetRequiredService<TableServiceClient>(), $"{tenant.Value}_{jobId}", ct);
        // Overhead: the time the job took beyond what the limits force, spread over the stores it deployed to.
        var overhead = (elapsed.TotalSeconds - bound.Seconds) / Math.Max(1, counts.Total);
        report.Add("b7.stores", "B7 stores in the job", counts.Total)
            .Add("b7.created", "B7 coupons created", counts.Succeeded)
            .Add("b7.refused", "B7 stores refused (TikTok Shop is read-only, rules)", counts.Failed)
            .Add("b7.calls", "B7 platform calls (listing each store for the re-check, then the create)", bound.Calls.Values.Sum())
            .Add("b7.elapsed", "B7 elapsed (POST to the job's finish)", elapsed.TotalSeconds, "s", "0.00")
            .Add("b7.bound", "B7 rate-limit bound", bound.Seconds, "s", "0.00")
            .Add("b7.bound.waves", $"B7 bound with {Stores(concurrent)} stores per platform at once (our wave limit)", bound.WithWaveLimit, "s", "0.00")
            .Add("b7.ratio", "B7 elapsed / bound", elapsed.TotalSeconds / bound.Seconds, "", "0.000")
            .Add("b7.firstStart", "B7 POST to the first store started (planning, orchestration start)", timeline.FirstStart, "s", "0.00")
            .Add("b7.lastFinish", "B7 POST to the last store finished", timeline.LastFinish, "s", "0.00")
            .Add("b7.activity.p50", "B7 one store's activity (item started to finished) p50", Percentile(activity, 50), "ms", "0")
            .Add("b7.activity.p95", "B7 one store's activity p95", Percentile(activity, 95), "ms", "0")
            .Add("b7.overhead", "B7 orchestration overhead per store ((elapsed - bound) / stores)", overhead * 1000, "ms", "0")
            .Add("b7.history.rows", "B7 orchestration history rows", history.Rows)
            .AddText("b7.bound.how", "B7 bound computation", string.Join(" | ", bound.Lines()));
        foreach (var line in bound.Lines()) context.Progress("  B7 bound " + line);
        var perStore = items.GroupBy(i => i.StoreId).Count();
        report.Check("one item per store, every one finished", perStore == fleet.Count && counts.Pending + counts.Started == 0, $"{perStore} stores, {counts.Pending + counts.Started} unfinished");
        report.Check("a coupon created in every store whose platform creates coupons",
            counts.Succeeded == fleet.Count(f => f.Platform != Platform.TikTok), $"{counts.Succeeded} created");
        report.Expect("B7 deploy within 1.3x the rate-limit bound", elapsed.TotalSeconds / bound.Seconds <= 1.3, $"{elapsed.TotalSeconds / bound.Seconds:0.000}");
    }

    /// <summary>Fixed amounts and minimum spends in every fleet currency; Shopee's code is "BD" + 3, within its 5 characters.</summary>
    private static object Template() => new
    {
        name = "Bench deploy",
        displayNamePattern = "{name}",
        discount = new { type = "fixedAmount", amount = Money(1m) },
        minSpend = Money(10m),
        totalQuantity = 100,
        code = new { mode = "prefix", value = "BD", suffixLength = 3 },
        validity = new { type = "relative", startAfterHours = 2, durationDays = 7 },
    };

    private static Dictionary<string, decimal> Money(decimal factor) => new()
    {
        ["SGD"] = 2 * factor, ["MYR"] = 5 * factor, ["THB"] = 20 * factor, ["VND"] = 20_000 * factor, ["PHP"] = 50 * factor,
        ["IDR"] = 10_000 * factor, ["TWD"] = 50 * factor, ["HKD"] = 10 * factor,
    };

    private static string Stores(IReadOnlyDictionary<Platform, int> concurrent) =>
        concurrent.Values.Distinct().Count() == 1 ? concurrent.Values.First().ToString(CultureInfo.InvariantCulture) : string.Join("/", concurrent.Select(c => $"{c.Key.ToWire()} {c.Value}"));

    private static async Task<string> StartAsync(HttpClient api, string path, object body, string key, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        using var response = await api.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        if ((int)response.StatusCode != 202) throw new InvalidOperationException($"POST {path} answered {(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!["jobId"]!.GetValue<string>();
    }

    private static async Task<JsonNode> WaitForJobAsync(HttpClient api, string jobId, CancellationToken ct)
    {
        JsonNode? last = null;
        var done = await Eventually.TrueAsync(async () =>
        {
            last = JsonNode.Parse(await api.GetStringAsync($"api/jobs/{jobId}?pageSize=1", ct));
            return last?["job"]?["finishedAt"] is not null && last["job"]!["status"]!.GetValue<string>() != "running";
        }, seconds: 7200);
        return done ? last! : throw new InvalidOperationException($"Job {jobId} did not finish: {last?.ToJsonString()}");
    }

    private static (TimeSpan Elapsed, JobCounts Counts) Finished(JsonNode job, DateTimeOffset started)
    {
        var j = job["job"]!;
        var c = j["counts"]!;
        int N(string name) => c[name]!.GetValue<int>();
        return (j["finishedAt"]!.GetValue<DateTimeOffset>() - started,
            new JobCounts(N("total"), N("pending"), N("started"), N("succeeded"), N("failed"), N("skipped"), N("cancelled")));
    }

    private static async Task<List<JobItem>> ItemsAsync(AppUnderHost app, TenantId tenant, JobId job, CancellationToken ct)
    {
        var jobs = app.Services.GetRequiredService<IJobRepository>();
        var items = new List<JobItem>();
        string? next = null;
        do
        {
            var page = await jobs.ListItemsAsync(tenant, job, null, 1000, next, ct);
            items.AddRange(page.Items);
            next = page.ContinuationToken;
        }
        while (next is not null);
        return items;
    }

    private static async Task SyncAllAsync(AppUnderHost app, TenantId tenant, List<FleetStore> fleet, CancellationToken ct)
    {
        var due = await app.StartWithSyncTimerAsync(ct);
        var states = app.Services.GetRequiredService<ISyncStateRepository>();
        var synced = 0;
        var done = await Eventually.TrueAsync(async () =>
        {
            var runs = await Task.WhenAll(fleet.Select(f => states.ListRunsAsync(tenant, StoreId.Parse(f.Key), 1, ct)));
            synced = runs.Count(r => r.FirstOrDefault() is { EndedAt: not null } run && run.StartedAt >= due && run.Status == SyncRunStatus.Succeeded);
            return synced == fleet.Count;
        }, seconds: 3600);
        if (!done) throw new InvalidOperationException($"{synced} of {fleet.Count} stores synced. Host output:\n{StoreSyncs.Tail(app.Host.Output)}");
    }

    /// <summary>Seconds from the POST to the first item an activity started, and to the last one it finished (items decided at
    /// the start, without a call, have no start).</summary>
    private static (double FirstStart, double LastFinish) Timeline(List<JobItem> items, DateTimeOffset posted)
    {
        var ran = items.Where(i => i is { StartedAt: not null, FinishedAt: not null }).ToList();
        return ran.Count == 0 ? (0, 0) : ((ran.Min(i => i.StartedAt!.Value) - posted).TotalSeconds, (ran.Max(i => i.FinishedAt!.Value) - posted).TotalSeconds);
    }

    private static double Percentile(List<double> sorted, int p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static void ResetStats(SandboxHost sandboxes)
    {
        foreach (var part in sandboxes.Parts()) part.Stats.Reset();
    }

    private static Dictionary<Platform, long> Calls(SandboxHost sandboxes) =>
        sandboxes.Parts().ToDictionary(p => p.Platform, p => p.Stats.Calls);

    private static HttpClient Api(AppUnderHost app, string adminKey)
    {
        var api = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = app.Address, Timeout = TimeSpan.FromMinutes(5) };
        api.DefaultRequestHeaders.Add("X-Api-Key", adminKey);
        api.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return api;
    }
}
