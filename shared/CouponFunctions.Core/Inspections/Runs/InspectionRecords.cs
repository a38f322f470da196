using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Core.Inspections.Runs;

/// <summary>Where a store stands with inspections: the last slot inspected and the slot planned (not yet done).</summary>
public sealed record InspectionState(
    TenantId TenantId,
    StoreId StoreId,
    string? LastSlotKey,
    DateTimeOffset? LastInspectedAt,
    string? PlannedSlotKey,
    DateTimeOffset? PlannedAt,
    string? Version);

/// <summary>One stored inspection run of a store: its slot and every finding with its state against the run before.</summary>
/// <param name="Notes">What the run could not judge and why (a rule that needs an unknown minimum spend or cap does not fire).</param>
public sealed record StoreInspectionRun(TenantId TenantId, StoreId StoreId, string SlotKey, DateTimeOffset InspectedAt, IReadOnlyList<TrackedFinding> Findings,
    IReadOnlyList<string>? Notes = null);

/// <summary>Inspection runs and the per-store inspection state.</summary>
public interface IInspectionRepository
{
    Task<IReadOnlyList<InspectionState>> ListStatesAsync(TenantId tenantId, CancellationToken cancellationToken = default);

    /// <summary>Marks the slot planned for the store; false when someone else changed the state first (they plan it).</summary>
    Task<bool> TryMarkPlannedAsync(TenantId tenantId, StoreId storeId, string slotKey, DateTimeOffset at, string? version, CancellationToken cancellationToken = default);

    /// <summary>Stores the run (findings first, then the run row that makes it visible) and points the state at it.</summary>
    Task SaveRunAsync(StoreInspectionRun run, CancellationToken cancellationToken = default);

    /// <summary>The run of a slot if it was stored (an InspectTenant retry reuses it instead of inspecting again).</summary>
    Task<StoreInspectionRun?> GetRunAsync(TenantId tenantId, StoreId storeId, string slotKey, CancellationToken cancellationToken = default);

    /// <summary>
    /// Claims the store's slot for the digest <paramref name="digestKey"/> unless another digest claimed it first; returns
    /// the digest that has it (so a store's slot is in exactly one digest, however many messages ask for it).
    /// </summary>
    Task<string> ClaimSlotAsync(TenantId tenantId, StoreId storeId, string slotKey, string digestKey, CancellationToken cancellationToken = default);

    /// <summary>The store's latest completed run.</summary>
    Task<StoreInspectionRun?> GetLatestRunAsync(TenantId tenantId, StoreId storeId, CancellationToken cancellationToken = default);
}
