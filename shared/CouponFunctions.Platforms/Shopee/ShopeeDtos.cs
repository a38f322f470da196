namespace CouponFunctions.Platforms.Shopee;

// Shopee v2 payloads (snake_case on the wire through PlatformJson.SnakeCase). They never leave this folder.

/// <summary>A voucher as get_voucher / get_voucher_list return it. min_basket_price, max_price, display_channel_list,
/// usecase and item_id_list come only from get_voucher (platform-apis.md §1, "Correction"): null when absent.</summary>
internal sealed record ShopeeVoucher
{
    public long VoucherId { get; init; }

    public string? VoucherCode { get; init; }

    public string? VoucherName { get; init; }

    public int VoucherType { get; init; }

    public int RewardType { get; init; }

    public int UsageQuantity { get; init; }

    public int CurrentUsage { get; init; }

    public long StartTime { get; init; }

    public long EndTime { get; init; }

    public long? DisplayStartTime { get; init; }

    public decimal? MinBasketPrice { get; init; }

    public decimal? DiscountAmount { get; init; }

    public decimal? Percentage { get; init; }

    public decimal? MaxPrice { get; init; }

    public bool IsAdmin { get; init; }

    public int? VoucherPurpose { get; init; }

    public long[]? ItemIdList { get; init; }
}

/// <summary>The body of add_voucher.</summary>
internal sealed record ShopeeAddVoucherBody(
    string VoucherName,
    string VoucherCode,
    long StartTime,
    long EndTime,
    int VoucherType,
    int RewardType,
    int UsageQuantity,
    decimal MinBasketPrice,
    decimal? DiscountAmount,
    int? Percentage,
    decimal? MaxPrice,
    int[] DisplayChannelList,
    long[]? ItemIdList,
    long? DisplayStartTime);

/// <summary>The body of update_voucher: only the fields being changed are sent.</summary>
internal sealed record ShopeeUpdateVoucherBody
{
    public required long VoucherId { get; init; }

    public string? VoucherName { get; init; }

    public long? StartTime { get; init; }

    public long? EndTime { get; init; }

    public int? UsageQuantity { get; init; }

    public decimal? MinBasketPrice { get; init; }

    public decimal? DiscountAmount { get; init; }

    public int? Percentage { get; init; }

    public decimal? MaxPrice { get; init; }

    public long[]? ItemIdList { get; init; }
}

/// <summary>The body of end_voucher and delete_voucher.</summary>
internal sealed record ShopeeVoucherIdBody(long VoucherId);

/// <summary>token/get and access_token/get answers: Shopee puts these fields at the top level, not under "response".</summary>
internal sealed record ShopeeTokenResponse
{
    public string? AccessToken { get; init; }

    public string? RefreshToken { get; init; }

    public long ExpireIn { get; init; }

    public long[]? ShopIdList { get; init; }
}
