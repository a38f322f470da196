using System.Globalization;
using CouponFunctions.Testing;

namespace CouponFunctions.Benchmarks.Deploy;

/// <summary>Samples the resident set (VmRSS, from /proc) of the local host and its worker while a job runs; the peak is
/// the largest sample. Zero where /proc is missing.</summary>
internal sealed class HostMemory : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private long _peakKb;

    public HostMemory(LocalFunctionHost host) => _sampling = SampleAsync(host, _stop.Token);

    public double PeakMb => Interlocked.Read(ref _peakKb) / 1024.0;

    private async Task SampleAsync(LocalFunctionHost host, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(250));
        do
        {
            var kb = Rss(host);
            if (kb > Interlocked.Read(ref _peakKb)) Interlocked.Exchange(ref _peakKb, kb);
        }
        while (await Next(timer, ct));
    }

    private static async Task<bool> Next(PeriodicTimer timer, CancellationToken ct)
    {
        try
        {
            return await timer.WaitForNextTickAsync(ct);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private static long Rss(LocalFunctionHost host)
    {
        if (host.ProcessId is not { } pid || !File.Exists($"/proc/{pid}/status")) return 0;
        var pids = new List<int> { pid };
        try
        {
            foreach (var task in Directory.GetDirectories($"/proc/{pid}/task"))
            {
                var children = Path.Combine(task, "children");
                if (File.Exists(children)) pids.AddRange(File.ReadAllText(children).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse));
            }

            return pids.Distinct().Sum(id => File.Exists($"/proc/{id}/status")
                ? File.ReadLines($"/proc/{id}/status").Where(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
                    .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture)).FirstOrDefault()
                : 0);
        }
        catch (IOException)
        {
            return 0; // a thread or child ended while it was read: the next sample counts
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
    }
}
