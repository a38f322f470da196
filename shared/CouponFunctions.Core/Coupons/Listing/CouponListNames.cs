namespace CouponFunctions.Core.Coupons.Listing;

/// <summary>The list's words as the query string and the CSV spell them (camelCase, like the API's JSON).</summary>
internal static class CouponListNames
{
    public static readonly string[] Statuses = ["upcoming", "ongoing", "paused", "ended", "deactivated"];

    public static readonly string[] SortFields = ["status", "endTime", "remaining", "claims", "redemptionRate"];

    public static readonly string[] Rewards = ["fixedAmount", "percentage", "coinCashback"];

    public static readonly string[] StockFilters = ["out", "low"];

    public const string IncludeArchived = "archived";

    public const string IncludeRemoved = "removed";

    public static string Of(CouponStatus status) => Statuses[(int)status];

    public static string Of(CouponListSortField field) => SortFields[(int)field];

    public static string Of(RewardType reward) => Rewards[(int)reward];

    public static string Of(StockFilter stock) => StockFilters[(int)stock];

    public static bool TryParse(string value, out CouponStatus status) => TryFind(Statuses, value, out status);

    public static bool TryParse(string value, out CouponListSortField field) => TryFind(SortFields, value, out field);

    public static bool TryParse(string value, out StockFilter stock) => TryFind(StockFilters, value, out stock);

    public static string Allowed(IEnumerable<string> values) => string.Join(", ", values);

    private static bool TryFind<TEnum>(string[] names, string value, out TEnum result)
        where TEnum : struct, Enum
    {
        var index = Array.FindIndex(names, n => string.Equals(n, value, StringComparison.OrdinalIgnoreCase));
        result = index >= 0 ? (TEnum)Enum.ToObject(typeof(TEnum), index) : default;
        return index >= 0;
    }
}
