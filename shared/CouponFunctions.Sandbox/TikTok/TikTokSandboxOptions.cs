namespace CouponFunctions.Sandbox.TikTok;

/// <summary>Tunables of the TikTok Shop sandbox; the defaults are the documented values (platform-apis.md §3).</summary>
public sealed class TikTokSandboxOptions
{
    /// <summary>Seed of every random choice (tokens, ciphers, request ids, faults), so runs are reproducible.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>How far a request's timestamp may be from now (±5 minutes).</summary>
    public TimeSpan TimestampWindow { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>30 minutes is UNCERTAIN in the reference.</summary>
    public TimeSpan AuthCodeLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>About 7 days (the reference's sample: 604,799 s).</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromSeconds(604_799);

    /// <summary>The refresh token's lifetime is UNCERTAIN; a year here.</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(365);

    /// <summary>SearchCoupons page_size when the query has none.</summary>
    public int DefaultPageSize { get; set; } = 20;

    public int MaxPageSize { get; set; } = 100;
}
