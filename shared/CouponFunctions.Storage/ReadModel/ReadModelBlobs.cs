using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Storage.ReadModel;

/// <summary>Blob names of the read model: "readmodel/{tenant}/{store}.coupons.gz" and ".findings.json".</summary>
internal static class ReadModelBlobs
{
    public const string CouponsSuffix = ".coupons.gz";
    public const string FindingsSuffix = ".findings.json";

    public static string TenantPrefix(TenantId tenantId) => $"{tenantId.Value}/";

    public static string Coupons(TenantId tenantId, StoreId storeId) => $"{tenantId.Value}/{storeId.Value}{CouponsSuffix}";

    public static string Findings(TenantId tenantId, StoreId storeId) => $"{tenantId.Value}/{storeId.Value}{FindingsSuffix}";

    /// <summary>The store id and kind of a blob name under a tenant prefix, or null for a name that is not ours.</summary>
    public static (StoreId Store, bool IsFindings)? Parse(string name)
    {
        var file = name[(name.IndexOf('/') + 1)..];
        var isFindings = file.EndsWith(FindingsSuffix, StringComparison.Ordinal);
        if (!isFindings && !file.EndsWith(CouponsSuffix, StringComparison.Ordinal)) return null;
        var id = file[..^(isFindings ? FindingsSuffix.Length : CouponsSuffix.Length)];
        return StoreId.TryParse(id, out var storeId) ? (storeId, isFindings) : null;
    }
}

/// <summary>The open findings of one coupon as the list shows them.</summary>
internal sealed record CouponFindingSummary(string CouponId, int Count, string HighestSeverity);
