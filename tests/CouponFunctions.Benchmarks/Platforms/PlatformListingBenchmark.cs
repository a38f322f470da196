using System.Diagnostics;
using System.Globalization;
using CouponFunctions.Benchmarks.Infrastructure;
using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Platforms;
using CouponFunctions.Sandbox.Common;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CouponFunctions.Benchmarks.Platforms;

/// <summary>
/// Issue 3's "Done when": 100 stores × 1,000 coupons listed through the four connectors and their sandboxes over real
/// HTTP on loopback, every store at once, with per-app and per-shop QPS limits set identically on both sides. Reports
/// calls, throttle answers (target 0) and the achieved rate as a ratio of what the limits allow (target ≥ 0.9).
/// </summary>
internal sealed class PlatformListingBenchmark : IBenchmark
{
    private static readonly Platform[] AllPlatforms = [Platform.Shopee, Platform.Lazada, Platform.TikTok, Platform.Shopline];

    public string Name => "platforms";

    public string Description => "100 stores x 1,000 coupons listed through the sandboxes at a per-app and per-shop QPS limit (target: >= 0.9 of the limit, 0 throttle errors)";

    public async Task<BenchmarkReport> RunAsync(BenchmarkContext context)
    {
        var setup = ListingSetup.FromEnvironment();
        var cancellationToken = context.CancellationToken;
        await using var host = await SandboxHost.StartAsync(new SandboxHostOptions { Platforms = new HashSet<Platform>(AllPlatforms) }, cancellationToken);
        var sandboxes = Sandboxes(host);
        var now = context.Time.GetUtcNow();

        var seeding = Stopwatch.StartNew();
        ListingFleet.RegisterApps(host);
        var stores = AllPlatforms.SelectMany(p => ListingFleet.Seed(host, p, 1, setup.StoresPerPlatform, setup.CouponsPerStore, now)).ToList();
        context.Progress($"seeded {stores.Count} stores x {setup.CouponsPerStore:N0} coupons in {seeding.Elapsed.TotalSeconds:0.0} s");

        // Warm-up (JIT, sockets) on other stores, with its own connectors and no limits, so that the measured
        // connectors start with empty token buckets.
        await ListingFleet.WarmUpAsync(host, now, cancellationToken);
        var counter = new CallCounter();
        foreach (var (platform, sandbox) in sandboxes)
        {
            var limits = setup.For(platform);
            sandbox.Throttle.Configure(limits.AppQps, limits.ShopQps);
            sandbox.Stats.Reset();
        }
        counter.Reset();
        context.Progress("warmed up; listing every store at once ...");

        using var services = Connectors(host, setup, counter);
        var connectors = services.GetRequiredService<IPlatformConnectors>();
        var workingSetBefore = Environment.WorkingSet;
        var cpuBefore = Cpu();
        var listed = await ListAllAsync(connectors, stores, cancellationToken);
        var elapsed = listed.Max(l => l.Finished);
        var cores = (Cpu() - cpuBefore) / elapsed;
        context.Progress($"listed in {elapsed.TotalSeconds:0.0} s");

        var report = Report(setup, stores, listed, elapsed, sandboxes, counter, workingSetBefore);
        report.Add("processCpuCores", "CPU used by this process while listing (sandboxes and connectors)", cores, $"of {Environment.ProcessorCount} cores", "0.00");
        // What else the machine was doing: the benchmark shares its cores with whatever else runs.
        if (File.Exists("/proc/loadavg")) report.AddText("loadAverage", "machine load average (1, 5, 15 min) after listing", string.Join(" ", (await File.ReadAllTextAsync("/proc/loadavg", cancellationToken)).Split(' ').Take(3)));
        return report;
    }

