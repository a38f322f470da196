using System.Globalization;
using CouponFunctions.Sandbox.Common;
using CouponFunctions.Storage;
using CouponFunctions.Storage.Queues;
using CouponFunctions.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CouponFunctions.Benchmarks.Operations;

/// <summary>
/// The real app as it runs: the built isolated worker started by the local Functions host (tools/CouponFunctions.LocalHost)
/// over Azurite, its connectors pointed at the sandboxes of this process. Timers, queues and HTTP are the host's own;
/// the benchmark only sets the SyncCoupons schedule to fire once at an instant it chooses, and reads storage through
/// the same Storage code the app uses (<see cref="Services"/>).
/// </summary>
internal sealed class AppUnderHost : IAsyncDisposable
{
    private readonly Dictionary<string, string> _settings;
    private readonly ServiceProvider _services;
    private readonly TimeProvider _time;
    private LocalFunctionHost? _host;
    private int _starts;

    // Host ids unique to this instance too: suites run one after another share one Azurite, and a schedule status left by
    // an earlier suite's "bench-operations-1" would fire that suite's timer as past due.
    private readonly string _run = Guid.NewGuid().ToString("N")[..8];

    private AppUnderHost(Dictionary<string, string> settings, TimeProvider time)
    {
        _settings = settings;
        _time = time;
        _services = AppHostSettings.StorageServices(settings);
    }

    public IServiceProvider Services => _services;

    public LocalFunctionHost Host => _host ?? throw new InvalidOperationException("The host is not started.");

    public Uri Address => Host.BaseUrl;

    /// <summary>
    /// The worker's settings: the common test settings over <paramref name="storage"/> and <paramref name="sandboxes"/>,
    /// then <paramref name="overrides"/> (configuration keys with ':'; written as environment names with '__').
    /// </summary>
    public static async Task<AppUnderHost> CreateAsync(string storage, SandboxHost sandboxes, SandboxPartners partners, IReadOnlyDictionary<string, string> overrides, TimeProvider time)
    {
        var settings = AppHostSettings.For(storage, sandboxes, partners, hostId: "bench-operations");
        // The benchmark measures the app, not its log lines.
        settings["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in overrides) settings[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        var app = new AppUnderHost(settings, time);
        // The tenant and its stores are written before the worker first starts (it would create these at start-up).
        await app.Services.GetRequiredService<StorageInitializer>().EnsureCreatedAsync(QueueNames.Messages.Values.Distinct());
        return app;
    }

    /// <summary>
    /// (Re)starts host and worker with the SyncCoupons timer due once, at a whole second after the host is ready (an
    /// NCRONTAB for that one instant), and returns that instant. A host slower to start than the margin is started again
    /// with a longer one, so the timer never fires before the clock the benchmark measures from.
    /// </summary>
    public async Task<DateTimeOffset> StartWithSyncTimerAsync(CancellationToken cancellationToken)
    {
        var margin = TimeSpan.FromSeconds(30);
        while (true)
        {
            if (_host is not null) await _host.DisposeAsync();
            var now = _time.GetUtcNow();
            var due = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, now.Second, TimeSpan.Zero) + margin;
            _settings["SyncCouponsSchedule"] = string.Create(CultureInfo.InvariantCulture, $"{due.Second} {due.Minute} {due.Hour} {due.Day} {due.Month} *");
            // A host id per start: no schedule status of an earlier start (a past "Next") fires the timer as past due.
            _settings["AzureFunctionsWebHost__hostid"] = $"bench-ops-{_run}-{++_starts}";
            _host = await LocalFunctionHost.StartAsync(BuildOutput.Find("CouponFunctions.App", "CouponFunctions.App.dll"), _settings, "bench-operations", cancellationToken: cancellationToken);
            await AppHostSettings.WaitUntilHealthyAsync(_host);
            if (_time.GetUtcNow() < due - TimeSpan.FromSeconds(1)) return due;
            margin *= 2;
        }
    }

    /// <summary>(Re)starts host and worker as configured (a fresh worker process: its peak memory starts again) and waits until healthy.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_host is not null) await _host.DisposeAsync();
        _settings["AzureFunctionsWebHost__hostid"] = $"bench-app-{_run}-{++_starts}";
        _host = await LocalFunctionHost.StartAsync(BuildOutput.Find("CouponFunctions.App", "CouponFunctions.App.dll"), _settings, "bench-app", cancellationToken: cancellationToken);
        await AppHostSettings.WaitUntilHealthyAsync(_host);
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
        await _services.DisposeAsync();
    }
}
