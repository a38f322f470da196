using CouponFunctions.Core.Common;
using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Jobs;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Sync;
using CouponFunctions.Core.Templates;
using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Core.Deployments;

/// <summary>A preview as the API receives it: a stored template (templateId) or an unsaved one (template), and the stores.</summary>
public sealed record DeploymentPreviewInput(string? TemplateId, TemplateInput? Template, IReadOnlyList<string>? StoreIds);

/// <summary><c>POST /api/deployments/preview</c>: per store, the coupon as that platform will receive it and the rule
/// catalog's verdict, against the store's coupons as last synced. Reads only; nothing is written.</summary>
public sealed class PreviewDeploymentHandler(
    ITemplateRepository templates, IStoreRepository stores, ICouponRepository coupons, DeploymentPreviewer previewer, TimeProvider time)
{
    public async Task<Result<DeploymentPreview>> HandleAsync(Caller caller, DeploymentPreviewInput? input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var errors = new ValidationErrors();
        if (input is null) return errors.Add("body", "A preview needs templateId or template, and storeIds.");
        var storeIds = DeploymentRequest.ParseStoreIds(input.StoreIds, errors);
        TemplateDefinition? definition = null;
        string? seed = null;
        if (input.Template is not null && input.TemplateId is null)
        {
            var validated = TemplateValidator.Validate(input.Template);
            if (validated.IsOk) (definition, seed) = (validated.Value!, "inline:" + validated.Value!.Name);
            else foreach (var (field, messages) in validated.Errors!) foreach (var m in messages) errors.Add("template." + field, m);
        }
        else if (!TemplateId.TryParse(input.TemplateId, out _))
            errors.Add("templateId", "Give templateId (a saved template) or template (an unsaved one), not both or neither.");
        if (!errors.IsEmpty) return errors;

        var access = JobAccess.Check(caller, storeIds, act: false);
        if (!access.IsOk) return access.As<DeploymentPreview>();
        if (definition is null)
        {
            var id = TemplateId.Parse(input.TemplateId!);
            var template = await templates.GetAsync(caller.TenantId, id, cancellationToken);
            if (template is null) return ValidationFailure("templateId", $"There is no template {id}.");
            (definition, seed) = (template.Definition, template.Id.Value);
        }

        var found = await DeploymentStores.LoadAsync(stores, caller.TenantId, storeIds, cancellationToken);
        if (!found.IsOk) return found.As<DeploymentPreview>();
        var withCoupons = new List<(Store, IReadOnlyCollection<Coupon>)>(found.Value!.Count);
        foreach (var store in found.Value!)
        {
            var synced = await coupons.LoadStoreAsync(caller.TenantId, store.Id, cancellationToken);
            withCoupons.Add((store, synced.Values.Where(c => !c.IsRemoved).Select(c => c.Coupon).ToList()));
        }

        return Result<DeploymentPreview>.Ok(previewer.PreviewAll(definition, seed!, withCoupons, time.GetUtcNow()));
    }

    private static Result<DeploymentPreview> ValidationFailure(string field, string message) => new ValidationErrors().Add(field, message);
}

/// <summary>Loads the stores of a preview or deploy, in the order given; a store the tenant does not have is a bad field.</summary>
internal static class DeploymentStores
{
    public static async Task<Result<IReadOnlyList<Store>>> LoadAsync(
        IStoreRepository stores, TenantId tenantId, IReadOnlyList<StoreId> ids, CancellationToken cancellationToken)
    {
        var all = (await stores.ListAsync(tenantId, cancellationToken)).ToDictionary(s => s.Id);
        var errors = new ValidationErrors();
        var list = new List<Store>(ids.Count);
        for (var i = 0; i < ids.Count; i++)
        {
            if (all.TryGetValue(ids[i], out var store)) list.Add(store);
            else errors.Add($"storeIds[{i}]", $"There is no store {ids[i]}.");
        }

        return errors.IsEmpty ? Result<IReadOnlyList<Store>>.Ok(list) : errors;
    }
}
