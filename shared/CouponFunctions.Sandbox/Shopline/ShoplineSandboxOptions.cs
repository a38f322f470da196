namespace CouponFunctions.Sandbox.Shopline;

/// <summary>Tunables of the SHOPLINE sandbox; the defaults are the documented values (platform-apis.md §4.1).</summary>
public sealed class ShoplineSandboxOptions
{
    /// <summary>Seed of every random choice (tokens, trace ids, faults), so runs are reproducible.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>How far a signed request's timestamp (ms) may be from now.</summary>
    public TimeSpan TimestampWindow { get; set; } = TimeSpan.FromMinutes(10);

    public TimeSpan AuthCodeLifetime { get; set; } = TimeSpan.FromMinutes(10);

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(10);

    /// <summary>The list <c>limit</c> when none is given, and its maximum.</summary>
    public int DefaultPageSize { get; set; } = 50;

    public int MaxPageSize { get; set; } = 250;
}
