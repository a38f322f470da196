using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;

namespace CouponFunctions.Testing;

/// <summary>
/// One in-memory Azurite child process on free loopback ports (blob, queue, table), started from the repository's pinned
/// <c>node_modules/.bin/azurite</c>. Disposing kills the whole process tree and removes its scratch folder.
/// </summary>
internal sealed class AzuriteProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _workingDirectory;

    private AzuriteProcess(Process process, string workingDirectory, int blobPort, int queuePort, int tablePort)
    {
        _process = process;
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

    /// <summary>The Azurite process (the benchmarks read its CPU time).</summary>
    public int ProcessId => _process.Id;

    public static async Task<AzuriteProcess> StartAsync()
    {
        var executable = FindExecutable();
        Exception? last = null;
        // Free ports are picked then released, so another process can take one in between: retry a few times.
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var ports = FreePorts();
            var workingDirectory = Directory.CreateTempSubdirectory("azurite-").FullName;
            var output = new ConcurrentQueue<string>();
            var process = Launch(executable, ports, workingDirectory, output);
            var azurite = new AzuriteProcess(process, workingDirectory, ports[0], ports[1], ports[2]);
            try
            {
                await WaitUntilListeningAsync(process, ports, output).ConfigureAwait(false);
                AppDomain.CurrentDomain.ProcessExit += (_, _) => Kill(process);
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
        Kill(_process);
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            try
            {
                await _process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Already told to die with its tree; nothing more to do.
            }
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_workingDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover empty temp folder is harmless.
        }
    }

    private static Process Launch(string executable, int[] ports, string workingDirectory, ConcurrentQueue<string> output)
    {
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
        foreach (var argument in new[]
                 {
                     "--blobHost", "127.0.0.1", "--blobPort", Invariant(ports[0]),
                     "--queueHost", "127.0.0.1", "--queuePort", Invariant(ports[1]),
                     "--tableHost", "127.0.0.1", "--tablePort", Invariant(ports[2]),
                     "--inMemoryPersistence", "--skipApiVersionCheck", "--disableProductStyleUrl", "--silent",
                 })
        {
            info.ArgumentList.Add(argument);
        }

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

    private static async Task WaitUntilListeningAsync(Process process, int[] ports, ConcurrentQueue<string> output)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Azurite exited with code {process.ExitCode}: {string.Join(" | ", output)}");
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

    /// <summary>Walks up from the test binaries, the working directory and this source file to a folder with node_modules/.bin/azurite.</summary>
    private static string FindExecutable([CallerFilePath] string sourceFile = "")
    {
        var name = OperatingSystem.IsWindows() ? "azurite.cmd" : "azurite";
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
