using System.Text.Json;
using System.Text.Json.Serialization;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Core.Common;

/// <summary>Ids are JSON strings, validated on the way in.</summary>
public sealed class TenantIdJsonConverter : JsonConverter<TenantId>
{
    public override TenantId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        TenantId.TryParse(reader.GetString(), out var id) ? id : throw new JsonException("Not a tenant id.");

    public override void Write(Utf8JsonWriter writer, TenantId value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
}

/// <summary>Ids are JSON strings, validated on the way in.</summary>
public sealed class StoreIdJsonConverter : JsonConverter<StoreId>
{
    public override StoreId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        StoreId.TryParse(reader.GetString(), out var id) ? id : throw new JsonException("Not a store id.");

    public override void Write(Utf8JsonWriter writer, StoreId value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);

    // Store ids also key maps (a template's product ids per store).
    public override StoreId ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        StoreId.TryParse(reader.GetString(), out var id) ? id : throw new JsonException("Not a store id.");

    public override void WriteAsPropertyName(Utf8JsonWriter writer, StoreId value, JsonSerializerOptions options) => writer.WritePropertyName(value.Value);
}
