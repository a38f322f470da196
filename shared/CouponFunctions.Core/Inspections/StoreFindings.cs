using CouponFunctions.Core.Stores;

namespace CouponFunctions.Core.Inspections;

/// <summary>One store's tracked findings from one inspection, as the digest groups them.</summary>
/// <param name="InspectedAt">The run's instant, shown on the store's clock.</param>
public sealed record StoreFindings(Store Store, DateTimeOffset InspectedAt, IReadOnlyList<TrackedFinding> Findings);
