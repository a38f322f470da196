namespace CouponFunctions.Core.Reports;

/// <summary>Whether a failure report can still be downloaded.</summary>
public enum ReportAccess
{
    Available,

    /// <summary>The 7 days are over: answer 410 Gone (not 404: the report existed, and saying so helps the merchant).</summary>
    Expired,
}

/// <summary>Failure reports are readable for 7 days from the moment the job or send finished, as SHOPLINE offers.</summary>
public static class ReportValidity
{
    public static TimeSpan Lifetime { get; } = TimeSpan.FromDays(7);

    public static DateTimeOffset ExpiresAt(DateTimeOffset finishedAt) => finishedAt + Lifetime;

    /// <summary>Available up to and excluding the instant 7 days after <paramref name="finishedAt"/>.</summary>
    public static ReportAccess Check(DateTimeOffset finishedAt, DateTimeOffset now) => now < ExpiresAt(finishedAt) ? ReportAccess.Available : ReportAccess.Expired;
}
