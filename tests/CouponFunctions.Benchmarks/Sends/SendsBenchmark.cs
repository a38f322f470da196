using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using CouponFunctions.Benchmarks.Infrastructure;
using CouponFunctions.Benchmarks.Operations;
using CouponFunctions.Core.Segments;
using CouponFunctions.Core.Sends;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Sandbox.Common;
using CouponFunctions.Sandbox.Shopee;
using CouponFunctions.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CouponFunctions.Benchmarks.Sends;

/// <summary>
/// B9 and B10 through the real app under the local Functions host (the same worker, Durable engine and Azurite the tests use).
/// B9: a rule segment of N customers, a coupon with enough quantity, a send by email through the outbox sink with a quota of
/// 20,000 per minute, run by the StartDueSends timer once made due; elapsed from the send's start to its end against the
/// quota's bound (N / quota), the worker's peak working set (a fresh worker per scale, so each peak is that send's alone) and
/// the largest orchestration history (rows and bytes of one generation in the task hub's History table).
/// B10: POST /api/customers/import of an N-row CSV on a fresh worker: rows per second until the job is done, and peak memory.
/// </summary>
internal sealed class SendsBenchmark : IBenchmark
{
    private const long PartnerId = 2_009_009;
    private const string PartnerKey = "bench-sends-partner-key-0123456789";
    private const string Hub = "BenchSends";
    private const double MaxRatio = 1.15;
    private const long MaxWorkingSet = 400L * 1024 * 1024;

    public string Name => "sends";

    public string Description =>
        "B9 a send to 10,000 and 100,000 recipients at 20,000 emails/min (elapsed <= 1.15x the quota's bound, worker < 400 MB and flat) and B10 a 1,000,000-row customer import (rows/s, peak memory)";

    public async Task<BenchmarkReport> RunAsync(BenchmarkContext context)
    {
        var ct = context.CancellationToken;
        var setup = SendsSetup.FromEnvironment();
        var report = new BenchmarkReport(Name, Description);
        await using var azurite = new AzuriteFixture();
        await azurite.InitializeAsync();
        await using var sandboxes = await SandboxHost.StartAsync(new SandboxHostOptions { Platforms = new HashSet<Platform> { Platform.Shopee } }, ct);
        sandboxes.Shopee.AddPartner(PartnerId, PartnerKey);
        var overrides = new Dictionary<string, string>
        {
            ["StartDueSendsSchedule"] = "*/2 * * * * *",
            ["Sends:Pacing:Email:PerMinute"] = setup.PerMinute.ToString(CultureInfo.InvariantCulture),
            // The minute quota binds (ACS's hourly one is set to allow the minute's rate all hour).
            ["Sends:Pacing:Email:PerHour"] = (setup.PerMinute * 60).ToString(CultureInfo.InvariantCulture),
            ["AzureFunctionsJobHost:extensions:durableTask:hubName"] = Hub,
        };
        await using var app = await AppUnderHost.CreateAsync(azurite.ConnectionString, sandboxes, new SandboxPartners(PartnerId, PartnerKey), overrides, context.Time);
        await app.StartAsync(ct);

        var peaks = new List<(int Recipients, long Peak)>();
        foreach (var recipients in setup.Recipients)
        {
            var tenant = await TenantAsync(app, azurite, sandboxes, $"b9-{recipients}", recipients, ct);
            await ImportAsync(context, app, tenant, recipients, ct);
            var peak = await SendAsync(context, app, tenant, recipients, setup.PerMinute, report, ct);
            peaks.Add((recipients, peak));
        }

        if (peaks.Count > 1)
        {
            var (small, large) = (peaks.MinBy(p => p.Recipients), peaks.MaxBy(p => p.Recipients));
            var growth = (double)large.Peak / small.Peak;
            report.Add("b9.memory.growth", $"B9 peak working set, {large.Recipients:N0} / {small.Recipients:N0} recipients", growth, "x", "0.00");
            report.Expect($"worker memory flat with recipients ({large.Recipients:N0} vs {small.Recipients:N0}: within 1.25x)", growth <= 1.25, $"{growth:0.00}x");
        }

        if (setup.ImportRows > 0)
        {
            var tenant = await TenantAsync(app, azurite, sandboxes, "b10", 1, ct);
            await app.StartAsync(ct);
            var (elapsed, job) = await ImportAsync(context, app, tenant, setup.ImportRows, ct);
            var peak = WorkerMemory.PeakBytes(app.Host.ProcessId) ?? 0;
            report.Add("b10.rows", "B10 rows imported", setup.ImportRows)
                .Add("b10.seconds", "B10 import, elapsed (upload to job done)", elapsed.TotalSeconds, "s", "0.0")
                .Add("b10.rate", "B10 import", setup.ImportRows / elapsed.TotalSeconds, "rows/s", "N0")
                .Add("b10.peak", "B10 worker peak working set", peak / 1024.0 / 1024.0, "MB", "0");
            report.Check("every imported row created", job["created"]!.GetValue<long>() == setup.ImportRows, $"{job["created"]} of {setup.ImportRows:N0}");
        }

        report.AddText("sends.setup", "Setup", $"Azurite in memory, local Functions host + isolated worker, outbox sinks, {Environment.ProcessorCount} cores");
        return report;
    }

