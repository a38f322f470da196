using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
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
/// and the real worker on Azurite. Every store has a store-day total for each of the 90 days (what the daily charts
/// read) and 1,000 coupons in the read model (what the diagnosis reads). Coupon-day rows are written for a few days of
/// one store through the app's own snapshot store, and their size (Table Storage's billed entity size) is
/// extrapolated to the worst case of every coupon changing every day.
/// </summary>
internal sealed class DashboardBenchmark : IBenchmark
{
    private const int Stores = 100;
    private const int CouponsPerStore = 1_000;
    private const int Days = 90;
    private const int SampleStores = 1;

    /// <summary>Days of coupon-day rows written for the sample store: enough to measure a row's size.</summary>
    private const int SampleDays = 5;
    private const int Calls = 40;
    private const double TargetMs = 150;

    public string Name => "dashboard";

    public string Description => "B11 dashboard API p95 over 100 stores x 1,000 coupons x 90 days of snapshots (target <= 150 ms each) and the snapshots' storage";

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
        await SeedTotalsAsync(app, stores, today, ct);
        var readModel = app.Services.GetRequiredService<IStoreReadModel>();
        foreach (var store in stores) await readModel.WriteCouponsAsync(store, Coupons(store, now), now, ct);
        context.Progress($"seeded {Stores} stores: {Stores * Days:N0} store-day totals and {Stores * CouponsPerStore:N0} coupons in the read model in {seed.Elapsed.TotalSeconds:0.0} s");
        var sample = await SeedCouponDaysAsync(app, stores.Take(SampleStores).ToList(), today, ct);
        context.Progress($"wrote {sample.Rows:N0} coupon-day rows ({SampleDays} days of {SampleStores} store) through the snapshot store");

