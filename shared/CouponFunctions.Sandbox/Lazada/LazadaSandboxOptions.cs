namespace CouponFunctions.Sandbox.Lazada;

/// <summary>Tunables of the Lazada sandbox; the defaults are the documented values (platform-apis.md §2) or, where the
/// reference is UNCERTAIN, the choices named here (the connector and the rule catalog agree with them).</summary>
public sealed class LazadaSandboxOptions
{
    /// <summary>Seed of every random choice (tokens, request ids, faults), so runs are reproducible.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>How far a request's timestamp (ms) may be from now: "less than 7200s difference from UTC time".</summary>
    public TimeSpan TimestampWindow { get; set; } = TimeSpan.FromSeconds(7200);

    /// <summary>UNCERTAIN: the reference gives no lifetime for authorization codes.</summary>
    public TimeSpan AuthCodeLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A test-status app's token: 7 days (an online app's: 30 days).</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>A test-status app's authorization: 14 days (an online app's: 180 days). Refreshing does not extend it.</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>page_size when none is given (the docs' demo value).</summary>
    public int DefaultPageSize { get; set; } = 10;

    /// <summary>UNCERTAIN: Lazada states no maximum for this API; its other list APIs allow 100.</summary>
    public int MaxPageSize { get; set; } = 100;

    /// <summary>UNCERTAIN: no name length is documented; the rule catalog's default.</summary>
    public int NameMaxLength { get; set; } = 100;

    /// <summary>Deepest percentage per site. UNCERTAIN: Lazada publishes no numbers, only that caps differ by country
    /// (Philippines 50% from the product owner; Thailand, named by operators, at the same 50%).</summary>
    public Dictionary<string, decimal> MaxPercentageBySite { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["PH"] = 50m,
        ["TH"] = 50m,
    };

    /// <summary>Sites whose currency has no minor unit, so money fields must be whole numbers (IDR, VND; UNCERTAIN).</summary>
    public HashSet<string> WholeAmountSites { get; set; } = new(StringComparer.OrdinalIgnoreCase) { "VN", "ID" };
}
