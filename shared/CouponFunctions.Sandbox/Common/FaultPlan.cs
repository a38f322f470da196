namespace CouponFunctions.Sandbox.Common;

/// <summary>What a sandbox does wrong on purpose, for a whole platform or one shop; settable at run time from C# or HTTP.</summary>
public sealed record FaultPlan
{
    /// <summary>Share of calls (0–1) answered with the platform's own internal-error envelope (Shopee <c>error_server</c>, HTTP 500).</summary>
    public double ErrorRate { get; init; }

    /// <summary>Share of calls answered by the "gateway" with a bare HTTP 503 and an HTML body.</summary>
    public double ServerErrorRate { get; init; }

    /// <summary>Share of calls answered with HTTP 200 and truncated JSON.</summary>
    public double MalformedJsonRate { get; init; }

    /// <summary>Share of calls that never answer (the sandbox holds them until the client gives up, at most two minutes).</summary>
    public double TimeoutRate { get; init; }

    /// <summary>Share of calls answered with the platform's throttle error, as if the limit were hit.</summary>
    public double ThrottleRate { get; init; }

    /// <summary>While set, every access token is answered as expired.</summary>
    public bool ExpiredTokens { get; init; }

    /// <summary>Added before every answer.</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>Sent as <c>Retry-After</c> with throttle answers (injected or real); null sends none.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Injected faults stop after this many (null = no limit): "fail the next 3 calls" is a rate of 1 and 3 here.</summary>
    public int? MaxFaults { get; init; }

    /// <summary>When set, faults are injected only into calls whose API path is one of these (e.g. Shopee's
    /// <c>/api/v2/voucher/get_voucher</c>), so a test can break detail reads while listings keep working.</summary>
    public IReadOnlySet<string>? OnlyPaths { get; init; }

    public static FaultPlan None { get; } = new();
}

/// <summary>The fault chosen for one call.</summary>
public enum SandboxFault
{
    None,
    PlatformError,
    ServerError,
    MalformedJson,
    Timeout,
    Throttle,
}
