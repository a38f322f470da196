using System.Globalization;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Storage;

/// <summary>
/// Key formats. Ids are lower-case letters, digits and hyphens (see IdFormat), so '_' separates them safely and
/// nothing needs URL escaping.
/// </summary>
internal static class Keys
{
    /// <summary>One partition per store of a tenant: "{tenant}_{store}".</summary>
    public static string StorePartition(TenantId tenant, StoreId store) => $"{tenant.Value}_{store.Value}";

    /// <summary>Newest first: row keys sort ascending, so store the time counted down from the end of time.</summary>
    public static string NewestFirst(DateTimeOffset at) =>
        (DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);
}
