using System.Globalization;
using Azure.Data.Tables;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Storage;

/// <summary>
/// Key formats and key filters. Ids are lower-case letters, digits and hyphens (see IdFormat), so '_' separates them
/// safely and nothing needs URL escaping. Filters are built with <see cref="TableClient.CreateQueryFilter(FormattableString)"/>,
/// which quotes and escapes every value.
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

    /// <summary>Every row of one partition.</summary>
    public static string InPartition(string partition) => TableClient.CreateQueryFilter($"PartitionKey eq {partition}");

    /// <summary>The rows of one partition whose RowKey starts with <paramref name="prefix"/> (a key range: tables have no startswith).</summary>
    public static string RowKeyStartsWith(string partition, string prefix) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {prefix} and RowKey lt {PrefixEnd(prefix)}");

    /// <summary>The rows of every partition whose RowKey starts with <paramref name="prefix"/>.</summary>
    public static string RowKeyStartsWith(string prefix) =>
        TableClient.CreateQueryFilter($"RowKey ge {prefix} and RowKey lt {PrefixEnd(prefix)}");

    /// <summary>The smallest key above every key that starts with the prefix: its last character moved up by one.</summary>
    private static string PrefixEnd(string prefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        return prefix[..^1] + (char)(prefix[^1] + 1);
    }
}
