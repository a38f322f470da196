using System.Diagnostics;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using CouponFunctions.Benchmarks.Infrastructure;
using CouponFunctions.Core.Segments;
using CouponFunctions.Core.Sends;
using CouponFunctions.Core.Sends.Running;
using Microsoft.Extensions.DependencyInjection;

namespace CouponFunctions.Benchmarks.Sends;

/// <summary>
/// B9 (<c>sends-b9</c>): per scale, a rule segment of N imported customers, a coupon with enough quantity, a send by email through
/// the outbox sink with a quota of 20,000 per minute, run by the StartDueSends timer once made due; elapsed from the send's start
/// to its end against the quota's bound (N / quota), the worker's peak working set (a fresh worker per scale, so each peak is
/// that send's alone) and the largest orchestration history (rows and bytes of one generation in the task hub's History table).
/// Each scale's figures print as soon as it is over.
/// </summary>
internal sealed class SendBenchmark : IBenchmark
{
    private const double MaxRatio = 1.15;
    private const long MaxWorkingSet = 400L * 1024 * 1024;

    public string Name => "sends-b9";

    public string Description =>
        "B9 a send to 10,000 and 100,000 recipients at 20,000 emails/min (elapsed <= 1.15x the quota's bound, worker < 400 MB and flat)";

    public async Task<BenchmarkReport> RunAsync(BenchmarkContext context)
    {
        var ct = context.CancellationToken;
        var setup = SendsSetup.FromEnvironment();
        var report = new BenchmarkReport(Name, Description);
        await using var bench = await SendsBench.StartAsync(context, setup);
        var peaks = new List<(int Recipients, long Peak)>();
        foreach (var recipients in setup.Recipients)
        {
            var tenant = await bench.TenantAsync($"b9-{recipients}", recipients, ct);
            await bench.ImportAsync(context, tenant, recipients, ct);
            var scale = new BenchmarkReport(Name, Description);
            var peak = await SendAsync(context, bench, tenant, recipients, setup.PerMinute, scale, ct);
            context.Output.WriteLine();
            scale.Print(context.Output);
            context.Output.WriteLine();
            report.Merge(scale);
            peaks.Add((recipients, peak));
        }

        if (peaks.Count > 1)
        {
            var (small, large) = (peaks.MinBy(p => p.Recipients), peaks.MaxBy(p => p.Recipients));
            var growth = (double)large.Peak / small.Peak;
            report.Add("b9.memory.growth", $"B9 peak working set, {large.Recipients:N0} / {small.Recipients:N0} recipients", growth, "x", "0.00");
            report.Expect($"worker memory flat with recipients ({large.Recipients:N0} vs {small.Recipients:N0}: within 1.25x)", growth <= 1.25, $"{growth:0.00}x");
        }

        report.AddText("sends.setup", "Setup", $"Azurite in memory, local Functions host + isolated worker, outbox sinks, {Environment.ProcessorCount} cores");
        return report;
    }

