using System.Diagnostics;
using System.Globalization;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using CouponFunctions.Benchmarks.Infrastructure;
using CouponFunctions.Benchmarks.Operations;
using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Performance;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Sync;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Sandbox.Common;
using CouponFunctions.Storage;
using CouponFunctions.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CouponFunctions.Benchmarks.Dashboard;

/// <summary>
/// B11: the dashboard's API calls over 100 stores x 1,000 coupons with 90 days of daily figures, through the local host
/// and the real worker on Azurite. Every store has a store-day total for each of the 90 days, written through the app's
/// day totals as sync writes them (into the tenant's blob of that day, split by three campaigns): what the daily charts
/// read. The first call of each chart is the worker's first read of the period (every day downloaded); the figures are of
/// the calls after it, which list the tenant's days and find them unchanged. Each store has 1,000 coupons in the read model
/// (what the diagnosis reads). A coupon's own figures of the day ride on its row (three columns, whatever the number of
/// days), so the daily figures' storage is the day blobs, whose size is reported. Smaller runs: COUPONFUNCTIONS_BENCH_STORES (all
/// stores), COUPONFUNCTIONS_BENCH_COUPONS (per store), COUPONFUNCTIONS_BENCH_DAYS, COUPONFUNCTIONS_BENCH_CALLS.
/// </summary>
internal sealed class DashboardBenchmark : IBenchmark
{
    private static readonly int Stores = Setting("COUPONFUNCTIONS_BENCH_STORES", 100);
    private static readonly int CouponsPerStore = Setting("COUPONFUNCTIONS_BENCH_COUPONS", 1_000);
    private static readonly int Days = Setting("COUPONFUNCTIONS_BENCH_DAYS", 90);
    private static readonly int Calls = Setting("COUPONFUNCTIONS_BENCH_CALLS", 40);
    private static readonly string[] CampaignNames = ["", "Mid-Year Sale", "KOL Anna"];
    private const double TargetMs = 150;

    /// <summary>A third of the coupons in each of two campaigns, as deploys and operators tag them.</summary>
    private static Dictionary<string, string> Campaigns() =>
        Enumerable.Range(0, CouponsPerStore).Where(c => c % 3 != 0).ToDictionary(c => $"c{c:D5}", c => CampaignNames[c % 3]);

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;

    public string Name => "dashboard";

    public string Description => $"B11 dashboard API p95 over {Stores} stores x {CouponsPerStore:N0} coupons x {Days} days of figures (target <= 150 ms each) and the day totals' storage";

    public async Task<BenchmarkReport> RunAsync(BenchmarkContext context)
    {
        var ct = context.CancellationToken;
        var report = new BenchmarkReport(Name, Description);
        await using var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        await using var sandboxes = await SandboxHost.StartAsync(new SandboxHostOptions { Platforms = new HashSet<Platform> { Platform.Shopee } }, ct);
        await using var app = await AppUnderHost.CreateAsync(azurite.ConnectionString, sandboxes, new SandboxPartners(1, "unused-partner-key-0123456789"), new Dictionary<string, string>(), context.Time);
        var tenant = TenantId.Parse(azurite.UniqueName("b11"));
        var (_, adminKey) = await AppHostSettings.NewTenantAsync(app.Services, tenant, "B11 tenant");
        var now = context.Time.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var stores = Enumerable.Range(0, Stores).Select(i => MakeStore(tenant, i, now)).ToList();
        var repository = app.Services.GetRequiredService<IStoreRepository>();
        foreach (var store in stores) await repository.AddAsync(store, ct);

        var seed = Stopwatch.StartNew();
        await SeedTotalsAsync(app.Services.GetRequiredService<IStoreDayTotals>(), stores, today, ct);
        var readModel = app.Services.GetRequiredService<IStoreReadModel>();
        foreach (var store in stores) await readModel.WriteCouponsAsync(store, Coupons(store, now), now, ct);
        context.Progress($"seeded {Stores} stores: {Stores * Days:N0} store-day totals and {Stores * CouponsPerStore:N0} coupons in the read model in {seed.Elapsed.TotalSeconds:0.0} s");
        var tenantDayBytes = await TenantDayBytesAsync(app, tenant, ct);

        _ = await app.StartWithSyncTimerAsync(ct);
        using var api = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = app.Address, Timeout = TimeSpan.FromMinutes(2) };
        api.DefaultRequestHeaders.Add("X-Api-Key", adminKey);
        var period = $"from={today.AddDays(-(Days - 1)):yyyy-MM-dd}&to={today:yyyy-MM-dd}";
        var calls = new (string Key, string Label, string Path)[]
        {
            ("b11.daily.store", $"daily by store, {Days} days", $"/api/performance/daily?{period}&groupBy=store"),
            ("b11.daily.platform", $"daily by platform, {Days} days", $"/api/performance/daily?{period}&groupBy=platform"),
            ("b11.daily.campaign", $"daily by campaign, {Days} days", $"/api/performance/daily?{period}&groupBy=campaign"),
            ("b11.daily.csv", $"daily CSV by store, {Days} days", $"/api/performance/daily?{period}&groupBy=store&format=csv"),
            ("b11.diagnosis", $"diagnosis quadrant, {Stores * CouponsPerStore:N0} coupons", "/api/performance/diagnosis"),
        };
        foreach (var (key, label, path) in calls)
        {
            var samples = new List<TimeSpan>();
            for (var i = 0; i < Calls + 3; i++)
            {
                var watch = Stopwatch.StartNew();
                using var response = await api.GetAsync(path, ct);
                var body = await response.Content.ReadAsStringAsync(ct);
                watch.Stop();
                response.EnsureSuccessStatusCode();
                if (i == 0) report.Check($"{label} answers with data", body.Length > 1_000, $"{body.Length:N0} characters")
                    .Add($"{key}.first", $"B11 {label}, first call", watch.Elapsed.TotalMilliseconds, "ms", "0.0");
                if (i >= 3) samples.Add(watch.Elapsed);
            }
            var p95 = Percentiles.Of(samples, 95);
            report.Add($"{key}.p50", $"B11 {label}, p50", Percentiles.Of(samples, 50), "ms", "0.0")
                .Add($"{key}.p95", $"B11 {label}, p95", p95, "ms", "0.0")
                .Expect($"B11 {label} p95 <= {TargetMs} ms", p95 <= TargetMs, $"{p95:0.0} ms");
            context.Progress($"{label}: p95 {p95:0.0} ms");
        }

