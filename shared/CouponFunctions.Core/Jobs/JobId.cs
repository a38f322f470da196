using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;
using CouponFunctions.Core.Common;

namespace CouponFunctions.Core.Jobs;

/// <summary>Identifies one deployment or bulk-action job inside a tenant.</summary>
[JsonConverter(typeof(JobIdJsonConverter))]
public readonly record struct JobId
{
    private JobId(string value) => Value = value;

    public string Value { get; }

    public static JobId Parse(string value) =>
        TryParse(value, out var id) ? id : throw new FormatException(IdFormat.Describe("A job id"));

    public static bool TryParse([NotNullWhen(true)] string? value, out JobId id)
    {
        id = IdFormat.IsValid(value) ? new JobId(value) : default;
        return id.Value is not null;
    }

    public static JobId New() => new(IdFormat.NewId("job"));

    public override string ToString() => Value;
}

/// <summary>Job ids are JSON strings, validated on the way in.</summary>
public sealed class JobIdJsonConverter : JsonConverter<JobId>
{
    public override JobId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        JobId.TryParse(reader.GetString(), out var id) ? id : throw new JsonException("Not a job id.");

    public override void Write(Utf8JsonWriter writer, JobId value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
}