    /// <summary>One scale: schedule, restart the worker (its peak starts again), make the send due, wait for its end.</summary>
    private static async Task<long> SendAsync(BenchmarkContext context, SendsBench bench, SendsBench.Workspace tenant, int recipients, int perMinute, BenchmarkReport report, CancellationToken ct)
    {
        var app = bench.App;
        var now = context.Time.GetUtcNow();
        var segment = (await app.Services.GetRequiredService<ISegmentRepository>().CreateAsync(new Segment
        {
            TenantId = tenant.Id, Id = SegmentId.New(), Name = "Everyone", Kind = SegmentKind.Rule, Rule = SegmentRule.Everyone, CreatedAt = now, UpdatedAt = now,
        }, ct)).Value!;
        var slot = now.AddHours(3);
        using var before = bench.Client(tenant.Key);
        var (status, body) = await SendsBench.SendJsonAsync(before, HttpMethod.Post, "/api/sends", new
        {
            segmentId = segment.Id.Value, storeId = tenant.StoreId, couponId = tenant.CouponId, channels = new[] { "email" },
            scheduledAt = new DateTimeOffset(slot.Year, slot.Month, slot.Day, slot.Hour, 0, 0, TimeSpan.Zero),
            message = new { emailSubject = "{{customer.name}}, a coupon", emailBody = "<p>Use {{coupon.code}}: <a href=\"{{claimUrl}}\">shop</a></p>", smsText = "{{coupon.code}}" },
        }, ct);
        if (status != 201) throw new InvalidOperationException($"POST /api/sends answered {status}: {body}");
        var sendId = SendId.Parse(body!["id"]!.GetValue<string>());

        await app.StartAsync(ct);
        using var admin = bench.Client(tenant.Key);
        var sends = app.Services.GetRequiredService<ISendRepository>();
        var send = await sends.GetAsync(tenant.Id, sendId, ct);
        if (!(await sends.UpdateAsync(send! with { ScheduledAt = context.Time.GetUtcNow().AddSeconds(-1) }, ct)).IsOk) throw new InvalidOperationException("The send could not be made due.");
        context.Progress($"B9 {recipients:N0} recipients: send {sendId} due now");

        var bound = TimeSpan.FromMinutes((double)recipients / perMinute);
        var deadline = Stopwatch.StartNew();
        var samples = new List<long>();
        JsonNode? state = null;
        var lastProgress = TimeSpan.Zero;
        DateTimeOffset? firstSentAt = null;
        while (deadline.Elapsed < bound * 10 + TimeSpan.FromMinutes(10))
        {
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
            if (WorkerMemory.CurrentBytes(app.Host.ProcessId) is { } rss) samples.Add(rss);
            (_, state) = await SendsBench.SendJsonAsync(admin, HttpMethod.Get, $"/api/sends/{sendId}", null, ct);
            if (firstSentAt is null && state?["counts"]?["sent"]?.GetValue<int>() > 0) firstSentAt = context.Time.GetUtcNow();
            if (state?["status"]?.GetValue<string>() is "done" or "failed") break;
            if (deadline.Elapsed - lastProgress >= TimeSpan.FromSeconds(30))
            {
                lastProgress = deadline.Elapsed;
                context.Progress($"B9 {recipients:N0}: {deadline.Elapsed.TotalSeconds:0} s, {state?["counts"]?.ToJsonString()}, worker {(samples.Count > 0 ? samples[^1] : 0) / 1024 / 1024} MB");
            }
        }

        if (state?["status"]?.GetValue<string>() is not ("done" or "failed")) throw new InvalidOperationException($"The send did not finish: {state}. Host log: {app.Host.LogPath}");
        var (startedAt, finishedAt) = (state["startedAt"]!.GetValue<DateTimeOffset>(), state["finishedAt"]!.GetValue<DateTimeOffset>());
        var elapsed = finishedAt - startedAt;
        // Seen by the 1 s poll: the snapshot and the first wave before it, the paced waves after it.
        var untilFirst = (firstSentAt ?? finishedAt) - startedAt;
        var sending = finishedAt - (firstSentAt ?? startedAt);
        var peak = WorkerMemory.PeakBytes(app.Host.ProcessId) ?? 0;
        var (rows, bytes, generations, waves) = await HistoryAsync(app.Services, $"sendrun-{tenant.Id.Value}-{sendId.Value}", ct);
        var ratio = elapsed / bound;
        var key = $"b9.{recipients}";
        report.Add($"{key}.elapsed", $"B9 {recipients:N0}: start to end", elapsed.TotalSeconds, "s", "0.0")
            .Add($"{key}.bound", $"B9 {recipients:N0}: the quota's bound ({perMinute:N0}/min)", bound.TotalSeconds, "s", "0.0")
            .Add($"{key}.ratio", $"B9 {recipients:N0}: elapsed / bound", ratio, "x", "0.00")
            .Add($"{key}.first", $"B9 {recipients:N0}: start to the first message seen sent (snapshot, first wave)", untilFirst.TotalSeconds, "s", "0.0")
            .Add($"{key}.rate", $"B9 {recipients:N0}: messages a second from then on (quota {perMinute / 60.0:0}/s)", sending > TimeSpan.Zero ? recipients / sending.TotalSeconds : 0, "/s", "0")
            .Add($"{key}.peak", $"B9 {recipients:N0}: worker peak working set", peak / 1024.0 / 1024.0, "MB", "0")
            .Add($"{key}.rss.last", $"B9 {recipients:N0}: worker working set at the end", (samples.Count > 0 ? samples[^1] : 0) / 1024.0 / 1024.0, "MB", "0")
            .Add($"{key}.history.rows", $"B9 {recipients:N0}: largest orchestration history (one generation)", rows, "rows")
            .Add($"{key}.history.bytes", $"B9 {recipients:N0}: its size (property data)", bytes / 1024.0, "KB", "0")
            .Add($"{key}.history.generations", $"B9 {recipients:N0}: generations in the history (ContinueAsNew replaces the older ones)", generations)
            .Add($"{key}.waves", $"B9 {recipients:N0}: waves (SendWave activities scheduled)", waves.Count)
            .Add($"{key}.waves.gap", $"B9 {recipients:N0}: mean time between wave starts (the plan's interval: {PacingPlan.Create(new ChannelQuota(perMinute, perMinute * 60), 100).Interval.TotalSeconds:0.00} s)",
                waves.Gap.TotalSeconds, "s", "0.00")
            .Add($"{key}.waves.duration", $"B9 {recipients:N0}: mean wave activity, scheduled to completed", waves.Duration.TotalSeconds, "s", "0.00")
            .Add($"{key}.waves.longest", $"B9 {recipients:N0}: longest wave activity", waves.Longest.TotalSeconds, "s", "0.00")
            .Add($"{key}.finish", $"B9 {recipients:N0}: last wave completed to the send finished (the finish: its count of outcomes)",
                waves.LastCompleted is { } last ? (finishedAt - last).TotalSeconds : 0, "s", "0.0");
        report.Check($"B9 {recipients:N0}: every recipient sent", state["counts"]!["sent"]!.GetValue<int>() == recipients, $"{state["counts"]}");
        report.Expect($"B9 {recipients:N0}: within {MaxRatio}x the quota's bound", ratio <= MaxRatio, $"{ratio:0.00}x");
        report.Expect($"B9 {recipients:N0}: worker peak under 400 MB", peak > 0 && peak < MaxWorkingSet, $"{peak / 1024 / 1024} MB");
        return peak;
    }

