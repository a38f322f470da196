using CouponFunctions.Core.Common;
using CouponFunctions.Core.Inspections;
using CouponFunctions.Core.Inspections.Runs;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Core.Attention;

/// <summary>
/// Acknowledges an open finding of the store's latest inspection, optionally snoozed until a time (at most
/// <see cref="MaxSnooze"/> ahead), recording the key that did it; or takes the acknowledgement back. Safe to repeat: the
/// finding's acknowledgement is replaced, and taking back an absent one is not an error.
/// </summary>
public sealed class AcknowledgeFindingHandler(
    IStoreRepository stores, IInspectionRepository inspections, IFindingAcknowledgements acknowledgements, IApiKeyRepository keys, TimeProvider time)
{
    public static readonly TimeSpan MaxSnooze = TimeSpan.FromDays(90);

    public async Task<Result<FindingAcknowledgement>> AcknowledgeAsync(
        Caller caller, StoreId storeId, string findingKey, DateTimeOffset? snoozeUntil, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        if (snoozeUntil is { } until && (until <= now || until > now + MaxSnooze))
            return new ValidationErrors().Add("snoozeUntil", $"Snooze until a time after now and at most {MaxSnooze.TotalDays:0} days ahead.");
        var found = await FindAsync(caller, storeId, findingKey, cancellationToken);
        if (!found.IsOk) return found.As<FindingAcknowledgement>();
        var by = await keys.GetAsync(caller.TenantId, caller.KeyId, cancellationToken);
        var acknowledgement = new FindingAcknowledgement(
            caller.TenantId, storeId, findingKey, FindingAcknowledgement.FingerprintOf(found.Value), caller.KeyId, by?.Name ?? caller.KeyId, now, snoozeUntil);
        await acknowledgements.SaveAsync(acknowledgement, cancellationToken);
        return Result<FindingAcknowledgement>.Ok(acknowledgement);
    }

    public async Task<Result<bool>> WithdrawAsync(Caller caller, StoreId storeId, string findingKey, CancellationToken cancellationToken = default)
    {
        if (!caller.CanSee(storeId) || await stores.GetAsync(caller.TenantId, storeId, cancellationToken) is null)
            return Result<bool>.NotFound($"No store '{storeId}'.");
        await acknowledgements.DeleteAsync(caller.TenantId, storeId, findingKey, cancellationToken);
        return Result<bool>.Ok(true);
    }

    private async Task<Result<TrackedFinding>> FindAsync(Caller caller, StoreId storeId, string findingKey, CancellationToken cancellationToken)
    {
        if (!caller.CanSee(storeId) || await stores.GetAsync(caller.TenantId, storeId, cancellationToken) is null)
            return Result<TrackedFinding>.NotFound($"No store '{storeId}'.");
        var run = await inspections.GetLatestRunAsync(caller.TenantId, storeId, cancellationToken);
        var finding = run?.Findings.FirstOrDefault(f => f.IsOpen && f.Key == findingKey);
        return finding is null
            ? Result<TrackedFinding>.NotFound($"No open finding '{findingKey}' in the latest inspection of store '{storeId}'.")
            : Result<TrackedFinding>.Ok(finding);
    }
}
