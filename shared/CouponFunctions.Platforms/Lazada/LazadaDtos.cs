using System.Text.Json;
using static CouponFunctions.Platforms.Lazada.LazadaJson;

namespace CouponFunctions.Platforms.Lazada;

// Lazada payloads, read field by field through LazadaJson (strings, numbers and "null" alike). They never leave this folder.

/// <summary>A voucher as /promotion/voucher/get and /promotion/vouchers/get return it.</summary>
internal sealed record LazadaVoucher
{
    public const string Collectible = "COLLECTIBLE_VOUCHER";
    public const string CodeVoucher = "CODE_VOUCHER";
    public const string EntireShop = "ENTIRE_SHOP";
    public const string SpecificProducts = "SPECIFIC_PRODUCTS";
    public const string MoneyOff = "MONEY_VALUE_OFF";
    public const string PercentageOff = "PERCENTAGE_DISCOUNT_OFF";

    public required long Id { get; init; }

    public required string VoucherType { get; init; }

    public string? VoucherName { get; init; }

    public string? VoucherCode { get; init; }

    public string? Apply { get; init; }

    public string? DisplayArea { get; init; }

    public string? DiscountType { get; init; }

    public decimal? CriteriaOverMoney { get; init; }

    public decimal? MoneyValueOff { get; init; }

    public decimal? PercentageDiscountOff { get; init; }

    public decimal? MaxDiscount { get; init; }

    public required long PeriodStartTime { get; init; }

    public required long PeriodEndTime { get; init; }

    public long? CollectStart { get; init; }

    public int? Limit { get; init; }

    public int? Issued { get; init; }

    public decimal? OrderUsedBudget { get; init; }

    public string? Currency { get; init; }

    public required string Status { get; init; }

    public static LazadaVoucher Read(JsonElement raw) => new()
    {
        Id = Long(raw, "id") ?? throw new JsonException("A voucher without id."),
        VoucherType = String(raw, "voucher_type") ?? Collectible,
        VoucherName = String(raw, "voucher_name"),
        VoucherCode = String(raw, "voucher_code"),
        Apply = String(raw, "apply"),
        DisplayArea = String(raw, "display_area"),
        DiscountType = String(raw, "voucher_discount_type"),
        CriteriaOverMoney = Decimal(raw, "criteria_over_money"),
        MoneyValueOff = Decimal(raw, "offering_money_value_off"),
        PercentageDiscountOff = Decimal(raw, "offering_percentage_discount_off"),
        MaxDiscount = Decimal(raw, "max_discount_offering_money_value"),
        PeriodStartTime = Long(raw, "period_start_time") ?? throw new JsonException("A voucher without period_start_time."),
        PeriodEndTime = Long(raw, "period_end_time") ?? throw new JsonException("A voucher without period_end_time."),
        CollectStart = Long(raw, "collect_start"),
        Limit = Int(raw, "limit"),
        Issued = Int(raw, "issued"),
        OrderUsedBudget = Decimal(raw, "order_used_budget"),
        Currency = String(raw, "currency"),
        Status = String(raw, "status") ?? throw new JsonException("A voucher without status."),
    };
}

/// <summary>One page of a Lazada list answer: <c>data.{total, current, page_size, data_list[]}</c>.</summary>
/// <param name="Total">The count over all pages; null when the answer leaves it out.</param>
internal sealed record LazadaPage(int? Total, IReadOnlyList<JsonElement> Items)
{
    /// <summary>Whether the pass is over after this page, with <paramref name="received"/> items read so far (this page included).
    /// Counting what arrived, not page arithmetic, still reads to the end when the gateway caps page_size below what we asked.</summary>
    public bool IsLast(int received, int pageSize) => Items.Count == 0 || (Total is { } total ? received >= total : Items.Count < pageSize);

    public static LazadaPage Read(JsonElement envelope)
    {
        var data = Data(envelope);
        var items = data.ValueKind == JsonValueKind.Object && data.TryGetProperty("data_list", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().ToList()
            : [];
        return new LazadaPage(Int(data, "total"), items);
    }
}

/// <summary>/auth/token/create and /auth/token/refresh answers (fields at the top level, beside code and request_id).</summary>
internal sealed record LazadaTokenResponse(
    string AccessToken,
    long ExpiresIn,
    string? RefreshToken,
    long? RefreshExpiresIn,
    string? Country,
    IReadOnlyList<(string SellerId, string? Country, string? ShortCode)> Sellers)
{
    public static LazadaTokenResponse Read(JsonElement root)
    {
        var sellers = root.TryGetProperty("country_user_info", out var info) && info.ValueKind == JsonValueKind.Array
            ? info.EnumerateArray()
                .Where(u => String(u, "seller_id") is not null)
                .Select(u => (String(u, "seller_id")!, String(u, "country"), String(u, "short_code")))
                .ToList()
            : [];
        return new LazadaTokenResponse(
            String(root, "access_token") ?? throw new JsonException("No access_token."),
            Long(root, "expires_in") is { } expiresIn && expiresIn > 0 ? expiresIn : throw new JsonException("No expires_in."),
            String(root, "refresh_token"),
            Long(root, "refresh_expires_in"),
            String(root, "country"),
            sellers);
    }
}
