using System.Diagnostics.CodeAnalysis;
using CouponFunctions.Core.Common;

namespace CouponFunctions.Core.Stores;

/// <summary>Identifies one connected marketplace store (shop) inside a tenant.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(StoreIdJsonConverter))]
public readonly record struct StoreId
{
    private StoreId(string value) => Value = value;

    public string Value { get; }

    public static StoreId Parse(string value) =>
        TryParse(value, out var id) ? id : throw new FormatException(IdFormat.Describe("A store id"));

    public static bool TryParse([NotNullWhen(true)] string? value, out StoreId id)
    {
        id = IdFormat.IsValid(value) ? new StoreId(value) : default;
        return id.Value is not null;
    }

    public static StoreId New() => new(IdFormat.NewId("s"));

    public override string ToString() => Value;
}
