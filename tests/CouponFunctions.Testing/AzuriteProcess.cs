using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;

namespace CouponFunctions.Testing;

/// <summary>
/// In-memory Azurite on free loopback ports (blob, queue, table), started from the repository's pinned
/// <c>node_modules/.bin</c>: one <c>azurite</c> process serving all three, or (<c>servicesApart</c>) <c>azurite-blob</c>,
/// <c>azurite-queue</c> and <c>azurite-table</c> as three processes. Azurite serves every request of a process on one
/// Node event loop, so in one process a queue receive waits behind a table batch; Azure serves the three from separate
/// front ends. Disposing kills the process trees and removes the scratch folder.
/// </summary>
internal sealed class AzuriteProcess : IAsyncDisposable
{
    private static readonly string[] Services = ["blob", "queue", "table"];
    private readonly IReadOnlyList<Process> _processes;
    private readonly string _workingDirectory;

    private AzuriteProcess(IReadOnlyList<Process> processes, string workingDirectory, int blobPort, int queuePort, int tablePort)
    {
        _processes = processes;
        _workingDirectory = workingDirectory;
        ConnectionString =
            "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;"
            + "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"
            + $"BlobEndpoint=http://127.0.0.1:{Invariant(blobPort)}/devstoreaccount1;"
            + $"QueueEndpoint=http://127.0.0.1:{Invariant(queuePort)}/devstoreaccount1;"
            + $"TableEndpoint=http://127.0.0.1:{Invariant(tablePort)}/devstoreaccount1;";
    }

    /// <summary>Path-style connection string with Azurite's well-known development key (public, not a secret).</summary>
    public string ConnectionString { get; }

    /// <summary>The Azurite processes (the benchmarks read their CPU time).</summary>
    public IReadOnlyList<int> ProcessIds => [.. _processes.Select(p => p.Id)];

    public static async Task<AzuriteProcess> StartAsync(bool servicesApart = false)
    {
        Exception? last = null;
        // Free ports are picked then released, so another process can take one in between: retry a few times.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var ports = FreePorts();
            var workingDirectory = Directory.CreateTempSubdirectory("azurite-").FullName;
            var output = new ConcurrentQueue<string>();
            var processes = servicesApart
                ? Services.Select((service, i) => Launch("azurite-" + service, [service], [ports[i]], workingDirectory, output)).ToList()
                : [Launch("azurite", Services, ports, workingDirectory, output)];
            var azurite = new AzuriteProcess(processes, workingDirectory, ports[0], ports[1], ports[2]);
            try
            {
                await WaitUntilListeningAsync(processes, ports, output).ConfigureAwait(false);
                AppDomain.CurrentDomain.ProcessExit += (_, _) => azurite.KillAll();
                return azurite;
            }
            catch (InvalidOperationException ex)
            {
                last = ex;
                await azurite.DisposeAsync().ConfigureAwait(false);
            }
        }

        throw new InvalidOperationException("Azurite did not start.", last);
    }

    public async ValueTask DisposeAsync()
    {
        KillAll();
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            try
            {
                await Task.WhenAll(_processes.Select(p => p.WaitForExitAsync(timeout.Token))).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Already told to die with their trees; nothing more to do.
            }
        }

        foreach (var process in _processes) process.Dispose();
        try
        {
            Directory.Delete(_workingDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover empty temp folder is harmless.
        }
    }

    private void KillAll()
    {
        foreach (var process in _processes) Kill(process);
    }

    /// <summary>Starts <paramref name="program"/> serving <paramref name="services"/> on <paramref name="ports"/> (in the same order).</summary>
    private static Process Launch(string program, string[] services, int[] ports, string workingDirectory, ConcurrentQueue<string> output)
    {
        var executable = FindExecutable(program);
        var info = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            CreateNoWindow = true,
            // --location cannot be combined with --inMemoryPersistence; a scratch working directory catches any stray file.
            WorkingDirectory = workingDirectory,
        };
        // --skipApiVersionCheck: Azure.Storage.Blobs 12.30.1 and Azure.Storage.Queues 12.28.1 send x-ms-version 2026-10-06,
        // newer than Azurite 3.37 accepts (Tables 12.13.0 sends 2020-12-06 and needs nothing).
        for (var i = 0; i < services.Length; i++)
        {
            foreach (var argument in new[] { $"--{services[i]}Host", "127.0.0.1", $"--{services[i]}Port", Invariant(ports[i]) }) info.ArgumentList.Add(argument);
        }

        foreach (var argument in new[] { "--inMemoryPersistence", "--skipApiVersionCheck", "--disableProductStyleUrl", "--silent" }) info.ArgumentList.Add(argument);

        var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {executable}.");
        void Remember(string? line)
        {
            if (string.IsNullOrEmpty(line)) return;
            output.Enqueue(line);
            while (output.Count > 40 && output.TryDequeue(out _))
            {
            }
        }

        process.OutputDataReceived += (_, e) => Remember(e.Data);
        process.ErrorDataReceived += (_, e) => Remember(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitUntilListeningAsync(IReadOnlyList<Process> processes, int[] ports, ConcurrentQueue<string> output)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (processes.FirstOrDefault(p => p.HasExited) is { } exited)
            {
                throw new InvalidOperationException($"Azurite exited with code {exited.ExitCode}: {string.Join(" | ", output)}");
            }

            var open = 0;
            foreach (var port in ports)
            {
                using var client = new TcpClient();
                try
                {
                    await client.ConnectAsync(IPAddress.Loopback, port).ConfigureAwait(false);
                    open++;
                }
                catch (SocketException)
                {
                    break;
                }
            }

            if (open == ports.Length) return;
            await Task.Delay(100).ConfigureAwait(false);
        }

        throw new InvalidOperationException($"Azurite did not open its ports within 30 s: {string.Join(" | ", output)}");
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It exited (or was disposed) between the check and the kill.
        }
    }

    private static int[] FreePorts()
    {
        var listeners = Enumerable.Range(0, 3).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToArray();
        try
        {
            foreach (var listener in listeners) listener.Start();
            return listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            foreach (var listener in listeners) listener.Stop();
        }
    }

    /// <summary>Walks up from the test binaries, the working directory and this source file to a folder with node_modules/.bin/<paramref name="program"/>.</summary>
    private static string FindExecutable(string program, [CallerFilePath] string sourceFile = "")
    {
        var name = OperatingSystem.IsWindows() ? program + ".cmd" : program;
        var starts = new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory(), Path.GetDirectoryName(sourceFile) ?? string.Empty };
        foreach (var start in starts.Where(s => s.Length > 0))
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "node_modules", ".bin", name);
                if (File.Exists(candidate)) return candidate;
            }
        }

        throw new InvalidOperationException(
            $"Azurite was not found above {string.Join(", ", starts)}. Run `npm ci` in the repository root (Azurite is pinned in package.json), "
            + $"or set {AzuriteFixture.EnvironmentVariable} to a storage connection string.");
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}
