using System.Globalization;

namespace CouponFunctions.LocalHost;

/// <summary>The command line: <c>--script-root &lt;worker output folder&gt; [--port N]</c>.</summary>
internal sealed record HostArguments(string ScriptRoot, int Port)
{
    public const int DefaultPort = 7071;

    public static HostArguments? Parse(IReadOnlyList<string> args, TextWriter error)
    {
        string? scriptRoot = null;
        var port = DefaultPort;
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            switch (args[i])
            {
                case "--script-root" when value is not null:
                    scriptRoot = value;
                    i++;
                    break;
                case "--port" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed is > 0 and < 65536:
                    port = parsed;
                    i++;
                    break;
                default:
                    error.WriteLine($"Unexpected argument '{args[i]}'.");
                    error.WriteLine("Usage: CouponFunctions.LocalHost --script-root <built worker folder> [--port N]");
                    return null;
            }
        }

        if (scriptRoot is null)
        {
            error.WriteLine("Usage: CouponFunctions.LocalHost --script-root <built worker folder> [--port N]");
            return null;
        }

        return new HostArguments(scriptRoot, port);
    }
}
