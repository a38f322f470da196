namespace CouponFunctions.Sandbox.Shopee;

/// <summary>Tunables of the Shopee sandbox; the defaults are the documented values (platform-apis.md §1).</summary>
public sealed class ShopeeSandboxOptions
{
    /// <summary>Seed of every random choice (tokens, request ids, faults), so runs are reproducible.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>How far a request's timestamp may be from now ("Timestamp is expired" beyond).</summary>
    public TimeSpan TimestampWindow { get; set; } = TimeSpan.FromMinutes(5);

    public TimeSpan AuthCodeLifetime { get; set; } = TimeSpan.FromMinutes(10);

    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromHours(4);

    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(30);

    /// <summary>The regional minimum percentage (Shopee's messages only say {limit}).</summary>
    public int MinimumPercentage { get; set; } = 1;

    /// <summary>Items per product voucher; Shopee has a limit but does not state it (UNCERTAIN).</summary>
    public int MaxItemsPerVoucher { get; set; } = 200;

    /// <summary>Ongoing plus upcoming vouchers a shop may hold.</summary>
    public int MaxOpenVouchers { get; set; } = 1000;
}
