using System.Diagnostics.CodeAnalysis;
using CouponFunctions.Core.Common;

namespace CouponFunctions.Core.Segments;

/// <summary>Identifies a customer segment inside a tenant.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(SegmentIdJsonConverter))]
public readonly record struct SegmentId
{
    private SegmentId(string value) => Value = value;

    public string Value { get; }

    public static SegmentId Parse(string value) =>
        TryParse(value, out var id) ? id : throw new FormatException(IdFormat.Describe("A segment id"));

    public static bool TryParse([NotNullWhen(true)] string? value, out SegmentId id)
    {
        id = IdFormat.IsValid(value) ? new SegmentId(value) : default;
        return id.Value is not null;
    }

    public static SegmentId New() => new(IdFormat.NewId("seg"));

    public override string ToString() => Value;
}

/// <summary>Segment ids are JSON strings, validated on the way in.</summary>
public sealed class SegmentIdJsonConverter : System.Text.Json.Serialization.JsonConverter<SegmentId>
{
    public override SegmentId Read(ref System.Text.Json.Utf8JsonReader reader, Type typeToConvert, System.Text.Json.JsonSerializerOptions options) =>
        SegmentId.TryParse(reader.GetString(), out var id) ? id : throw new System.Text.Json.JsonException("Not a segment id.");

    public override void Write(System.Text.Json.Utf8JsonWriter writer, SegmentId value, System.Text.Json.JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);
}
