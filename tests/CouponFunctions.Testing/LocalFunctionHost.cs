using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;

namespace CouponFunctions.Testing;

/// <summary>
/// The local Functions host (tools/CouponFunctions.LocalHost) as a child process for tests and benchmarks: started for a
/// worker's output folder with extra environment variables on a free loopback port, ready when it prints
/// <c>Host started:</c>. Its output goes to a log file under <c>COUPONFUNCTIONS_ARTIFACTS</c> (or the temp folder) and into
/// failure messages. <see cref="Kill"/> kills host and worker at once (a crash); <see cref="RestartAsync"/> starts it again on
/// the same port; disposing stops it as Ctrl-C would (WorkerTerminate), then kills what is left.
/// </summary>
public sealed class LocalFunctionHost : IAsyncDisposable
{
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(120);
    private readonly string _hostAssembly;
    private readonly string _scriptRoot;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly StringBuilder _output = new();
    private readonly StreamWriter _log;
    private Process? _process;
    private TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private LocalFunctionHost(string hostAssembly, string scriptRoot, IReadOnlyDictionary<string, string> environment, int port, string logPath)
    {
        _hostAssembly = hostAssembly;
        _scriptRoot = scriptRoot;
        _environment = environment;
        Port = port;
        LogPath = logPath;
        _log = new StreamWriter(logPath, append: true) { AutoFlush = true };
        BaseUrl = new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/");
        Client = new HttpClient(new SocketsHttpHandler { UseProxy = false, PooledConnectionLifetime = TimeSpan.FromSeconds(30) })
        {
            BaseAddress = BaseUrl,
            Timeout = TimeSpan.FromSeconds(100),
        };
    }

    public int Port { get; }

    public Uri BaseUrl { get; }

    /// <summary>An HttpClient with <see cref="BaseUrl"/> as its base address.</summary>
    public HttpClient Client { get; }

    /// <summary>The file the host's output is written to (appended across restarts).</summary>
    public string LogPath { get; }

    /// <summary>Everything the host printed so far.</summary>
    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    /// <summary>The host process id while it runs (its worker is a child of it).</summary>
    public int? ProcessId => _process is { } p && !HasExited(p) ? p.Id : null;

    /// <summary>
    /// Starts the host for <paramref name="scriptRoot"/> (a built worker's output folder) and waits until it is ready.
    /// <paramref name="name"/> names the log file; <paramref name="hostAssembly"/> defaults to the built CouponFunctions.LocalHost.dll.
    /// </summary>
    public static async Task<LocalFunctionHost> StartAsync(
        string scriptRoot,
        IReadOnlyDictionary<string, string>? environment = null,
        string name = "localhost",
        string? hostAssembly = null,
        CancellationToken cancellationToken = default)
    {
        hostAssembly ??= Path.Combine(BuildOutput.Find("CouponFunctions.LocalHost", "CouponFunctions.LocalHost.dll"), "CouponFunctions.LocalHost.dll");
        var artifacts = Environment.GetEnvironmentVariable("COUPONFUNCTIONS_ARTIFACTS") is { Length: > 0 } configured ? configured : Path.GetTempPath();
        Directory.CreateDirectory(artifacts);
        for (var attempt = 1; ; attempt++)
        {
            var logPath = Path.Combine(artifacts, $"{name}-{Guid.NewGuid().ToString("N")[..8]}.host.log");
            var host = new LocalFunctionHost(hostAssembly, Path.GetFullPath(scriptRoot), environment ?? new Dictionary<string, string>(), FreePort(), logPath);
            try
            {
                await host.RestartAsync(cancellationToken).ConfigureAwait(false);
                return host;
            }
            catch (InvalidOperationException) when (attempt < 3 && host.Output.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                // The free port was taken between our check and the host's bind (another process's outgoing connection can
                // get it as its own port): try another.
                await host.DisposeAsync().ConfigureAwait(false);
            }
            catch
            {
                await host.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
    }

    /// <summary>Starts the host again (after <see cref="Kill"/> or a stop) on the same port and waits until it is ready.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        if (_process is { } running && !HasExited(running)) throw new InvalidOperationException("The host is still running; Kill() or stop it first.");
        _ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var info = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _scriptRoot,
        };
        foreach (var argument in new[] { _hostAssembly, "--script-root", _scriptRoot, "--port", Port.ToString(CultureInfo.InvariantCulture) })
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in _environment) info.Environment[key] = value;
        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the local host.");
        _process = process;
        Append($"--- host started (pid {process.Id.ToString(CultureInfo.InvariantCulture)}) ---");
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(s_startTimeout);
        var exited = process.WaitForExitAsync(timeout.Token);
        try
        {
            var first = await Task.WhenAny(_ready.Task, exited).ConfigureAwait(false);
            if (first != _ready.Task)
            {
                await exited.ConfigureAwait(false);
                throw new InvalidOperationException($"The local host exited with code {process.ExitCode.ToString(CultureInfo.InvariantCulture)} before it was ready. Output:\n{Output}");
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Kill();
            throw new InvalidOperationException($"The local host was not ready within {s_startTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s. Output:\n{Output}");
        }
    }

    /// <summary>Kills the host and its worker at once (the whole process tree), as a crash or <c>kill -9</c> would.</summary>
    public void Kill()
    {
        if (_process is not { } process) return;
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        Append("--- host killed ---");
    }

    /// <summary>Stops the host as Ctrl-C/SIGTERM would (it sends WorkerTerminate), waiting up to <paramref name="timeout"/>; false if it had to be killed.</summary>
    public async Task<bool> StopAsync(TimeSpan? timeout = null)
    {
        if (_process is not { } process || HasExited(process)) return true;
        if (OperatingSystem.IsWindows() || SendSignal(process.Id, 15) != 0)
        {
            Kill();
            return false;
        }

        using var wait = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
            Append($"--- host stopped (exit code {process.ExitCode.ToString(CultureInfo.InvariantCulture)}) ---");
            return true;
        }
        catch (OperationCanceledException)
        {
            Kill();
            return false;
        }
    }

    /// <summary>The exit code of the last host process, once it has exited.</summary>
    public int? ExitCode => _process is { } p && HasExited(p) ? p.ExitCode : null;

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(20)).ConfigureAwait(false);
        _process?.Dispose();
        Client.Dispose();
        await _log.DisposeAsync().ConfigureAwait(false);
    }

    private void OnLine(string? line)
    {
        if (line is null) return;
        Append(line);
        if (line.StartsWith("Host started:", StringComparison.Ordinal)) _ready.TrySetResult();
    }

    private void Append(string line)
    {
        lock (_output)
        {
            _output.AppendLine(line);
            _log.WriteLine(line);
        }
    }

    private static bool HasExited(Process process)
    {
        try
        {
            return process.HasExited;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int SendSignal(int pid, int signal);
}
