namespace CouponFunctions.Core.Inspections.Runs;

/// <summary>Inspect these stores of a tenant for the slot due at <paramref name="DueAt"/> and send one digest.</summary>
public sealed record InspectTenantMessage(string TenantId, DateTimeOffset DueAt, IReadOnlyList<string> StoreIds);