    private BenchmarkReport Report(ListingSetup setup, List<FleetStore> stores, List<Listed> listed, TimeSpan elapsed,
        IReadOnlyList<(Platform Platform, SandboxParts Sandbox)> sandboxes, CallCounter counter, long workingSetBefore)
    {
        var report = new BenchmarkReport(Name, Description);
        var calls = sandboxes.Sum(s => s.Sandbox.Stats.Calls);
        var throttled = sandboxes.Sum(s => s.Sandbox.Stats.Throttled);
        var faults = sandboxes.Sum(s => s.Sandbox.Stats.Faults);
        var coupons = listed.Sum(l => l.Count);
        var rows = AllPlatforms.Select(p => PlatformFigures(p, setup, listed, counter, sandboxes.Single(s => s.Platform == p).Sandbox)).ToList();
        var bound = rows.Max(r => r.Bound);
        var ratio = bound.TotalSeconds / elapsed.TotalSeconds;
        using var process = Process.GetCurrentProcess();
        process.Refresh();

        report.Add("stores", "stores (listed concurrently)", stores.Count)
            .Add("couponsListed", "coupons listed", coupons)
            .Add("calls", "calls made (sandbox stats)", calls)
            .Add("throttled", "throttle errors seen by the sandboxes", throttled)
            .Add("faults", "faults (injected: none)", faults)
            .Add("elapsedSeconds", "elapsed", elapsed.TotalSeconds, "s", "0.00")
            .Add("achievedQps", "achieved QPS (all platforms)", calls / elapsed.TotalSeconds, "calls/s", "N1")
            .Add("boundSeconds", "rate-limit bound (least time the limits allow)", bound.TotalSeconds, "s", "0.00")
            .Add("ratio", "achieved / limit (bound / elapsed)", ratio, "", "0.000")
            .Add("peakWorkingSetMb", "peak working set (process)", process.PeakWorkingSet64 / 1_048_576d, "MB", "N0")
            .Add("workingSetBeforeListingMb", "working set after seeding, before listing", workingSetBefore / 1_048_576d, "MB", "N0")
            .AddText("limits", "limits (app / shop, calls per second)", string.Join("; ", setup.Limits.Select(l => $"{l.Platform.ToWire()} {l.AppQps:0.##}/{l.ShopQps:0.##}")));
        report.Tables.Add(new BenchmarkReport.Table("per platform",
            ["platform", "stores", "coupons", "calls", "calls/store", "app qps", "shop qps", "bound s", "elapsed s", "achieved qps", "limit qps", "ratio", "throttled", "call p50 ms", "call p95 ms"],
            [.. rows.Select(r => (IReadOnlyList<string>)
            [
                r.Platform.ToWire(), N(r.Stores), N(r.Coupons), N(r.Calls), N(r.Calls / (double)r.Stores, "N1"), N(r.AppQps, "0.##"), N(r.ShopQps, "0.##"),
                N(r.Bound.TotalSeconds, "0.00"), N(r.Elapsed.TotalSeconds, "0.00"), N(r.Calls / r.Elapsed.TotalSeconds, "N1"),
                N(r.Calls / r.Bound.TotalSeconds, "N1"), N(r.Bound.TotalSeconds / r.Elapsed.TotalSeconds, "0.000"), N(r.Throttled),
                N(counter.LatencyMs(r.Platform.ToWire(), 50), "0.0"), N(counter.LatencyMs(r.Platform.ToWire(), 95), "0.0"),
            ])]));

        report.Details["platforms"] = rows.Select(r => new
        {
            Platform = r.Platform.ToWire(), r.Stores, r.Coupons, r.Calls, r.Throttled, r.AppQps, r.ShopQps,
            BoundSeconds = r.Bound.TotalSeconds, ElapsedSeconds = r.Elapsed.TotalSeconds, AchievedQps = r.Calls / r.Elapsed.TotalSeconds,
            Ratio = r.Bound.TotalSeconds / r.Elapsed.TotalSeconds,
            CallP50Ms = counter.LatencyMs(r.Platform.ToWire(), 50), CallP95Ms = counter.LatencyMs(r.Platform.ToWire(), 95),
        }).ToList();

        var expected = stores.Count * setup.CouponsPerStore;
        report.Check("every coupon listed once", coupons == expected && listed.All(l => l.Count == l.Distinct),
            $"{coupons:N0} of {expected:N0}, {listed.Sum(l => l.Count - l.Distinct):N0} repeated");
        report.Check("statuses mapped as seeded", listed.All(l => Same(l.Statuses, l.Store.Seeded)),
            string.Join(", ", Enum.GetValues<CouponStatus>().Select(s => $"{s} {listed.Sum(l => l.Statuses.GetValueOrDefault(s)):N0}")));
        report.Check("client and sandbox count the same calls", counter.Total == calls, $"client {counter.Total:N0}, sandboxes {calls:N0}");
        report.Expect("no throttle errors", throttled == 0, $"{throttled:N0} calls refused by the sandboxes' limits");
        report.Expect("at least 0.9 of the limit", ratio >= 0.9, $"{ratio:0.000} ({calls / elapsed.TotalSeconds:N1} calls/s over {elapsed.TotalSeconds:0.00} s; the limits allow it in {bound.TotalSeconds:0.00} s)");
        return report;
    }