        _ = await app.StartWithSyncTimerAsync(ct);
        using var api = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = app.Address, Timeout = TimeSpan.FromMinutes(2) };
        api.DefaultRequestHeaders.Add("X-Api-Key", adminKey);
        var period = $"from={today.AddDays(-(Days - 1)):yyyy-MM-dd}&to={today:yyyy-MM-dd}";
        var calls = new (string Key, string Label, string Path)[]
        {
            ("b11.daily.store", "daily by store, 90 days", $"/api/performance/daily?{period}&groupBy=store"),
            ("b11.daily.platform", "daily by platform, 90 days", $"/api/performance/daily?{period}&groupBy=platform"),
            ("b11.daily.csv", "daily CSV by store, 90 days", $"/api/performance/daily?{period}&groupBy=store&format=csv"),
            ("b11.diagnosis", "diagnosis quadrant, 100,000 coupons", "/api/performance/diagnosis"),
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
                if (i == 0) report.Check($"{label} answers with data", body.Length > 1_000, $"{body.Length:N0} characters");
                if (i >= 3) samples.Add(watch.Elapsed);
            }
            var p95 = Percentiles.Of(samples, 95);
            report.Add($"{key}.p50", $"B11 {label}, p50", Percentiles.Of(samples, 50), "ms", "0.0")
                .Add($"{key}.p95", $"B11 {label}, p95", p95, "ms", "0.0")
                .Expect($"B11 {label} p95 <= {TargetMs} ms", p95 <= TargetMs, $"{p95:0.0} ms");
            context.Progress($"{label}: p95 {p95:0.0} ms");
        }

        var perStoreDay = Stores * Days;
        var worstCaseRows = (long)Stores * CouponsPerStore * Days;
        var worstCaseBytes = sample.BytesPerRow * worstCaseRows + sample.BytesPerTotal * perStoreDay;
        report.Add("b11.bytes.coupon_day", "B11 one coupon-day row (billed entity size)", sample.BytesPerRow, "B", "0")
            .Add("b11.bytes.store_day", "B11 one store-day total (billed entity size)", sample.BytesPerTotal, "B", "0")
            .Add("b11.storage.totals.mb", $"B11 store-day totals, {perStoreDay:N0} rows", sample.BytesPerTotal * perStoreDay / 1_048_576.0, "MB", "0.00")
            .Add("b11.storage.worst.gb", $"B11 snapshots if every coupon changed every day ({worstCaseRows:N0} rows)", worstCaseBytes / 1_073_741_824.0, "GB", "0.00");
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

    /// <summary>The store-day totals rows as the snapshot store writes them (see CouponSnapshotRepository), in batches.</summary>
    private static async Task SeedTotalsAsync(AppUnderHost app, IReadOnlyList<Store> stores, DateOnly today, CancellationToken ct)
    {
        var table = app.Services.GetRequiredService<TableServiceClient>().GetTableClient(TableNames.CouponSnapshots);
        await Parallel.ForEachAsync(stores, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (store, token) =>
        {
            var partition = $"{store.TenantId.Value}_{store.Id.Value}";
            var rows = Enumerable.Range(0, Days).Select(d => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(partition, $"t{today.AddDays(-d):yyyyMMdd}")
            {
                ["Claims"] = 100 + d, ["Uses"] = 20 + d % 7, ["DiscountGiven"] = ((20 + d % 7) * 5).ToString(CultureInfo.InvariantCulture),
                ["MinOrderValue"] = ((20 + d % 7) * 50).ToString(CultureInfo.InvariantCulture), ["Currency"] = store.Site == "TH" ? "THB" : "MYR",
            }));
            await table.SubmitTransactionAsync(rows, token);
        });
    }

    /// <summary>Every coupon of the sample stores changing every day, written through the app's snapshot store; the billed size per row.</summary>
    private static async Task<(int Rows, double BytesPerRow, double BytesPerTotal)> SeedCouponDaysAsync(AppUnderHost app, IReadOnlyList<Store> stores, DateOnly today, CancellationToken ct)
    {
        var snapshots = app.Services.GetRequiredService<ICouponSnapshots>();
        var rows = 0;
        foreach (var store in stores)
        {
            for (var d = SampleDays - 1; d >= 0; d--)
            {
                var day = today.AddDays(-d);
                var figures = Enumerable.Range(0, CouponsPerStore).Select(c => new CouponDayFigures($"c{c:D5}", day, c + d, d, c + d + 3, d + 1, 5m, 50m, "THB")).ToList();
                await snapshots.SaveDayAsync(store.TenantId, store.Id, day, figures, StoreDayTotals.Sum(store.Id, day, "THB", figures), ct);
                rows += figures.Count;
            }
        }
        var table = app.Services.GetRequiredService<TableServiceClient>().GetTableClient(TableNames.CouponSnapshots);
        long couponBytes = 0, totalBytes = 0;
        int couponRows = 0, totalRows = 0;
        await foreach (var e in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {$"{stores[0].TenantId.Value}_{stores[0].Id.Value}"}"), cancellationToken: ct))
        {
            if (e.RowKey.StartsWith('t')) { totalBytes += BilledSize(e); totalRows++; }
            else { couponBytes += BilledSize(e); couponRows++; }
        }
        return (rows, (double)couponBytes / Math.Max(1, couponRows), (double)totalBytes / Math.Max(1, totalRows));
    }

    /// <summary>Table Storage's entity size: 4 B + 2 B per key character + 8 B of overhead, and per property 8 B + 2 B per name character + the value.</summary>
    private static long BilledSize(TableEntity e)
    {
        long size = 4 + (e.PartitionKey.Length + e.RowKey.Length) * 2 + 8;
        foreach (var (name, value) in e)
        {
            if (name is "PartitionKey" or "RowKey" or "Timestamp" or "odata.etag") continue;
            size += 8 + name.Length * 2 + value switch
            {
                string s => 4 + s.Length * 2,
                int => 4,
                long or double or DateTimeOffset => 8,
                bool => 1,
                _ => 8,
            };
        }
        return size;
    }
}
