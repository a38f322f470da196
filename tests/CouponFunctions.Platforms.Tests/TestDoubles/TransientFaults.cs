using CouponFunctions.Sandbox.Common;

namespace CouponFunctions.Platforms.Tests.TestDoubles;

/// <summary>The transient faults every connector retries through, each case named as the platform names that answer.</summary>
internal static class TransientFaults
{
    /// <summary>Two of each fault (one timeout: it costs a whole attempt) and then normal answers; <paramref name="throttle"/>
    /// and <paramref name="error"/> name the platform's own throttle and internal-error answers.</summary>
    public static TheoryData<string, FaultPlan> Named(string throttle, string error) => new()
    {
        { throttle, new FaultPlan { ThrottleRate = 1, MaxFaults = 2 } },
        { error, new FaultPlan { ErrorRate = 1, MaxFaults = 2 } },
        { "bare 503", new FaultPlan { ServerErrorRate = 1, MaxFaults = 2 } },
        { "malformed JSON", new FaultPlan { MalformedJsonRate = 1, MaxFaults = 2 } },
        { "timeout", new FaultPlan { TimeoutRate = 1, MaxFaults = 1 } },
    };
}
