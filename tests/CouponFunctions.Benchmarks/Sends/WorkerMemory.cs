using System.Globalization;

namespace CouponFunctions.Benchmarks.Sends;

/// <summary>
/// The isolated worker's memory, read from Linux /proc: the worker is the host's child process running CouponFunctions.App.dll;
/// VmHWM is its peak resident set since it started (so a freshly started worker measures one run alone).
/// </summary>
internal static class WorkerMemory
{
    /// <summary>The worker's peak working set in bytes, or null when it is not found (not Linux, or not running).</summary>
    public static long? PeakBytes(int? hostProcessId) => Worker(hostProcessId) is { } pid ? Field(pid, "VmHWM:") : null;

    /// <summary>The worker's current working set in bytes.</summary>
    public static long? CurrentBytes(int? hostProcessId) => Worker(hostProcessId) is { } pid ? Field(pid, "VmRSS:") : null;

    private static int? Worker(int? hostProcessId)
    {
        if (hostProcessId is not { } host || !Directory.Exists("/proc")) return null;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                // "pid (comm) state ppid ...": the command may hold spaces, so read after the last ')'.
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (int.Parse(fields[1], CultureInfo.InvariantCulture) != host) continue;
                if (File.ReadAllText(Path.Combine(dir, "cmdline")).Contains("CouponFunctions.App.dll", StringComparison.Ordinal)) return pid;
            }
            catch (IOException)
            {
                // The process ended while it was read.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return null;
    }

    private static long? Field(int pid, string name)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal));
            return line is null ? null : long.Parse(line[name.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
