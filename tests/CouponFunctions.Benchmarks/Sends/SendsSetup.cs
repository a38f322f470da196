using System.Globalization;

namespace CouponFunctions.Benchmarks.Sends;

/// <summary>
/// The scale of the sends benchmarks (sends-b9, sends-b10): B9's recipient counts (each run on its own tenant and a fresh worker), the email quota,
/// and B10's import rows. Overrides: COUPONFUNCTIONS_B9_RECIPIENTS ("10000,100000"), COUPONFUNCTIONS_B9_PER_MINUTE (20000),
/// COUPONFUNCTIONS_B10_ROWS (1000000; 0 skips B10).
/// A small proving run: COUPONFUNCTIONS_B9_RECIPIENTS=2000 COUPONFUNCTIONS_B10_ROWS=20000 scripts/benchmark.sh sends.
/// </summary>
internal sealed record SendsSetup(IReadOnlyList<int> Recipients, int PerMinute, int ImportRows)
{
    public static SendsSetup FromEnvironment()
    {
        var recipients = Environment.GetEnvironmentVariable("COUPONFUNCTIONS_B9_RECIPIENTS") is { Length: > 0 } list
            ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(n => int.Parse(n, CultureInfo.InvariantCulture)).ToArray()
            : [10_000, 100_000];
        return new SendsSetup(recipients, Number("COUPONFUNCTIONS_B9_PER_MINUTE", 20_000), Number("COUPONFUNCTIONS_B10_ROWS", 1_000_000));
    }

    private static int Number(string name, int fallback) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
}
