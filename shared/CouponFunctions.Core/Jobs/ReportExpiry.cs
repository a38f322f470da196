namespace CouponFunctions.Core.Jobs;

/// <summary>Whether a failure report may still be downloaded.</summary>
public enum ReportAvailability
{
    Available,

    /// <summary>Past its lifetime: the endpoint answers 410 Gone (and storage may delete the blob).</summary>
    Expired,
}

/// <summary>Failure reports are readable for 7 days from when the job finished (ARCHITECTURE.md §1; SHOPLINE's failed-send
/// reports, seed 004), then gone.</summary>
public static class ReportExpiry
{
    public static TimeSpan Lifetime { get; } = TimeSpan.FromDays(7);

    public static DateTimeOffset ExpiresAt(DateTimeOffset finishedAt) => finishedAt + Lifetime;

    /// <summary>Available up to (not including) the expiry instant.</summary>
    public static ReportAvailability Check(DateTimeOffset expiresAt, DateTimeOffset now) =>
        now < expiresAt ? ReportAvailability.Available : ReportAvailability.Expired;
}
