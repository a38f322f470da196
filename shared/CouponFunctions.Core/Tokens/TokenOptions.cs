namespace CouponFunctions.Core.Tokens;

/// <summary>Token refresh tunables (section "Tokens").</summary>
public sealed class TokenOptions
{
    public const string SectionName = "Tokens";

    /// <summary>
    /// Refresh when the access token has less than this left. The RefreshTokens timer runs every 10 minutes and the
    /// shortest lifetime is Shopee's 4 hours, so 2 hours leaves many retries before a token lapses.
    /// </summary>
    public TimeSpan RefreshAhead { get; set; } = TimeSpan.FromHours(2);
}