        report.Add("b11.bytes.tenant_day", $"B11 one tenant day of store totals ({Stores} stores, gzip'd blob)", tenantDayBytes, "B", "0")
            .Add("b11.bytes.store_day", "B11 one store-day total, its share of the day's blob", tenantDayBytes / Stores, "B", "0")
            .Add("b11.storage.totals.mb", $"B11 store-day totals, {Days} days of {Stores} stores", tenantDayBytes * Days / 1_048_576.0, "MB", "0.00");
        return report;
    }

    private static Store MakeStore(TenantId tenant, int i, DateTimeOffset now) => new()
    {
        TenantId = tenant, Id = StoreId.Parse($"s-b11-{i:D3}"), Platform = (Platform)(i % 4), Site = i % 2 == 0 ? "TH" : "MY",
        ShopId = (900_000 + i).ToString(CultureInfo.InvariantCulture), DisplayName = $"B11 store {i:D3}",
        TimeZoneId = i % 2 == 0 ? "Asia/Bangkok" : "Asia/Kuala_Lumpur", CreatedAt = now, UpdatedAt = now,
    };

    private static List<StoredCoupon> Coupons(Store store, DateTimeOffset now) => Enumerable.Range(0, CouponsPerStore).Select(c => new StoredCoupon(new Coupon
    {
        Platform = store.Platform, PlatformCouponId = $"c{c:D5}", Name = $"Coupon {c}", Reward = RewardType.FixedAmount, DiscountAmount = 5m, MinSpend = 50m,
        TotalQuantity = 1_000, ClaimedCount = (c * 37) % 1_000, UsedCount = (c * 11) % 300, ValidFrom = now.AddDays(-10), ValidTo = now.AddDays(20),
        Currency = store.Site == "TH" ? "THB" : "MYR", Status = CouponStatus.Ongoing, RawStatus = "ONGOING",
    }, "hash", now, now)).ToList();

    /// <summary>
    /// Each store's day totals as sync writes them: through the app's day totals, the sum of the day's coupon figures
    /// with a third of the coupons in each of two campaigns.
    /// </summary>
    private static async Task SeedTotalsAsync(IStoreDayTotals dayTotals, IReadOnlyList<Store> stores, DateOnly today, CancellationToken ct)
    {
        var campaigns = Campaigns();
        await Parallel.ForEachAsync(stores, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (store, token) =>
        {
            var currency = store.Site == "TH" ? "THB" : "MYR";
            for (var d = 0; d < Days; d++)
            {
                var day = today.AddDays(-d);
                // A few coupons move a day, as on a real store, by figures that differ from store to store (the day blob's size is
                // then what real figures take); the totals are their sum, split by campaign.
                var random = new Random(int.Parse(store.Id.Value[^3..], CultureInfo.InvariantCulture) * 1_000 + d);
                var figures = Enumerable.Range(0, 30).Select(_ => random.Next(CouponsPerStore))
                    .Select(c => new CouponDayFigures($"c{c:D5}", day, 0, 0, random.Next(20), random.Next(10), 5m + random.Next(3) * 2.5m, 50m + random.Next(20) * 10, currency)).ToList();
                await dayTotals.SaveAsync(store.TenantId, StoreDayTotals.Sum(store.Id, day, currency, figures, campaigns), token);
            }
        });
    }

    /// <summary>The stored size of one tenant's day of store totals (one blob per tenant and day, seeded above with campaigns).</summary>
    private static async Task<double> TenantDayBytesAsync(AppUnderHost app, TenantId tenant, CancellationToken ct)
    {
        var days = app.Services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(ContainerNames.DayTotals);
        long dayBytes = 0;
        var dayBlobs = 0;
        await foreach (var blob in days.GetBlobsAsync(new GetBlobsOptions { Prefix = tenant.Value + "/" }, ct))
        {
            dayBytes += blob.Properties.ContentLength ?? 0;
            dayBlobs++;
        }
        return (double)dayBytes / Math.Max(1, dayBlobs);
    }
}