    /// <summary>The task hub's History rows of this send's run (its instance, every generation kept): the largest generation (rows, bytes of property data), how many there were,
    /// and the waves' timing from their events (orchestration time, not the benchmark's poll): mean gap between consecutive wave
    /// starts, mean and longest activity from scheduled to completed.</summary>
    private static async Task<(int Rows, long Bytes, int Generations, WaveTimes Waves)> HistoryAsync(IServiceProvider services, string instanceId, CancellationToken ct)
    {
        var scheduled = new Dictionary<(string, int), DateTimeOffset>();
        var completed = new Dictionary<(string, int), DateTimeOffset>();
        var table = services.GetRequiredService<TableServiceClient>().GetTableClient(SendsBench.Hub + "History");
        var generations = new Dictionary<string, (int Rows, long Bytes)>(StringComparer.Ordinal);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {instanceId}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: ct))
        {
            var generation = row.PartitionKey + "/" + (row.GetString("ExecutionId") ?? string.Empty);
            var size = row.Keys.Sum(k => row[k] switch { string s => s.Length * 2L, byte[] b => b.Length, _ => 8L });
            generations[generation] = generations.TryGetValue(generation, out var g) ? (g.Rows + 1, g.Bytes + size) : (1, size);
            if (row.GetDateTimeOffset("_Timestamp") is not { } at) continue;
            if (row.GetString("EventType") == "TaskScheduled" && row.GetString("Name") == "SendWave") scheduled[(generation, row.GetInt32("EventId") ?? -1)] = at;
            else if (row.GetString("EventType") == "TaskCompleted") completed[(generation, row.GetInt32("TaskScheduledId") ?? -1)] = at;
        }

        if (generations.Count == 0) return (0, 0, 0, new WaveTimes(0, TimeSpan.Zero, TimeSpan.Zero, TimeSpan.Zero, null));
        var largest = generations.Values.MaxBy(g => g.Rows);
        var starts = scheduled.Values.Order().ToList();
        var gap = starts.Count > 1 ? (starts[^1] - starts[0]) / (starts.Count - 1) : TimeSpan.Zero;
        var durations = scheduled.Where(s => completed.ContainsKey(s.Key)).Select(s => completed[s.Key] - s.Value).ToList();
        var times = new WaveTimes(starts.Count, gap, durations.Count > 0 ? durations.Aggregate(TimeSpan.Zero, (a, d) => a + d) / durations.Count : TimeSpan.Zero,
            durations.Count > 0 ? durations.Max() : TimeSpan.Zero, scheduled.Keys.Where(completed.ContainsKey).Select(k => (DateTimeOffset?)completed[k]).Max());
        return (largest.Rows, largest.Bytes, generations.Count, times);
    }

    private sealed record WaveTimes(int Count, TimeSpan Gap, TimeSpan Duration, TimeSpan Longest, DateTimeOffset? LastCompleted);
}
