using System.Globalization;
using CouponFunctions.Benchmarks.Infrastructure;
using CouponFunctions.Core.Stores;
using CouponFunctions.Sandbox.Common;

namespace CouponFunctions.Benchmarks.Operations;

/// <summary>
/// Where a sync's time goes, seen from outside the app: from the timer's instant, the platform calls each sandbox answered
/// every second, and the CPU time of the host with its worker, of Azurite and of this process (the sandboxes) over the run,
/// with the CPU time the hypervisor stole from the machine meanwhile.
/// A platform below its app limit for a stretch shows where the run lost time against the bound: ramp-up, middle or tail.
/// </summary>
internal sealed class SyncTimeline
{
    private readonly SandboxHost _sandboxes;
    private readonly IReadOnlyList<int> _azurite;
    private readonly TimeProvider _time;
    private readonly List<long[]> _calls = [];
    private readonly CancellationTokenSource _stop = new();
    private (double? Host, double? Azurite, double? Self, double? Stolen) _cpuAtStart;
    private int? _host;
    private Task _sampling = Task.CompletedTask;

    public SyncTimeline(SandboxHost sandboxes, IReadOnlyList<int> azurite, TimeProvider time)
    {
        _sandboxes = sandboxes;
        _azurite = azurite;
        _time = time;
    }

    /// <summary>Samples from <paramref name="due"/> (the timer's instant) until <see cref="StopAsync"/>.</summary>
    public void Start(DateTimeOffset due, int? host)
    {
        _host = host;
        _sampling = SampleAsync(due, _stop.Token);
    }

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
    }

    private async Task SampleAsync(DateTimeOffset due, CancellationToken stop)
    {
        try
        {
            var wait = due - _time.GetUtcNow();
            if (wait > TimeSpan.Zero) await Task.Delay(wait, _time, stop);
            _cpuAtStart = Cpu();
            using var tick = new PeriodicTimer(TimeSpan.FromSeconds(1), _time);
            _calls.Add(Calls());
            while (await tick.WaitForNextTickAsync(stop)) _calls.Add(Calls());
        }
        catch (OperationCanceledException)
        {
        }
        _calls.Add(Calls());
        var end = Cpu();
        CpuSeconds = (end.Host - _cpuAtStart.Host, end.Azurite - _cpuAtStart.Azurite, end.Self - _cpuAtStart.Self, end.Stolen - _cpuAtStart.Stolen);
    }

    public (double? Host, double? Azurite, double? Self, double? Stolen) CpuSeconds { get; private set; }

    /// <summary>Each platform's calls per second, averaged over <paramref name="bucket"/> seconds at a time.</summary>
    public string RatesOf(Platform platform, int bucket)
    {
        var index = _sandboxes.Parts().Select((p, i) => (p.Platform, i)).First(p => p.Platform == platform).i;
        var rates = new List<string>();
        for (var start = 0; start + 1 < _calls.Count; start += bucket)
        {
            var end = Math.Min(start + bucket, _calls.Count - 1);
            rates.Add(((_calls[end][index] - _calls[start][index]) / (double)(end - start)).ToString("0", CultureInfo.InvariantCulture));
        }
        return string.Join(' ', rates);
    }

    public void AddTo(BenchmarkReport report, string prefix, string label)
    {
        var (host, azurite, self, stolen) = CpuSeconds;
        if (host is { } h) report.Add($"{prefix}.cpu.host", $"{label} CPU time of the host and its worker", h, "s", "0.0");
        if (azurite is { } a) report.Add($"{prefix}.cpu.azurite", $"{label} CPU time of Azurite", a, "s", "0.0");
        if (self is { } s) report.Add($"{prefix}.cpu.sandboxes", $"{label} CPU time of this process (the sandboxes)", s, "s", "0.0");
        if (stolen is { } st) report.Add($"{prefix}.cpu.stolen", $"{label} CPU time stolen by the hypervisor (all cores; much of it means a slower run)", st, "s", "0.0");
        foreach (var (platform, _, _) in _sandboxes.Parts())
            report.AddText($"{prefix}.rate.{platform.ToWire()}", $"{label} {platform.ToWire()} calls per second, 5 s at a time", RatesOf(platform, 5));
        // The ramp-up second by second: how soon the platforms reach their limits after the timer.
        foreach (var (platform, _, _) in _sandboxes.Parts())
            report.AddText($"{prefix}.ramp.{platform.ToWire()}", $"{label} {platform.ToWire()} calls per second, first 20 s", string.Join(' ', RatesOf(platform, 1).Split(' ').Take(20)));
    }

    private long[] Calls() => _sandboxes.Parts().Select(p => p.Stats.Calls).ToArray();

    private (double? Host, double? Azurite, double? Self, double? Stolen) Cpu() =>
        (ProcessCpu.SecondsOfTree(_host), _azurite.Count == 0 ? null : _azurite.Sum(p => ProcessCpu.SecondsOfTree(p) ?? 0), ProcessCpu.SecondsOf(Environment.ProcessId),
            ProcessCpu.StolenSeconds());
}
