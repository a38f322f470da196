using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using CouponFunctions.Core.Common;

namespace CouponFunctions.Core.Templates;

/// <summary>Identifies one coupon template inside a tenant.</summary>
[JsonConverter(typeof(TemplateIdJsonConverter))]
public readonly record struct TemplateId
{
    private TemplateId(string value) => Value = value;

    public string Value { get; }

    public static TemplateId Parse(string value) =>
        TryParse(value, out var id) ? id : throw new FormatException(IdFormat.Describe("A template id"));

    public static bool TryParse([NotNullWhen(true)] string? value, out TemplateId id)
    {
        id = IdFormat.IsValid(value) ? new TemplateId(value) : default;
        return id.Value is not null;
    }

    public static TemplateId New() => new(IdFormat.NewId("tpl"));

    public override string ToString() => Value;
}

/// <summary>Template ids are JSON strings, validated on the way in.</summary>
public sealed class TemplateIdJsonConverter : JsonConverter<TemplateId>
{
    public override TemplateId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        TemplateId.TryParse(reader.GetString(), out var id) ? id : throw new JsonException("Not a template id.");

    public override void Write(Utf8JsonWriter writer, TemplateId value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
}
