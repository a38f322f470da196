using System.Text.Json;

namespace CouponFunctions.Sandbox.Shopee;

/// <summary>The add_voucher / update_voucher body as Shopee reads it (every field optional here; the rules say what is required).</summary>
internal sealed record ShopeeVoucherInput
{
    public long? VoucherId { get; init; }

    public string? VoucherName { get; init; }

    public string? VoucherCode { get; init; }

    public long? StartTime { get; init; }

    public long? EndTime { get; init; }

    public int? VoucherType { get; init; }

    public int? RewardType { get; init; }

    public int? UsageQuantity { get; init; }

    public decimal? MinBasketPrice { get; init; }

    public decimal? DiscountAmount { get; init; }

    public int? Percentage { get; init; }

    public decimal? MaxPrice { get; init; }

    public int[]? DisplayChannelList { get; init; }

    public long[]? ItemIdList { get; init; }

    public long? DisplayStartTime { get; init; }

    /// <summary>The names of the fields present in the body (an update may change only some).</summary>
    public IReadOnlySet<string> Present { get; init; } = new HashSet<string>();

    public static ShopeeVoucherInput Read(JsonElement body)
    {
        var input = body.Deserialize<ShopeeVoucherInput>(ShopeeSandboxResults.Json) ?? new ShopeeVoucherInput();
        return input with { Present = body.EnumerateObject().Where(p => p.Value.ValueKind != JsonValueKind.Null).Select(p => p.Name).ToHashSet(StringComparer.Ordinal) };
    }
}
