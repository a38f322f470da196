using CouponFunctions.Core.Common;
using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Core.Templates;

/// <summary>Lists, reads, adds, changes and deletes a tenant's coupon templates. Templates belong to the whole workspace:
/// any key reads them, editors with an unscoped key write them; every write after the first is guarded by the version.</summary>
public sealed class ManageTemplatesHandler(ITemplateRepository templates, TimeProvider time)
{
    public const int MaxPageSize = 200;

    public Task<TemplatePage> ListAsync(Caller caller, string? campaign, int pageSize, string? continuationToken, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var tag = string.IsNullOrWhiteSpace(campaign) ? null : CampaignInfo.TagOf(campaign);
        return templates.ListAsync(caller.TenantId, tag, Math.Clamp(pageSize, 1, MaxPageSize), continuationToken, cancellationToken);
    }

    public async Task<Result<CouponTemplate>> GetAsync(Caller caller, TemplateId id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var template = await templates.GetAsync(caller.TenantId, id, cancellationToken);
        return template is null ? Result<CouponTemplate>.NotFound($"There is no template {id}.") : Result<CouponTemplate>.Ok(template);
    }

    public async Task<Result<CouponTemplate>> AddAsync(Caller caller, TemplateInput? input, CancellationToken cancellationToken = default)
    {
        if (CanWrite(caller) is { } refused) return refused;
        var definition = TemplateValidator.Validate(input);
        if (!definition.IsOk) return definition.As<CouponTemplate>();
        var now = time.GetUtcNow();
        return await templates.AddAsync(new CouponTemplate
        {
            TenantId = caller.TenantId, Id = TemplateId.New(), Definition = definition.Value!, CreatedAt = now, UpdatedAt = now,
        }, cancellationToken);
    }

    /// <param name="version">The version the caller read (the ETag it sends as If-Match).</param>
    public async Task<Result<CouponTemplate>> UpdateAsync(
        Caller caller, TemplateId id, string version, TemplateInput? input, CancellationToken cancellationToken = default)
    {
        if (CanWrite(caller) is { } refused) return refused;
        var definition = TemplateValidator.Validate(input);
        if (!definition.IsOk) return definition.As<CouponTemplate>();
        var current = await templates.GetAsync(caller.TenantId, id, cancellationToken);
        if (current is null) return Result<CouponTemplate>.NotFound($"There is no template {id}.");
        // The caller's version, not the one just read: a change made since the caller loaded it must not be overwritten.
        return await templates.UpdateAsync(current with { Definition = definition.Value!, UpdatedAt = time.GetUtcNow(), Version = version }, cancellationToken);
    }

    public async Task<Result<TemplateId>> DeleteAsync(Caller caller, TemplateId id, string? version, CancellationToken cancellationToken = default)
    {
        if (CanWrite(caller) is { } refused) return refused.As<TemplateId>();
        return await templates.DeleteAsync(caller.TenantId, id, version, cancellationToken);
    }

    private static Result<CouponTemplate>? CanWrite(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.Has(ApiKeyRole.Editor)) return Result<CouponTemplate>.Forbidden("Changing templates needs an editor key.");
        if (caller.IsScoped) return Result<CouponTemplate>.Forbidden("Templates belong to the whole workspace; a key scoped to some stores cannot change them.");
        return null;
    }
}
