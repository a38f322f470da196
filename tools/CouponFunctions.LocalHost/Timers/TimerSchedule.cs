using System.Globalization;
using NCrontab;

namespace CouponFunctions.LocalHost.Timers;

/// <summary>A timer trigger's schedule: six-field NCRONTAB (with seconds) or a TimeSpan interval, as the host accepts.</summary>
internal sealed class TimerSchedule
{
    private readonly CrontabSchedule? _cron;
    private readonly TimeSpan? _interval;

    private TimerSchedule(CrontabSchedule? cron, TimeSpan? interval, string expression)
    {
        _cron = cron;
        _interval = interval;
        Expression = expression;
    }

    public string Expression { get; }

    public static TimerSchedule Parse(string expression)
    {
        var trimmed = expression.Trim();
        if (trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length == 6)
        {
            return new TimerSchedule(CrontabSchedule.Parse(trimmed, new CrontabSchedule.ParseOptions { IncludingSeconds = true }), null, trimmed);
        }
        if (TimeSpan.TryParse(trimmed, CultureInfo.InvariantCulture, out var interval) && interval > TimeSpan.Zero)
        {
            return new TimerSchedule(null, interval, trimmed);
        }
        throw new FormatException($"'{expression}' is neither a six-field NCRONTAB expression ('{{second}} {{minute}} {{hour}} {{day}} {{month}} {{day-of-week}}') nor a TimeSpan.");
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/> (UTC, as Azure timers run in UTC).</summary>
    public DateTimeOffset GetNextOccurrence(DateTimeOffset after)
    {
        if (_interval is { } interval) return after + interval;
        var next = _cron!.GetNextOccurrence(after.UtcDateTime);
        return new DateTimeOffset(DateTime.SpecifyKind(next, DateTimeKind.Utc));
    }
}
