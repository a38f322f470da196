using System.Text.RegularExpressions;

namespace CouponFunctions.Storage.Clients.Blobs;

/// <summary>Metadata travels as <c>x-ms-meta-{name}</c> headers: names must be C# identifiers, values printable ASCII.</summary>
internal static partial class BlobMetadata
{
    public static void Validate(IDictionary<string, string>? metadata)
    {
        if (metadata is null) return;
        foreach (var (name, value) in metadata)
        {
            if (!Identifier().IsMatch(name ?? string.Empty))
            {
                throw new ArgumentException($"Metadata name '{name}' must be a C# identifier.", nameof(metadata));
            }

            // HTTP trims header values, so leading/trailing spaces would not survive (and would break the signature).
            if (value is null || value.Any(c => c is < ' ' or > '~') || value.Trim().Length != value.Length)
            {
                throw new ArgumentException($"Metadata '{name}' must be printable ASCII without leading or trailing spaces.", nameof(metadata));
            }
        }
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();
}