    /// <summary>B9 for one scale: schedule, restart the worker (its peak starts again), make the send due, wait for its end.</summary>
    private static async Task<long> SendAsync(BenchmarkContext context, AppUnderHost app, Workspace tenant, int recipients, int perMinute, BenchmarkReport report, CancellationToken ct)
    {
        var now = context.Time.GetUtcNow();
        var segment = (await app.Services.GetRequiredService<ISegmentRepository>().CreateAsync(new Segment
        {
            TenantId = tenant.Id, Id = SegmentId.New(), Name = "Everyone", Kind = SegmentKind.Rule, Rule = SegmentRule.Everyone, CreatedAt = now, UpdatedAt = now,
        }, ct)).Value!;
        var slot = now.AddHours(3);
        using var before = Client(app, tenant.Key);
        var (status, body) = await SendJsonAsync(before, HttpMethod.Post, "/api/sends", new
        {
            segmentId = segment.Id.Value, storeId = tenant.StoreId, couponId = tenant.CouponId, channels = new[] { "email" },
            scheduledAt = new DateTimeOffset(slot.Year, slot.Month, slot.Day, slot.Hour, 0, 0, TimeSpan.Zero),
            message = new { emailSubject = "{{customer.name}}, a coupon", emailBody = "<p>Use {{coupon.code}}: <a href=\"{{claimUrl}}\">shop</a></p>", smsText = "{{coupon.code}}" },
        }, ct);
        if (status != 201) throw new InvalidOperationException($"POST /api/sends answered {status}: {body}");
        var sendId = SendId.Parse(body!["id"]!.GetValue<string>());

        await app.StartAsync(ct);
        using var admin = Client(app, tenant.Key);
        var sends = app.Services.GetRequiredService<ISendRepository>();
        var send = await sends.GetAsync(tenant.Id, sendId, ct);
        if (!(await sends.UpdateAsync(send! with { ScheduledAt = context.Time.GetUtcNow().AddSeconds(-1) }, ct)).IsOk) throw new InvalidOperationException("The send could not be made due.");
        context.Progress($"B9 {recipients:N0} recipients: send {sendId} due now");

        var bound = TimeSpan.FromMinutes((double)recipients / perMinute);
        var deadline = Stopwatch.StartNew();
        var samples = new List<long>();
        JsonNode? state = null;
        while (deadline.Elapsed < bound * 10 + TimeSpan.FromMinutes(10))
        {
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
            if (WorkerMemory.CurrentBytes(app.Host.ProcessId) is { } rss) samples.Add(rss);
            (_, state) = await SendJsonAsync(admin, HttpMethod.Get, $"/api/sends/{sendId}", null, ct);
            if (state?["status"]?.GetValue<string>() is "done" or "failed") break;
        }

        if (state?["status"]?.GetValue<string>() is not ("done" or "failed")) throw new InvalidOperationException($"The send did not finish: {state}. Host log: {app.Host.LogPath}");
        var elapsed = state["finishedAt"]!.GetValue<DateTimeOffset>() - state["startedAt"]!.GetValue<DateTimeOffset>();
        var peak = WorkerMemory.PeakBytes(app.Host.ProcessId) ?? 0;
        var (rows, bytes, generations) = await HistoryAsync(app, ct);
        var ratio = elapsed / bound;
        var key = $"b9.{recipients}";
        report.Add($"{key}.elapsed", $"B9 {recipients:N0}: start to end", elapsed.TotalSeconds, "s", "0.0")
            .Add($"{key}.bound", $"B9 {recipients:N0}: the quota's bound ({perMinute:N0}/min)", bound.TotalSeconds, "s", "0.0")
            .Add($"{key}.ratio", $"B9 {recipients:N0}: elapsed / bound", ratio, "x", "0.00")
            .Add($"{key}.peak", $"B9 {recipients:N0}: worker peak working set", peak / 1024.0 / 1024.0, "MB", "0")
            .Add($"{key}.rss.last", $"B9 {recipients:N0}: worker working set at the end", (samples.Count > 0 ? samples[^1] : 0) / 1024.0 / 1024.0, "MB", "0")
            .Add($"{key}.history.rows", $"B9 {recipients:N0}: largest orchestration history (one generation)", rows, "rows")
            .Add($"{key}.history.bytes", $"B9 {recipients:N0}: its size (property data)", bytes / 1024.0, "KB", "0")
            .Add($"{key}.history.generations", $"B9 {recipients:N0}: generations (ContinueAsNew)", generations);
        report.Check($"B9 {recipients:N0}: every recipient sent", state["counts"]!["sent"]!.GetValue<int>() == recipients, $"{state["counts"]}");
        report.Expect($"B9 {recipients:N0}: within {MaxRatio}x the quota's bound", ratio <= MaxRatio, $"{ratio:0.00}x");
        report.Expect($"B9 {recipients:N0}: worker peak under 400 MB", peak > 0 && peak < MaxWorkingSet, $"{peak / 1024 / 1024} MB");
        return peak;
    }

