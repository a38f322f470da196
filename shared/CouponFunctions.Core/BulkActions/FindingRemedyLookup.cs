using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Sync;
using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Core.BulkActions;

/// <summary>One open finding on a coupon, as the findings view names it.</summary>
public sealed record FindingOnCoupon(string Key, string Code, string? PlatformCouponId);

/// <summary>The fix of each open finding that has one (<see cref="FindingRemedies"/>), against the coupon as last synced: the
/// findings view links each to the action preview, filled in.</summary>
public sealed class FindingRemedyLookup(ICouponRepository coupons, FindingRemedies remedies)
{
    /// <summary>Finding key → remedy, for the findings of <paramref name="store"/> that have one.</summary>
    public async Task<IReadOnlyDictionary<string, FindingRemedy>> ForAsync(
        TenantId tenantId, Store store, IEnumerable<FindingOnCoupon> findings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(findings);
        var result = new Dictionary<string, FindingRemedy>(StringComparer.Ordinal);
        foreach (var finding in findings)
        {
            if (finding.PlatformCouponId is null) continue;
            var stored = await coupons.GetAsync(tenantId, store.Id, finding.PlatformCouponId, cancellationToken);
            if (stored is { IsRemoved: false } && remedies.For(finding.Code, stored.Coupon, store) is { } remedy) result[finding.Key] = remedy;
        }

        return result;
    }
}
