using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Inspections;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Core.Tests.Inspections;

/// <summary>A healthy store with a healthy coupon; each test breaks one thing and expects one finding (or none).</summary>
internal static class InspectionTestData
{
    public static readonly TenantId Tenant = TenantId.Parse("t-acme");

    /// <summary>Sat 21 Nov 2026 09:00 in Bangkok (UTC+7).</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 21, 2, 0, 0, TimeSpan.Zero);

    public static readonly TimeSpan Bangkok = TimeSpan.FromHours(7);

    public static Store Store(string zone = "Asia/Bangkok", Platform platform = Platform.Shopee, string site = "TH", string id = "s-bkk", string name = "Acme TH") => new()
    {
        TenantId = Tenant,
        Id = StoreId.Parse(id),
        Platform = platform,
        Site = site,
        ShopId = "100200",
        DisplayName = name,
        TimeZoneId = zone,
        CreatedAt = Now.AddYears(-1),
        UpdatedAt = Now.AddYears(-1),
    };

    /// <summary>Ongoing since yesterday, ends in 10 days; 10% off capped at THB 100 from THB 500; 100 of 500 claimed, 10 used.</summary>
    public static Coupon Coupon(string id = "v-1", CouponStatus status = CouponStatus.Ongoing) => new()
    {
        Platform = Platform.Shopee,
        PlatformCouponId = id,
        Code = "ACMEPAY10",
        Name = "Payday 10% off",
        Reward = RewardType.Percentage,
        Percentage = 10m,
        MaxDiscount = 100m,
        MinSpend = 500m,
        TotalQuantity = 500,
        ClaimedCount = 100,
        UsedCount = 10,
        ValidFrom = Now.AddDays(-1),
        ValidTo = Now.AddDays(10),
        Currency = "THB",
        Status = status,
        RawStatus = status.ToString().ToUpperInvariant(),
    };

    /// <summary>Synced five minutes ago.</summary>
    public static StoreSyncHealth Healthy(DateTimeOffset? now = null) => new((now ?? Now).AddMinutes(-5), (now ?? Now).AddMinutes(-6), null, 0);

    public static IReadOnlyList<Finding> Inspect(Coupon coupon, DateTimeOffset? now = null, InspectionSettings? settings = null, Store? store = null) =>
        CouponInspector.Default.Inspect(
            new StoreInspectionInput(store ?? Store(), [coupon], Healthy(now), now ?? Now), settings ?? InspectionSettings.Default);

    public static IReadOnlyList<string> Codes(this IReadOnlyList<Finding> findings) => findings.Select(f => f.Code).ToList();

    public static Finding Single(this IReadOnlyList<Finding> findings, string code) => Assert.Single(findings, f => f.Code == code);

    /// <summary>A local wall-clock time of a zone as an instant (for readable tests: "23:30 in Bangkok").</summary>
    public static DateTimeOffset Local(string zone, int year, int month, int day, int hour, int minute, int second = 0)
    {
        var tz = TimeZoneInfo.FindSystemTimeZoneById(zone);
        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, tz.GetUtcOffset(local));
    }

    public static Finding MakeFinding(string code = FindingCodes.StockLow, string? couponId = "v-1", FindingSeverity severity = FindingSeverity.Warning,
        string store = "s-bkk", string? name = "Payday 10% off") => new()
    {
        Code = code,
        Severity = severity,
        TenantId = Tenant,
        StoreId = StoreId.Parse(store),
        PlatformCouponId = couponId,
        CouponName = couponId is null ? null : name,
        CouponCode = couponId is null ? null : "ACMEPAY10",
        Message = $"{code} on {name}",
        Action = "Do something.",
    };
}
