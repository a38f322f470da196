using CouponFunctions.Core.Common;
using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Coupons.Listing;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Core.Tests.Coupons.Listing;

/// <summary>Stores, rows and query helpers for the coupon list tests; each test changes what it is about.</summary>
internal static class ListTestData
{
    /// <summary>2026-03-10 12:00 UTC (19:00 in Bangkok, 20:00 in Singapore).</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 10, 12, 0, 0, TimeSpan.Zero);

    public static readonly LowStockThreshold LowStock = new(Percent: 10, Absolute: 5);

    public static Store Store(string id = "s-sg", Platform platform = Platform.Shopee, string site = "SG", string? zone = null) => new()
    {
        TenantId = TenantId.Parse("t-acme"),
        Id = StoreId.Parse(id),
        Platform = platform,
        Site = site,
        ShopId = "shop-" + id,
        DisplayName = "Store " + id,
        TimeZoneId = zone ?? Sites.Get(site).TimeZoneId,
        CreatedAt = Now.AddYears(-1),
        UpdatedAt = Now.AddYears(-1),
    };

    public static Coupon Coupon(string id = "c-1", CouponStatus status = CouponStatus.Ongoing) => new()
    {
        Platform = Platform.Shopee,
        PlatformCouponId = id,
        Code = "CODE" + id.ToUpperInvariant(),
        Name = "Coupon " + id,
        Reward = RewardType.FixedAmount,
        DiscountAmount = 5m,
        MinSpend = 50m,
        TotalQuantity = 100,
        ClaimedCount = 40,
        UsedCount = 10,
        ValidFrom = Now.AddDays(-10),
        ValidTo = Now.AddDays(20),
        Currency = "SGD",
        Status = status,
        RawStatus = status.ToString().ToLowerInvariant(),
    };

    public static CouponListRow Row(string id = "c-1", Store? store = null, CouponStatus status = CouponStatus.Ongoing) =>
        CouponListRow.From(store ?? Store(), Coupon(id, status), lastChangedAt: Now.AddHours(-1));

    public static CouponListQuery Query(params (string Name, string? Value)[] parameters)
    {
        var result = Parse(parameters);
        Assert.True(result.IsOk, result.Errors is null ? result.Message : string.Join("; ", result.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));
        return result.Value;
    }

    public static Result<CouponListQuery> Parse(params (string Name, string? Value)[] parameters) =>
        CouponListQuery.Parse(parameters.Select(p => KeyValuePair.Create(p.Name, p.Value)));

    public static CouponListPage Page(IEnumerable<CouponListRow> rows, params (string Name, string? Value)[] parameters) =>
        CouponListEngine.Page(rows, Query(parameters), visibleStores: null, Now, LowStock);

    /// <summary>The ids of the rows matching the parameters, in list order.</summary>
    public static IReadOnlyList<string> Ids(IEnumerable<CouponListRow> rows, params (string Name, string? Value)[] parameters) =>
        CouponListEngine.All(rows, Query(parameters), visibleStores: null, Now, LowStock).Select(r => r.PlatformCouponId).ToList();
}
