using System.Diagnostics.CodeAnalysis;
using CouponFunctions.Core.Common;

namespace CouponFunctions.Core.Sends;

/// <summary>Identifies one scheduled coupon send to a segment.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(SendIdJsonConverter))]
public readonly record struct SendId
{
    private SendId(string value) => Value = value;

    public string Value { get; }

    public static SendId Parse(string value) =>
        TryParse(value, out var id) ? id : throw new FormatException(IdFormat.Describe("A send id"));

    public static bool TryParse([NotNullWhen(true)] string? value, out SendId id)
    {
        id = IdFormat.IsValid(value) ? new SendId(value) : default;
        return id.Value is not null;
    }

    public static SendId New() => new(IdFormat.NewId("send"));

    public override string ToString() => Value;
}

/// <summary>Send ids are JSON strings, validated on the way in.</summary>
public sealed class SendIdJsonConverter : System.Text.Json.Serialization.JsonConverter<SendId>
{
    public override SendId Read(ref System.Text.Json.Utf8JsonReader reader, Type typeToConvert, System.Text.Json.JsonSerializerOptions options) =>
        SendId.TryParse(reader.GetString(), out var id) ? id : throw new System.Text.Json.JsonException("Not a send id.");

    public override void Write(System.Text.Json.Utf8JsonWriter writer, SendId value, System.Text.Json.JsonSerializerOptions options) =>
        writer.WriteStringValue(value.Value);
}
