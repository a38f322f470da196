using System.Diagnostics;
using System.Globalization;
using CouponFunctions.LocalHost.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CouponFunctions.LocalHost.Worker;

/// <summary>
/// Runs the worker the way Azure's host does (<c>dotnet App.dll --functions-uri ... --functions-worker-id ...</c>, the app
/// settings as environment), restarts it when it dies, and on shutdown sends WorkerTerminate and waits for it to exit.
/// A worker that exits once the host is stopping is never restarted: a terminal's Ctrl-C reaches the worker as well as the
/// host, and the worker is stopped last (after the listeners and the Durable dispatchers have drained), so it often dies
/// first.
/// </summary>
internal sealed class WorkerProcess(
    ScriptRoot root, WorkerChannel channel, GrpcEndpoint endpoint, IHostApplicationLifetime lifetime, ILogger<WorkerProcess> logger) : BackgroundService
{
    private static readonly TimeSpan s_gracePeriod = TimeSpan.FromSeconds(10);
    private Process? _process;
    private volatile bool _stopping;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The running worker is awaited until this service stops (StopAsync terminates it); restarts end when the host stops.
        using var restarts = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lifetime.ApplicationStopping);
        var uri = await endpoint.Address.WaitAsync(restarts.Token).ConfigureAwait(false);
        while (!restarts.IsCancellationRequested)
        {
            using var process = Start(uri);
            _process = process;
            try
            {
                await process.WaitForExitAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (_stopping || restarts.IsCancellationRequested) return;
            logger.LogWarning("The worker exited with code {ExitCode}; restarting it.", process.ExitCode);
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(1), restarts.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping = true;
        var process = _process;
        if (process is not null && !HasExited(process))
        {
            if (channel.Terminate(s_gracePeriod)) logger.LogInformation("Sent WorkerTerminate to the worker.");
            using var grace = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            grace.CancelAfter(s_gracePeriod);
            try
            {
                await process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                logger.LogWarning("The worker did not stop within {Seconds} s; killing it.", s_gracePeriod.TotalSeconds);
                Kill(process);
            }
        }

        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    private Process Start(Uri functionsUri)
    {
        var workerId = Guid.NewGuid().ToString();
        var info = new ProcessStartInfo(root.Executable)
        {
            WorkingDirectory = root.Directory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[]
                 {
                     root.WorkerPath,
                     "--functions-uri", functionsUri.ToString(),
                     "--functions-worker-id", workerId,
                     "--functions-request-id", Guid.NewGuid().ToString(),
                     "--functions-grpc-max-message-length", int.MaxValue.ToString(CultureInfo.InvariantCulture),
                 })
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in root.Settings.Values) info.Environment[name] = value;
        info.Environment["FUNCTIONS_APPLICATION_DIRECTORY"] = root.Directory;
        info.Environment["AzureWebJobsScriptRoot"] = root.Directory;
        info.Environment["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated";

        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {root.Executable}.");
        process.OutputDataReceived += (_, e) => Print(e.Data, LogLevel.Information);
        process.ErrorDataReceived += (_, e) => Print(e.Data, LogLevel.Warning);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        logger.LogInformation("Started the worker (pid {Pid}, id {WorkerId}): {Executable} {Worker}", process.Id, workerId, root.Executable, Path.GetFileName(root.WorkerPath));
        return process;
    }

    private void Print(string? line, LogLevel level)
    {
        if (!string.IsNullOrWhiteSpace(line)) logger.Log(level, "[worker output] {Line}", line);
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

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }
}
