using CouponFunctions.Core.Common;
using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Core.Templates;

/// <summary>One page of a tenant's templates and the token of the next (null on the last page).</summary>
public sealed record TemplatePage(IReadOnlyList<CouponTemplate> Templates, string? ContinuationToken);

/// <summary>A tenant's coupon templates, versioned by ETag (<see cref="CouponTemplate.Version"/>).</summary>
public interface ITemplateRepository
{
    /// <summary>Stores a new template: it with its version, or Conflict when a template with that id exists.</summary>
    Task<Result<CouponTemplate>> AddAsync(CouponTemplate template, CancellationToken cancellationToken = default);

    Task<CouponTemplate?> GetAsync(TenantId tenantId, TemplateId id, CancellationToken cancellationToken = default);

    /// <summary>The tenant's templates ordered by id, optionally only those of one campaign (<see cref="CampaignInfo.Tag"/>).</summary>
    Task<TemplatePage> ListAsync(TenantId tenantId, string? campaignTag, int pageSize, string? continuationToken, CancellationToken cancellationToken = default);

    /// <summary>Replaces the template if it is still at <see cref="CouponTemplate.Version"/>: it with its new version, NotFound
    /// when it is gone, Conflict when someone else saved it first.</summary>
    Task<Result<CouponTemplate>> UpdateAsync(CouponTemplate template, CancellationToken cancellationToken = default);

    /// <summary>Deletes the template for good (a job keeps the definition it deployed, so nothing else needs the row): Ok,
    /// NotFound, or Conflict when <paramref name="version"/> is given and the template changed since.</summary>
    Task<Result<TemplateId>> DeleteAsync(TenantId tenantId, TemplateId id, string? version, CancellationToken cancellationToken = default);
}
