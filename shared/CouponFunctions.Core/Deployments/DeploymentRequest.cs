using CouponFunctions.Core.Common;
using CouponFunctions.Core.Jobs;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Templates;

namespace CouponFunctions.Core.Deployments;

/// <summary>A deploy as the API receives it (<c>POST /api/deployments</c>; the Idempotency-Key travels as a header).</summary>
public sealed record DeploymentInput(string? TemplateId, IReadOnlyList<string>? StoreIds, bool? AcknowledgeWarnings, string? CanaryStoreId);

/// <summary>A validated deploy: the template, the stores in the order given (duplicates dropped), and the optional canary.</summary>
public sealed record DeploymentRequest(TemplateId TemplateId, IReadOnlyList<StoreId> StoreIds, bool AcknowledgeWarnings, StoreId? CanaryStoreId)
{
    public const int MaxStores = 500;

    /// <summary>Every bad field named: templateId, storeIds (and storeIds[i]), canaryStoreId.</summary>
    public static Result<DeploymentRequest> From(DeploymentInput? input)
    {
        var errors = new ValidationErrors();
        if (input is null) return errors.Add("body", "A deployment is required: templateId and storeIds.");
        if (!TemplateId.TryParse(input.TemplateId, out var templateId)) errors.Add("templateId", IdFormat.Describe("A template id"));
        var stores = ParseStoreIds(input.StoreIds, errors);
        StoreId? canary = null;
        if (input.CanaryStoreId is not null)
        {
            if (!StoreId.TryParse(input.CanaryStoreId, out var c)) errors.Add("canaryStoreId", IdFormat.Describe("A store id"));
            else if (!stores.Contains(c)) errors.Add("canaryStoreId", "The canary must be one of the stores deployed to.");
            else if (stores.Count < 2) errors.Add("canaryStoreId", "A canary needs at least one other store to wait for it.");
            else canary = c;
        }

        return errors.IsEmpty
            ? Result<DeploymentRequest>.Ok(new DeploymentRequest(templateId, stores, input.AcknowledgeWarnings ?? false, canary))
            : errors;
    }

    /// <summary>The store ids of a deploy or a preview: 1–<see cref="MaxStores"/>, each valid, duplicates dropped.</summary>
    public static IReadOnlyList<StoreId> ParseStoreIds(IReadOnlyList<string>? input, ValidationErrors errors)
    {
        if (input is not { Count: > 0 } || input.Count > MaxStores)
        {
            errors.Add("storeIds", $"Choose 1–{MaxStores} stores.");
            return [];
        }

        var stores = new List<StoreId>(input.Count);
        for (var i = 0; i < input.Count; i++)
        {
            if (!StoreId.TryParse(input[i], out var id)) errors.Add($"storeIds[{i}]", IdFormat.Describe("A store id"));
            else if (!stores.Contains(id)) stores.Add(id);
        }

        return stores;
    }

    /// <summary>The stores in the order the orchestration runs them: the canary alone first, then the rest.</summary>
    public IReadOnlyList<StoreId> AfterCanary => CanaryStoreId is { } canary ? [.. StoreIds.Where(s => s != canary)] : StoreIds;
}

/// <summary>What the operator answered after seeing the canary store's result (a durable external event).</summary>
public enum CanaryAnswer
{
    Approved,
    Rejected,

    /// <summary>No answer before the timeout: treated as a no.</summary>
    TimedOut,
}

/// <summary>After the canary: go on with the other stores only when the canary's coupon was created and the operator approved;
/// otherwise every other store is cancelled (it never started).</summary>
public static class CanaryRules
{
    public static bool ContinueAfter(JobItemState canary, CanaryAnswer answer) =>
        canary == JobItemState.Succeeded && answer == CanaryAnswer.Approved;
}
