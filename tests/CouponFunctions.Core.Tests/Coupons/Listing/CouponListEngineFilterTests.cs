using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Coupons.Listing;
using CouponFunctions.Core.Stores;
using static CouponFunctions.Core.Tests.Coupons.Listing.ListTestData;

namespace CouponFunctions.Core.Tests.Coupons.Listing;

public sealed class CouponListEngineFilterTests
{
    private static readonly Store Sg = Store("s-sg", Platform.Shopee, "SG");
    private static readonly Store Th = Store("s-th", Platform.Lazada, "TH");
    private static readonly Store Id = Store("s-id", Platform.TikTok, "ID");

    private static readonly CouponListRow[] Rows =
    [
        Row("a", Sg) with { Name = "Payday Sale", Code = "PAY10", Campaign = "Mid-Year Sale" },
        Row("b", Th, CouponStatus.Paused) with { TotalQuantity = 100, ClaimedCount = 100, UsedCount = 50, Campaign = "KOL Anna" },
        Row("c", Id, CouponStatus.Upcoming) with { TotalQuantity = 100, ClaimedCount = 95, OpenFindings = 1, HighestSeverity = "warning", Campaign = "mid-year sale" },
        Row("d", Sg, CouponStatus.Ended) with { TotalQuantity = null, Code = null, Name = "VIP only" },
    ];

    [Theory]
    [InlineData("platform", "lazada", "b")]
    [InlineData("platform", "shopee,tiktok", "a,c,d")]
    [InlineData("platform", "shopline", "")]
    [InlineData("store", "s-th,s-id", "b,c")]
    [InlineData("store", "s-unknown", "")]
    [InlineData("site", "sg", "a,d")]
    [InlineData("site", "MY", "")]
    [InlineData("status", "paused,upcoming", "b,c")]
    [InlineData("status", "deactivated", "")]
    [InlineData("stock", "out", "b")]
    [InlineData("stock", "low", "c")]
    [InlineData("hasFindings", "true", "c")]
    [InlineData("hasFindings", "false", "a,b,d")]
    [InlineData("q", "payday", "a")]
    [InlineData("q", "pay1", "a")]
    [InlineData("q", "vip", "d")]
    [InlineData("q", "coupon", "b,c")]
    [InlineData("q", "nothing like it", "")]
    [InlineData("campaign", "Mid-Year Sale", "a,c")]
    [InlineData("campaign", "mid-year-sale", "a,c")]
    [InlineData("campaign", "kol anna,Mid-Year Sale", "a,b,c")]
    [InlineData("campaign", "newsletter", "")]
    public void All_OneFilter_ReturnsOnlyMatchingRows(string name, string value, string expected) =>
        Assert.Equal(Split(expected), Ids(Rows, (name, value), ("sort", "status")).Order());

    [Fact]
    public void All_CombinedFilters_AppliesEveryOne() =>
        Assert.Equal(["d"], Ids(Rows, ("platform", "shopee"), ("status", "ended,paused"), ("hasFindings", "false")));

    [Fact]
    public void Page_NoFilters_ReturnsEveryVisibleRow() =>
        Assert.Equal(4, Page(Rows).TotalMatched);

    [Theory]
    [InlineData(10, 0, 10, true)]
    [InlineData(10, 0, 11, false)]
    [InlineData(0, 5, 5, true)]
    [InlineData(0, 5, 6, false)]
    [InlineData(10, 0, 0, false)]
    public void All_LowStock_UsesPercentOrAbsoluteThresholdAndExcludesOut(int percent, int absolute, int remaining, bool expected)
    {
        var row = Row() with { TotalQuantity = 100, ClaimedCount = 100 - remaining };

        var matched = CouponListEngine.All([row], Query(("stock", "low")), null, Now, new LowStockThreshold(percent, absolute));

        Assert.Equal(expected, matched.Count == 1);
    }

    [Fact]
    public void All_ArchivedAndRemoved_AreHiddenByDefault()
    {
        Assert.Equal(["live"], Ids(Mixed()));
        Assert.Equal(["archived", "live"], Ids(Mixed(), ("include", "archived")).Order());
        Assert.Equal(["live", "removed"], Ids(Mixed(), ("include", "removed")).Order());
        Assert.Equal(["archived", "live", "removed"], Ids(Mixed(), ("include", "removed,archived")).Order());
    }

    [Fact]
    public void Page_ScopedCaller_NeverSeesOtherStoresNotEvenInTheTotal()
    {
        var page = CouponListEngine.Page(Rows, Query(), new HashSet<StoreId> { Th.Id }, Now, LowStock);

        Assert.Equal(["b"], page.Items.Select(r => r.PlatformCouponId));
        Assert.Equal(1, page.TotalMatched);
    }

    [Fact]
    public void Page_ScopedCallerAskingForAStoreOutsideTheScope_GetsNothing()
    {
        var page = CouponListEngine.Page(Rows, Query(("store", "s-sg")), new HashSet<StoreId> { Th.Id }, Now, LowStock);

        Assert.Empty(page.Items);
        Assert.Equal(0, page.TotalMatched);
    }

    [Fact]
    public void Page_EmptyScope_SeesNothing() =>
        Assert.Equal(0, CouponListEngine.Page(Rows, Query(), new HashSet<StoreId>(), Now, LowStock).TotalMatched);

    private static CouponListRow[] Mixed() =>
    [
        Row("live"),
        Row("archived", status: CouponStatus.Ended) with { IsArchived = true },
        Row("removed") with { RemovedAt = Now.AddDays(-1) },
    ];

    private static string[] Split(string ids) => ids.Split(',', StringSplitOptions.RemoveEmptyEntries);
}
