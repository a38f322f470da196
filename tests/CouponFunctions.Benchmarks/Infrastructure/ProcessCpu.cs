using System.Globalization;

namespace CouponFunctions.Benchmarks.Infrastructure;

/// <summary>CPU time (user + system) of a process and every process below it, read from /proc; null where there is none.</summary>
internal static class ProcessCpu
{
    // The kernel's clock ticks per second (USER_HZ), 100 on Linux.
    private const double TicksPerSecond = 100;

    public static double? SecondsOfTree(int? pid)
    {
        if (pid is not { } root || !File.Exists($"/proc/{root}/stat")) return null;
        var total = 0d;
        var pending = new Stack<int>([root]);
        var seen = new HashSet<int>();
        while (pending.TryPop(out var id))
        {
            if (!seen.Add(id)) continue;
            total += SecondsOf(id);
            if (!Directory.Exists($"/proc/{id}/task")) continue;
            foreach (var task in Directory.GetDirectories($"/proc/{id}/task"))
            {
                var children = Path.Combine(task, "children");
                if (!File.Exists(children)) continue;
                foreach (var child in File.ReadAllText(children).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    pending.Push(int.Parse(child, CultureInfo.InvariantCulture));
            }
        }
        return total;
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
