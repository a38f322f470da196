using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace CouponFunctions.Core.Customers;

/// <summary>A customer's id in the merchant's own systems (the external id): the upsert key of a tenant's customers.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(CustomerIdJsonConverter))]
public readonly partial record struct CustomerId
{
    private CustomerId(string value) => Value = value;

    public string Value { get; }

    // Shop systems use upper case, '.', '_', ':', '@' and '+' in customer ids; none of them is forbidden in table keys,
    // and '|' (our key separator), '/', '\', '#', '?', spaces and control characters are refused.
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._:@+-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public const string Rule = "A customer id is 1–64 characters: letters, digits and . _ : @ + -, starting with a letter or digit.";

    public static bool TryParse([NotNullWhen(true)] string? value, out CustomerId id)
    {
        var trimmed = value?.Trim();
        id = trimmed is not null && Pattern().IsMatch(trimmed) ? new CustomerId(trimmed) : default;
        return id.Value is not null;
    }

    public static CustomerId Parse(string value) => TryParse(value, out var id) ? id : throw new FormatException(Rule);

    public override string ToString() => Value;
}

/// <summary>Customer ids are JSON strings, validated on the way in.</summary>
public sealed class CustomerIdJsonConverter : System.Text.Json.Serialization.JsonConverter<CustomerId>
{
    public override CustomerId Read(ref System.Text.Json.Utf8JsonReader reader, Type typeToConvert, System.Text.Json.JsonSerializerOptions options) =>
        CustomerId.TryParse(reader.GetString(), out var id) ? id : throw new System.Text.Json.JsonException(CustomerId.Rule);

    public override void Write(System.Text.Json.Utf8JsonWriter writer, CustomerId value, System.Text.Json.JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);
}
