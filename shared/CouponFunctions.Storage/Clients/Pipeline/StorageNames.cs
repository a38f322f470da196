namespace CouponFunctions.Storage.Clients.Pipeline;

/// <summary>Naming rules of tables, queues, containers and blobs, checked before any request so a bad name fails fast and clearly.</summary>
internal static class StorageNames
{
    public static void ValidateTableName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length is < 3 or > 63 || !char.IsAsciiLetter(name[0]) || !name.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException(
                $"Table name '{name}' is invalid: use 3-63 letters and digits, starting with a letter.", nameof(name));
        }

        if (name.Equals("tables", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException("Table name 'Tables' is reserved.", nameof(name));
        }
    }

    /// <summary>Queues and containers share the DNS-style rule: 3-63 of a-z, 0-9 and '-', no leading, trailing or double '-'.</summary>
    public static void ValidateQueueOrContainerName(string name, string kind)
    {
        ArgumentNullException.ThrowIfNull(name);
        var valid = name.Length is >= 3 and <= 63
            && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-')
            && name[0] != '-' && name[^1] != '-'
            && !name.Contains("--", StringComparison.Ordinal);
        if (!valid)
        {
            throw new ArgumentException(
                $"{kind} name '{name}' is invalid: use 3-63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit.",
                nameof(name));
        }
    }

    public static void ValidateBlobName(string blobName)
    {
        ArgumentException.ThrowIfNullOrEmpty(blobName);
        if (blobName.Length > 1024) throw new ArgumentException("Blob names are limited to 1024 characters.", nameof(blobName));
        // "." and ".." segments and a trailing '/' or '.' are rewritten by URI normalisation, so the blob would land elsewhere.
        if (blobName.EndsWith('/') || blobName.EndsWith('.') || blobName.Split('/').Any(s => s is "." or ".."))
        {
            throw new ArgumentException($"Blob name '{blobName}' has a '.' or '..' segment or ends with '/' or '.'.", nameof(blobName));
        }
    }

    /// <summary>Percent-encodes each '/'-separated segment, keeping the slashes (virtual directories).</summary>
    public static string EscapeBlobName(string blobName) =>
        string.Join('/', blobName.Split('/').Select(Uri.EscapeDataString));
}
