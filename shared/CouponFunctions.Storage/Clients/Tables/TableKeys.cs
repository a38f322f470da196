using System.Globalization;

namespace CouponFunctions.Storage.Clients.Tables;

/// <summary>PartitionKey/RowKey rules and the entity address <c>/{table}(PartitionKey='..',RowKey='..')</c>.</summary>
internal static class TableKeys
{
    /// <summary>1 KiB of UTF-16: 512 chars (Azurite enforces the same bound).</summary>
    public const int MaxKeyLength = 512;

    public static void Validate(string? key, string keyName)
    {
        if (key is null) throw new ArgumentException($"{keyName} is required.", keyName);
        if (key.Length > MaxKeyLength)
        {
            throw new ArgumentException($"{keyName} is {key.Length} characters; the limit is {MaxKeyLength} (1 KiB).", keyName);
        }

        for (var i = 0; i < key.Length; i++)
        {
            var c = key[i];
            if (c is '/' or '\\' or '#' or '?' or (>= '\u0000' and <= '\u001F') or (>= '\u007F' and <= '\u009F'))
            {
                var shown = char.IsControl(c) ? string.Empty : $"'{c}' ";
                throw new ArgumentException(
                    $"{keyName} contains the forbidden character {shown}(U+{(int)c:X4}) at index {i.ToString(CultureInfo.InvariantCulture)}.",
                    keyName);
            }
        }
    }

    public static string EntityPath(string table, string partitionKey, string rowKey) =>
        $"/{table}(PartitionKey='{EscapeKey(partitionKey)}',RowKey='{EscapeKey(rowKey)}')";

    // OData string literal: quote doubled, then percent-encoded for the URL path.
    private static string EscapeKey(string key) => Uri.EscapeDataString(key.Replace("'", "''", StringComparison.Ordinal));
}