    /// <summary>The task hub's History rows of send runs: the largest generation (rows, bytes of property data) and how many there were.</summary>
    private static async Task<(int Rows, long Bytes, int Generations)> HistoryAsync(AppUnderHost app, CancellationToken ct)
    {
        var table = app.Services.GetRequiredService<TableServiceClient>().GetTableClient(Hub + "History");
        var generations = new Dictionary<string, (int Rows, long Bytes)>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {"sendrun-"} and PartitionKey lt {"sendrun."}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            var generation = row.PartitionKey + "/" + (row.GetString("ExecutionId") ?? string.Empty);
            var size = row.Keys.Sum(k => row[k] switch { string s => s.Length * 2L, byte[] b => b.Length, _ => 8L });
            generations[generation] = generations.TryGetValue(generation, out var g) ? (g.Rows + 1, g.Bytes + size) : (1, size);
        }

        if (generations.Count == 0) return (0, 0, 0);
        var largest = generations.Values.MaxBy(g => g.Rows);
        return (largest.Rows, largest.Bytes, generations.Count);
    }

    /// <summary>POST /api/customers/import of <paramref name="rows"/> generated rows (from a file: a known length), waited until done.</summary>
    private static async Task<(TimeSpan Elapsed, JsonNode Job)> ImportAsync(BenchmarkContext context, AppUnderHost app, Workspace tenant, int rows, CancellationToken ct)
    {
        var path = Path.Combine(Path.GetTempPath(), $"bench-customers-{Guid.NewGuid():N}.csv");
        try
        {
            await using (var writer = new StreamWriter(path, false, new System.Text.UTF8Encoding(false), 1 << 16))
            {
                await writer.WriteAsync("externalId,name,email,emailConsent\r\n");
                for (var i = 0; i < rows; i++) await writer.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"c{i:D7},Customer {i},c{i:D7}@example.com,yes\r\n"));
            }

            using var admin = Client(app, tenant.Key);
            var clock = Stopwatch.StartNew();
            await using var file = File.OpenRead(path);
            using var content = new StreamContent(file, 1 << 16);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
            using var response = await admin.PostAsync($"/api/customers/import?storeId={tenant.StoreId}", content, ct);
            var started = JsonNode.Parse(await response.Content.ReadAsStringAsync(ct));
            if ((int)response.StatusCode != 202) throw new InvalidOperationException($"The import answered {(int)response.StatusCode}: {started}");
            var id = started!["id"]!.GetValue<string>();
            while (true)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), ct);
                var (_, job) = await SendJsonAsync(admin, HttpMethod.Get, $"/api/customers/import/{id}", null, ct);
                var status = job?["status"]?.GetValue<string>();
                if (status is "done") 
                {
                    context.Progress($"imported {rows:N0} customers in {clock.Elapsed.TotalSeconds:0.0} s");
                    return (clock.Elapsed, job!);
                }

                if (status is "failed" || clock.Elapsed > TimeSpan.FromHours(1)) throw new InvalidOperationException($"The import did not finish: {job}");
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>A tenant with a Shopee SG store connected to the sandbox and one claimable voucher of <paramref name="quantity"/>, synced.</summary>
    private static async Task<Workspace> TenantAsync(AppUnderHost app, AzuriteFixture azurite, SandboxHost sandboxes, string name, int quantity, CancellationToken ct)
    {
        var (tenant, key) = await AppHostSettings.NewTenantAsync(app.Services, TenantId.Parse(azurite.UniqueName(name)), name);
        using var admin = Client(app, key);
        var shopId = 9_100_000 + Random.Shared.Next(1, 99_999);
        sandboxes.Shopee.AddShop(shopId, "SG", PartnerId);
        var tokens = sandboxes.Shopee.IssueTokens(PartnerId, shopId);
        var (status, store) = await SendJsonAsync(admin, HttpMethod.Post, "/api/stores", new
        {
            platform = "shopee", site = "SG", shopId = shopId.ToString(CultureInfo.InvariantCulture), displayName = $"Bench {shopId}",
            credentials = new { accessToken = tokens.AccessToken, accessTokenExpiresAt = tokens.AccessTokenExpiresAt, refreshToken = tokens.RefreshToken, refreshTokenExpiresAt = tokens.RefreshTokenExpiresAt },
        }, ct);
        if (status != 201) throw new InvalidOperationException($"POST /api/stores answered {status}: {store}");
        var storeId = store!["id"]!.GetValue<string>();
        var now = sandboxes.Shopee.Clock.GetUtcNow();
        var voucher = sandboxes.Shopee.AddVoucher(shopId, new ShopeeSandboxVoucher
        {
            Code = "BENCH10", Name = "Bench voucher", UsageQuantity = quantity + 10, CurrentUsage = 0, DiscountAmount = 5, MinBasketPrice = 50,
            Start = now.AddDays(-1), End = now.AddDays(30),
        });
        await StoreSyncs.SyncAsync(admin, storeId, () => app.Host.Output, seconds: 120);
        return new Workspace(tenant, key, storeId, voucher.VoucherId.ToString(CultureInfo.InvariantCulture));
    }

    private static async Task<(int Status, JsonNode? Body)> SendJsonAsync(HttpClient client, HttpMethod method, string path, object? body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = JsonContent.Create(body);
        using var response = await client.SendAsync(request, ct);
        var text = await response.Content.ReadAsStringAsync(ct);
        return ((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    /// <summary>An admin client of the host as it runs now (a restart moves it to another port).</summary>
    private static HttpClient Client(AppUnderHost app, string key)
    {
        var client = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = app.Address, Timeout = TimeSpan.FromMinutes(10) };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    private sealed record Workspace(TenantId Id, string Key, string StoreId, string CouponId);
}
