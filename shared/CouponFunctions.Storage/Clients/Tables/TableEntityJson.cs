using System.Buffers;
using System.Globalization;
using System.Text.Json;
using Azure;

namespace CouponFunctions.Storage.Clients.Tables;

/// <summary>
/// Entity ⇄ OData JSON. Types that JSON cannot carry unambiguously get a <c>Name@odata.type</c> annotation
/// (Int64 as a string, DateTime with 7 fractional digits, Guid, Binary, and every Double so whole numbers and
/// NaN/Infinity keep their type); reads use <c>odata=minimalmetadata</c> so the annotations come back.
/// </summary>
internal static class TableEntityJson
{
    private const string TypeSuffix = "@odata.type";
    private const string DateTimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static byte[] Serialize(TableEntity entity)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in entity) WriteProperty(writer, name, value);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteProperty(Utf8JsonWriter writer, string name, object? value)
    {
        switch (value)
        {
            case null:
                return; // the Table service stores no nulls: an absent property reads back as null.
            case string s:
                writer.WriteString(name, s);
                break;
            case bool b:
                writer.WriteBoolean(name, b);
                break;
            case int i:
                writer.WriteNumber(name, i);
                break;
            case long l:
                writer.WriteString(name + TypeSuffix, "Edm.Int64");
                writer.WriteString(name, l.ToString(CultureInfo.InvariantCulture));
                break;
            case double or float:
                WriteDouble(writer, name, Convert.ToDouble(value, CultureInfo.InvariantCulture));
                break;
            case DateTimeOffset dto:
                WriteDateTime(writer, name, dto.UtcDateTime);
                break;
            case DateTime dt:
                WriteDateTime(writer, name, dt.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(dt, DateTimeKind.Utc) : dt.ToUniversalTime());
                break;
            case Guid g:
                writer.WriteString(name + TypeSuffix, "Edm.Guid");
                writer.WriteString(name, g.ToString("D"));
                break;
            case byte[] bytes:
                writer.WriteString(name + TypeSuffix, "Edm.Binary");
                writer.WriteBase64String(name, bytes);
                break;
            case BinaryData data:
                writer.WriteString(name + TypeSuffix, "Edm.Binary");
                writer.WriteBase64String(name, data.ToMemory().Span);
                break;
            case Enum e:
                writer.WriteString(name, e.ToString());
                break;
            default:
                throw new ArgumentException(
                    $"Property '{name}' has unsupported type {value.GetType().Name}; use string, bool, int, long, double, DateTimeOffset, Guid or byte[].",
                    nameof(value));
        }
    }

    private static void WriteDouble(Utf8JsonWriter writer, string name, double d)
    {
        writer.WriteString(name + TypeSuffix, "Edm.Double");
        if (double.IsNaN(d)) writer.WriteString(name, "NaN");
        else if (double.IsPositiveInfinity(d)) writer.WriteString(name, "Infinity");
        else if (double.IsNegativeInfinity(d)) writer.WriteString(name, "-Infinity");
        else writer.WriteNumber(name, d);
    }

    private static void WriteDateTime(Utf8JsonWriter writer, string name, DateTime utc)
    {
        writer.WriteString(name + TypeSuffix, "Edm.DateTime");
        writer.WriteString(name, utc.ToString(DateTimeFormat, CultureInfo.InvariantCulture));
    }

    public static TableEntity Deserialize(JsonElement element, ETag? headerETag = null)
    {
        var annotations = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (property.Name.EndsWith(TypeSuffix, StringComparison.Ordinal) && property.Value.ValueKind == JsonValueKind.String)
            {
                annotations[property.Name[..^TypeSuffix.Length]] = property.Value.GetString()!;
            }
        }

        var entity = new TableEntity();
        foreach (var property in element.EnumerateObject())
        {
            var name = property.Name;
            if (name == "odata.etag")
            {
                entity.ETag = new ETag(property.Value.GetString()!);
                continue;
            }

            if (name.StartsWith("odata.", StringComparison.Ordinal) || name.EndsWith(TypeSuffix, StringComparison.Ordinal)) continue;
            if (name == "Timestamp")
            {
                entity.Timestamp = ParseDateTime(property.Value.GetString()!);
                continue;
            }

            var value = ReadValue(property.Value, annotations.GetValueOrDefault(name), name);
            if (value is not null) entity[name] = value;
        }

        if (headerETag is { } etag) entity.ETag = etag;
        return entity;
    }

    private static object? ReadValue(JsonElement value, string? edmType, string name)
    {
        if (value.ValueKind == JsonValueKind.Null) return null;
        return edmType switch
        {
            "Edm.Int64" => value.ValueKind == JsonValueKind.String
                ? long.Parse(value.GetString()!, NumberStyles.Integer, CultureInfo.InvariantCulture)
                : value.GetInt64(),
            "Edm.DateTime" => ParseDateTime(value.GetString()!),
            "Edm.Guid" => Guid.Parse(value.GetString()!, CultureInfo.InvariantCulture),
            "Edm.Binary" => value.GetBytesFromBase64(),
            "Edm.Double" => ReadDouble(value),
            "Edm.Int32" => value.GetInt32(),
            "Edm.Boolean" => value.GetBoolean(),
            "Edm.String" => value.GetString(),
            null => ReadUntyped(value),
            _ => throw new FormatException($"Property '{name}' has unknown type annotation '{edmType}'."),
        };
    }

    private static object? ReadUntyped(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        // A number with a fraction or exponent is a Double (the service prints whole doubles as "5.0"); otherwise Int32.
        JsonValueKind.Number when value.GetRawText().AsSpan().IndexOfAny('.', 'e', 'E') < 0 && value.TryGetInt32(out var i) => i,
        JsonValueKind.Number => value.GetDouble(),
        _ => null,
    };

    private static double ReadDouble(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetDouble(),
        _ => value.GetString() switch
        {
            "NaN" => double.NaN,
            "Infinity" => double.PositiveInfinity,
            "-Infinity" => double.NegativeInfinity,
            var s => double.Parse(s!, NumberStyles.Float, CultureInfo.InvariantCulture),
        },
    };

    private static DateTimeOffset ParseDateTime(string value) =>
        DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
