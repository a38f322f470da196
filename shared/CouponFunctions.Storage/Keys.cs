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

    /// <summary>
    /// Makes platform ids safe in a row key: letters, digits, '-', '.' and '_' stay; anything else (including the
    /// characters Table Storage forbids) becomes "!XXXX" (UTF-16 code in hex). Reversible and order-stable enough.
    /// </summary>
    public static string Escape(string value)
    {
        var builder = new System.Text.StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_') builder.Append(c);
            else builder.Append('!').Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
        }
        return builder.ToString();
    }

    /// <summary>Newest first: row keys sort ascending, so store the time counted down from the end of time.</summary>
    public static string NewestFirst(DateTimeOffset at) =>
        (DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", CultureInfo.InvariantCulture);
}
