using CouponFunctions.Core.Common;
using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Jobs;
using CouponFunctions.Core.Rules;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Sync;
using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Core.BulkActions;

/// <summary>A coupon of the selection as the API receives it.</summary>
public sealed record CouponRefInput(string? StoreId, string? CouponId);

/// <summary>A bulk action preview as the API receives it: the action, and the coupons by id or "every coupon matching this
/// list filter" (the coupon list's query parameters, e.g. {"status": "ongoing", "expiringWithinDays": "3"}).</summary>
public sealed record BulkActionPreviewInput(BulkActionInput? Action, IReadOnlyList<CouponRefInput>? Coupons, Dictionary<string, string?>? Filter);

/// <summary>The verdicts of a preview, in the selection's order, and their counts.</summary>
public sealed record BulkActionPreview(IReadOnlyList<CouponActionVerdict> Coupons, ActionPreviewSummary Summary);

/// <summary><c>POST /api/coupons/actions/preview</c>: per coupon, what the action will change, or why it cannot (the platform
/// capability table and edit rules, against the coupon as last synced). Reads only; nothing is written or called.</summary>
public sealed class PreviewBulkActionHandler(
    ListCouponsHandler list, IStoreRepository stores, ICouponRepository coupons, BulkActionPlanner planner, TimeProvider time)
{
    public const int MaxCoupons = 10_000;
    public const string NotFoundCode = "action.coupon_not_found";
    public const string DuplicateCloneCode = "action.clone_duplicate";

    /// <summary>From this many selected coupons in one store, the store's coupons are read in one query.</summary>
    public const int WholeStoreRead = 20;

    public async Task<Result<BulkActionPreview>> HandleAsync(Caller caller, BulkActionPreviewInput? input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var errors = new ValidationErrors();
        if (input is null) return errors.Add("body", "A preview needs action and coupons or filter.");
        BulkActionRequest? request = null;
        if (input.Action is null) errors.Add("action", "Give the action (kind and its values).");
        else if (input.Action.Validate() is { IsOk: false } bad)
            foreach (var (field, messages) in bad.Errors!) foreach (var m in messages) errors.Add("action." + field, m);
        else request = input.Action.Validate().Value;

        var selection = await SelectAsync(caller, input, errors, cancellationToken);
        if (!errors.IsEmpty) return errors;
        var access = JobAccess.Check(caller, selection.Select(c => c.StoreId), act: false);
        if (!access.IsOk) return access.As<BulkActionPreview>();

        var byId = (await stores.ListAsync(caller.TenantId, cancellationToken)).ToDictionary(s => s.Id);
        var now = time.GetUtcNow();
        var planned = new CouponActionVerdict[selection.Count];
        foreach (var group in selection.Select((c, i) => (Coupon: c, Index: i)).GroupBy(x => x.Coupon.StoreId))
        {
            var store = byId.GetValueOrDefault(group.Key);
            // Many coupons of one store: one partition read instead of a point read each (10,000 point reads in a row
            // took longer than the renew they planned).
            var all = store is not null && group.Count() >= WholeStoreRead ? await coupons.LoadStoreAsync(caller.TenantId, group.Key, cancellationToken) : null;
            foreach (var (c, i) in group)
            {
                var stored = store is null ? null
                    : all is not null ? all.GetValueOrDefault(c.PlatformCouponId)
                    : await coupons.GetAsync(caller.TenantId, c.StoreId, c.PlatformCouponId, cancellationToken);
                planned[i] = stored is { IsRemoved: false } && store is not null ? planner.Plan(request!, stored.Coupon, store, now) : NotFound(c, request!, store);
            }
        }

        var verdicts = planned.ToList();

        if (request!.Kind == BulkActionKind.CloneAsNew) RefuseSameCloneTwice(verdicts);
        return Result<BulkActionPreview>.Ok(new BulkActionPreview(verdicts, ActionPreviewSummary.Of(verdicts)));
    }

    /// <summary>Two clones in one store with the same code (or, without codes, the same name and window) would be one coupon
    /// twice, and the create guard could not tell them apart: the first keeps it, the others are refused.</summary>
    private static void RefuseSameCloneTwice(List<CouponActionVerdict> verdicts)
    {
        var seen = new Dictionary<(StoreId, string), string>();
        for (var i = 0; i < verdicts.Count; i++)
        {
            if (verdicts[i] is not { Decision: ActionDecision.WillChange, CloneDraft: { } d } v) continue;
            var identity = d.Code is { } code ? "code:" + code.ToUpperInvariant() : $"name:{d.Name}|{d.ValidFrom:O}|{d.ValidTo:O}";
            if (seen.TryAdd((v.StoreId, identity), v.PlatformCouponId)) continue;
            verdicts[i] = v with
            {
                Decision = ActionDecision.Refused, Operation = null, CloneDraft = null, Note = null,
                Refusals = [new RuleViolation(RuleFields.Code, DuplicateCloneCode, d.Code is { } c
                    ? $"The clone of coupon {seen[(v.StoreId, identity)]} in this store gets the code {c} too; give a codeSuffix or code so each clone has its own."
                    : $"The clone of coupon {seen[(v.StoreId, identity)]} in this store gets the same name and dates; clone this one in an action of its own with another name.")],
            };
        }
    }

    private async Task<List<CouponRef>> SelectAsync(Caller caller, BulkActionPreviewInput input, ValidationErrors errors, CancellationToken cancellationToken)
    {
        if ((input.Coupons is null) == (input.Filter is null))
        {
            errors.Add("coupons", "Select coupons by coupons (store and coupon ids) or by filter (the list's filter), one of the two.");
            return [];
        }

        if (input.Filter is { } filter)
        {
            var rows = await list.ExportAsync(caller, filter.ToList(), cancellationToken);
            if (!rows.IsOk)
            {
                foreach (var (field, messages) in rows.Errors ?? new ValidationErrors().Add("filter", rows.Message ?? "Not a valid filter."))
                    foreach (var m in messages) errors.Add("filter." + field, m);
                return [];
            }

            var matched = rows.Value!.Select(r => new CouponRef(r.StoreId, r.PlatformCouponId)).Take(MaxCoupons + 1).ToList();
            if (matched.Count > MaxCoupons) errors.Add("filter", $"The filter matches more than {MaxCoupons:N0} coupons; narrow it.");
            return matched;
        }

        var refs = input.Coupons!;
        if (refs.Count is 0 or > MaxCoupons) errors.Add("coupons", $"Select 1–{MaxCoupons:N0} coupons.");
        var selected = new List<CouponRef>(refs.Count);
        for (var i = 0; i < refs.Count; i++)
        {
            if (!StoreId.TryParse(refs[i].StoreId, out var storeId)) errors.Add($"coupons[{i}].storeId", "Not a store id.");
            else if (string.IsNullOrWhiteSpace(refs[i].CouponId) || refs[i].CouponId!.Length > 128) errors.Add($"coupons[{i}].couponId", "Give the platform's coupon id.");
            else if (!selected.Contains(new CouponRef(storeId, refs[i].CouponId!.Trim()))) selected.Add(new CouponRef(storeId, refs[i].CouponId!.Trim()));
        }

        return selected;
    }

    private static CouponActionVerdict NotFound(CouponRef c, BulkActionRequest request, Store? store) => new()
    {
        StoreId = c.StoreId, PlatformCouponId = c.PlatformCouponId, CouponName = "", Platform = store?.Platform ?? default,
        Action = request.Action, Decision = ActionDecision.Refused,
        Refusals = [new RuleViolation(RuleFields.Coupon, NotFoundCode, $"There is no coupon {c.PlatformCouponId} in store {c.StoreId} (or it was removed).")],
    };
}
