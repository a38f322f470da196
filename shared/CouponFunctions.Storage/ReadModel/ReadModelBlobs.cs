using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Storage.ReadModel;

/// <summary>Blob names of the read model: "readmodel/{tenant}/{store}.coupons.gz", ".findings.json" and ".campaigns.json".</summary>
internal static class ReadModelBlobs
{
    public const string CouponsSuffix = ".coupons.gz";
    public const string FindingsSuffix = ".findings.json";
    public const string CampaignsSuffix = ".campaigns.json";

    public static string TenantPrefix(TenantId tenantId) => $"{tenantId.Value}/";

    public static string Coupons(TenantId tenantId, StoreId storeId) => $"{tenantId.Value}/{storeId.Value}{CouponsSuffix}";

    public static string Findings(TenantId tenantId, StoreId storeId) => $"{tenantId.Value}/{storeId.Value}{FindingsSuffix}";

    public static string Campaigns(TenantId tenantId, StoreId storeId) => $"{tenantId.Value}/{storeId.Value}{CampaignsSuffix}";

    /// <summary>The store id and kind of a blob name under a tenant prefix, or null for a name that is not ours.</summary>
    public static (StoreId Store, ReadModelBlobKind Kind)? Parse(string name)
    {
        var file = name[(name.IndexOf('/') + 1)..];
        (ReadModelBlobKind Kind, string Suffix)? match =
            file.EndsWith(CouponsSuffix, StringComparison.Ordinal) ? (ReadModelBlobKind.Coupons, CouponsSuffix)
            : file.EndsWith(FindingsSuffix, StringComparison.Ordinal) ? (ReadModelBlobKind.Findings, FindingsSuffix)
            : file.EndsWith(CampaignsSuffix, StringComparison.Ordinal) ? (ReadModelBlobKind.Campaigns, CampaignsSuffix)
            : null;
        if (match is not { } found) return null;
        return StoreId.TryParse(file[..^found.Suffix.Length], out var storeId) ? (storeId, found.Kind) : null;
    }
}

/// <summary>What a read-model blob of a store holds.</summary>
internal enum ReadModelBlobKind
{
    Coupons,
    Findings,
    Campaigns,
}

/// <summary>The open findings of one coupon as the list shows them.</summary>
internal sealed record CouponFindingSummary(string CouponId, int Count, string HighestSeverity);