    /// <summary>A platform's calls, its bound (max over its app of calls/appQps and over its shops of calls/shopQps) and when its last store finished.</summary>
    private static PlatformRow PlatformFigures(Platform platform, ListingSetup setup, List<Listed> listed, CallCounter counter, SandboxParts sandbox)
    {
        var mine = listed.Where(l => l.Store.Platform == platform).ToList();
        var limits = setup.For(platform);
        var calls = sandbox.Stats.Calls;
        var shopBound = mine.Max(l => counter[l.Store.Key] / limits.ShopQps);
        var bound = TimeSpan.FromSeconds(Math.Max(calls / limits.AppQps, shopBound));
        return new PlatformRow(platform, mine.Count, mine.Sum(l => l.Count), calls, sandbox.Stats.Throttled, limits.AppQps, limits.ShopQps, bound, mine.Max(l => l.Finished));
    }

    private static async Task<List<Listed>> ListAllAsync(IPlatformConnectors connectors, List<FleetStore> stores, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        return [.. await Task.WhenAll(stores.Select(store => ListAsync(connectors.For(store.Platform), store, started, cancellationToken)))];
    }

    private static async Task<Listed> ListAsync(IPlatformConnector connector, FleetStore store, long started, CancellationToken cancellationToken)
    {
        // Yield first, so every store's listing starts before any runs far (Task.WhenAll starts them in turn).
        await Task.Yield();
        CallCounter.Current = store.Key;
        var connection = new StoreConnection(TenantId.Parse("t-bench"), StoreId.Parse($"s-{store.Key}"), store.Platform, store.Site, store.ShopId, store.Credentials);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var statuses = new Dictionary<CouponStatus, int>();
        var count = 0;
        await foreach (var page in connector.ListCouponsAsync(connection, cancellationToken).ConfigureAwait(false))
        {
            foreach (var coupon in page)
            {
                count++;
                ids.Add(coupon.PlatformCouponId);
                statuses[coupon.Status] = statuses.GetValueOrDefault(coupon.Status) + 1;
            }
        }
        return new Listed(store, count, ids.Count, statuses, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>The connectors as the handler registers them, pointed at the host; null limits = none to speak of (warm-up).</summary>
    private static ServiceProvider Connectors(SandboxHost host, ListingSetup setup, CallCounter counter) =>
        ListingFleet.Connectors(host, setup, services => services.ConfigureHttpClientDefaults(http => http.AddHttpMessageHandler(counter.CreateHandler)));

    private static TimeSpan Cpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private static IReadOnlyList<(Platform Platform, SandboxParts Sandbox)> Sandboxes(SandboxHost host) =>
    [
        (Platform.Shopee, new SandboxParts(host.Shopee.Stats, host.Shopee.Throttle)),
        (Platform.Lazada, new SandboxParts(host.Lazada.Stats, host.Lazada.Throttle)),
        (Platform.TikTok, new SandboxParts(host.TikTok.Stats, host.TikTok.Throttle)),
        (Platform.Shopline, new SandboxParts(host.Shopline.Stats, host.Shopline.Throttle)),
    ];

    private static bool Same(IReadOnlyDictionary<CouponStatus, int> a, IReadOnlyDictionary<CouponStatus, int> b) =>
        a.Count == b.Count && a.All(p => b.GetValueOrDefault(p.Key) == p.Value);

    private static string N(double value, string format = "N0") => value.ToString(format, CultureInfo.InvariantCulture);

    private sealed record SandboxParts(SandboxStats Stats, SandboxThrottle Throttle);

    private sealed record Listed(FleetStore Store, int Count, int Distinct, IReadOnlyDictionary<CouponStatus, int> Statuses, TimeSpan Finished);

    private sealed record PlatformRow(Platform Platform, int Stores, int Coupons, long Calls, long Throttled, double AppQps, double ShopQps, TimeSpan Bound, TimeSpan Elapsed);
}
