using System.Diagnostics.CodeAnalysis;
using CouponFunctions.Core.Common;

namespace CouponFunctions.Core.Tenancy;

/// <summary>Identifies a merchant workspace; every table key starts with it.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(TenantIdJsonConverter))]
public readonly record struct TenantId
{
    private TenantId(string value) => Value = value;

    public string Value { get; }

    public static TenantId Parse(string value) =>
        TryParse(value, out var id) ? id : throw new FormatException(IdFormat.Describe("A tenant id"));

    public static bool TryParse([NotNullWhen(true)] string? value, out TenantId id)
    {
        id = IdFormat.IsValid(value) ? new TenantId(value) : default;
        return id.Value is not null;
    }

    public static TenantId New() => new(IdFormat.NewId("t"));

    public override string ToString() => Value;
}
