using CouponFunctions.Core.Common;
using CouponFunctions.Core.Deployments;
using CouponFunctions.Core.Jobs;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Core.BulkActions;

/// <summary>What the bulk-action orchestration needs: the job, by ids only (its items carry the rest).</summary>
public sealed record BulkActionJobInput(string TenantId, string JobId);

/// <summary>
/// <c>POST /api/coupons/actions</c>: the same selection and verdicts as the preview, then one job item per coupon under an
/// id derived from the Idempotency-Key. A coupon the action will change carries its absolute <see cref="ActionTarget"/>;
/// a clone carries the new coupon's draft, every time absolute; one refused or with nothing to do is recorded as failed or
/// skipped now, with the reason, and never reaches the platform.
/// </summary>
public sealed class StartBulkActionHandler(PreviewBulkActionHandler preview, IStoreRepository stores, IJobRepository jobs, IApiKeyRepository keys, TimeProvider time)
{
    public async Task<Result<StartedJob<BulkActionJobInput>>> HandleAsync(
        Caller caller, string? idempotencyKey, BulkActionPreviewInput? input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.Has(ApiKeyRole.Editor)) return Result<StartedJob<BulkActionJobInput>>.Forbidden("Acting on coupons needs an editor key.");
        var errors = IdempotencyKeys.Check(idempotencyKey);
        if (!errors.IsEmpty)
        {
            // The body's own errors are named too, so one answer lists everything to fix.
            var body = await preview.HandleAsync(caller, input, cancellationToken);
            if (body.Errors is { } more) foreach (var (field, messages) in more) foreach (var m in messages) errors.Add(field, m);
            return errors;
        }

        var planned = await preview.HandleAsync(caller, input, cancellationToken);
        if (!planned.IsOk) return planned.As<StartedJob<BulkActionJobInput>>();
        var verdicts = planned.Value!.Coupons;
        var access = JobAccess.Check(caller, verdicts.Select(v => v.StoreId), act: true);
        if (!access.IsOk) return access.As<StartedJob<BulkActionJobInput>>();

        var jobId = IdempotencyKeys.JobIdOf(caller.TenantId, idempotencyKey!);
        var orchestration = new BulkActionJobInput(caller.TenantId.Value, jobId.Value);
        if (await jobs.GetAsync(caller.TenantId, jobId, cancellationToken) is { } existing)
            return Result<StartedJob<BulkActionJobInput>>.Ok(new(existing, orchestration, Created: false));

        var now = time.GetUtcNow();
        var names = (await stores.ListAsync(caller.TenantId, cancellationToken)).ToDictionary(s => s.Id, s => s.DisplayName);
        var items = verdicts.Select(v =>
        {
            var item = new JobItem
            {
                JobId = jobId, StoreId = v.StoreId, StoreName = names.GetValueOrDefault(v.StoreId, v.StoreId.Value), Platform = v.Platform,
                PlatformCouponId = v.PlatformCouponId, Action = v.Action, Target = ActionTarget.Of(v),
            };
            return ItemOutcomes.BeforeAction(v) is { } decided ? item.Finish(decided, now) : item;
        }).ToList();
        var job = new Job
        {
            TenantId = caller.TenantId,
            Id = jobId,
            Type = JobType.BulkAction,
            Title = Title(input!.Action!, items.Count),
            StartedBy = new JobStarter((await keys.GetAsync(caller.TenantId, caller.KeyId, cancellationToken))?.Name ?? caller.KeyId, caller.KeyId),
            CreatedAt = now,
            Counts = JobCounts.Of(items.Select(i => i.State)),
        };
        var stored = await jobs.CreateAsync(job, items, cancellationToken);
        return Result<StartedJob<BulkActionJobInput>>.Ok(new(stored, orchestration, Created: true));
    }

    private static string Title(BulkActionInput action, int count)
    {
        var r = action.Validate().Value!;
        var coupons = $"{count} coupon{(count == 1 ? "" : "s")}";
        return r.Kind switch
        {
            BulkActionKind.Renew when r.ExtendDays is { } days => $"Renew {coupons} by {days} day{(days == 1 ? "" : "s")}",
            BulkActionKind.Renew => $"Renew {coupons} to {r.EndDate:yyyy-MM-dd}",
            BulkActionKind.Replenish when r.AddQuantity is { } add => $"Replenish {coupons} by {add:N0}",
            BulkActionKind.Replenish => $"Replenish {coupons} to {r.SetQuantity:N0}",
            BulkActionKind.EndNow => $"End {coupons} now",
            BulkActionKind.Reactivate => $"Re-activate {coupons}",
            BulkActionKind.CloneAsNew => $"Clone {coupons} as new",
            _ => $"{char.ToUpperInvariant(r.Action[0])}{r.Action[1..]} {coupons}",
        };
    }
}
