using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Core.Jobs;

/// <summary>A stored failure report: a read-only download link that works until <see cref="ExpiresAt"/>.</summary>
public sealed record FailureReportLink(Uri Url, DateTimeOffset ExpiresAt);

/// <summary>What a read of a job's failure report found: the link (Available), Expired (the endpoint answers 410), or
/// NotFound (no report was written).</summary>
public sealed record FailureReportLookup(ReportAvailability? Availability, FailureReportLink? Link)
{
    public static FailureReportLookup NotFound { get; } = new(null, null);

    public bool Exists => Availability is not null;
}

/// <summary>Failure reports of jobs (CSV by <see cref="FailureReportWriter"/>), readable for <see cref="ReportExpiry.Lifetime"/>
/// from the job's finish.</summary>
public interface IFailureReportStore
{
    /// <summary>Writes (or rewrites: same name per job) the report of the job's failed and cancelled items and returns its link,
    /// valid until <see cref="ReportExpiry.ExpiresAt"/> of <paramref name="finishedAt"/>.</summary>
    Task<FailureReportLink> WriteAsync(TenantId tenantId, JobId jobId, IEnumerable<JobItem> items, DateTimeOffset finishedAt, CancellationToken cancellationToken = default);

    /// <summary>A fresh link to the report while it is available; Expired once its lifetime is over (the blob is then deleted).</summary>
    Task<FailureReportLookup> GetAsync(TenantId tenantId, JobId jobId, CancellationToken cancellationToken = default);
}
