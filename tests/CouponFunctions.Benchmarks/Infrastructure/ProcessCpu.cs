using System.Globalization;

namespace CouponFunctions.Benchmarks.Infrastructure;

/// <summary>CPU time (user + system) of a process and of every process below it, read from /proc; null where there is none.</summary>
internal static class ProcessCpu
{
    // The kernel's clock ticks per second (USER_HZ), 100 on Linux.
    private const double TicksPerSecond = 100;

    public static double? SecondsOfTree(int? pid) =>
        pid is { } root && File.Exists($"/proc/{root}/stat") ? TreeOf(root).Sum(SecondsOf) : null;

    /// <summary>The process and every process below it (children of its threads, theirs in turn), from /proc.</summary>
    public static IReadOnlyList<int> TreeOf(int root)
    {
        var tree = new List<int>();
        var pending = new Stack<int>([root]);
        while (pending.TryPop(out var id))
        {
            if (tree.Contains(id) || !Directory.Exists($"/proc/{id}/task")) continue;
            tree.Add(id);
            foreach (var task in Directory.GetDirectories($"/proc/{id}/task"))
            {
                var children = Path.Combine(task, "children");
                if (!File.Exists(children)) continue;
                foreach (var child in File.ReadAllText(children).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    pending.Push(int.Parse(child, CultureInfo.InvariantCulture));
            }
        }
        return tree;
    }

    /// <summary>
    /// CPU time the hypervisor gave to other machines while this one wanted it (steal, summed over the cores), from
    /// /proc/stat; null where there is none. A run with much of it was measured on a slower machine than the others.
    /// </summary>
    public static double? StolenSeconds()
    {
        try
        {
            // "cpu  user nice system idle iowait irq softirq steal ...": steal is the 8th number.
            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return long.Parse(fields[8], CultureInfo.InvariantCulture) / TicksPerSecond;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>CPU time of the one process, without its children.</summary>
    public static double SecondsOf(int pid)
    {
        try
        {
            // The command name (field 2) is in parentheses and may hold spaces: fields count from after its ')'.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name.
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
