using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Coupons.Listing;
using static CouponFunctions.Core.Tests.Coupons.Listing.ListTestData;

namespace CouponFunctions.Core.Tests.Coupons.Listing;

public sealed class CouponListEngineSortTests
{
    // Ties on purpose: a/1 and b/1 share status, end time, remaining and claims; a/2 and a/3 both have no redemption rate.
    private static readonly CouponListRow[] Rows =
    [
        Make("s-a", "1", CouponStatus.Ongoing, days: 5, total: 100, claimed: 40, used: 10),
        Make("s-a", "2", CouponStatus.Upcoming, days: 3, total: null, claimed: null, used: null),
        Make("s-b", "1", CouponStatus.Ongoing, days: 5, total: 100, claimed: 40, used: 20),
        Make("s-a", "3", CouponStatus.Ended, days: -1, total: 50, claimed: 0, used: 0),
        Make("s-b", "0", CouponStatus.Paused, days: 10, total: 10, claimed: 10, used: 10),
    ];

    [Theory]
    [InlineData("status", "s-a/2 s-a/1 s-b/1 s-b/0 s-a/3")]
    [InlineData("-status", "s-a/3 s-b/0 s-a/1 s-b/1 s-a/2")]
    [InlineData("endTime", "s-a/3 s-a/2 s-a/1 s-b/1 s-b/0")]
    [InlineData("-endTime", "s-b/0 s-a/1 s-b/1 s-a/2 s-a/3")]
    [InlineData("remaining", "s-b/0 s-a/3 s-a/1 s-b/1 s-a/2")]
    [InlineData("-remaining", "s-a/1 s-b/1 s-a/3 s-b/0 s-a/2")]
    [InlineData("claims", "s-a/3 s-b/0 s-a/1 s-b/1 s-a/2")]
    [InlineData("-claims", "s-a/1 s-b/1 s-b/0 s-a/3 s-a/2")]
    [InlineData("redemptionRate", "s-a/1 s-b/1 s-b/0 s-a/2 s-a/3")]
    [InlineData("-redemptionRate", "s-b/0 s-b/1 s-a/1 s-a/2 s-a/3")]
    public void All_Sort_OrdersWithNullsLastAndTiesByStoreThenCoupon(string sort, string expected) =>
        Assert.Equal(expected, Keys(CouponListEngine.All(Rows, Query(("sort", sort)), null, Now, LowStock)));

    [Theory]
    [InlineData("status")]
    [InlineData("-endTime")]
    [InlineData("-remaining")]
    [InlineData("redemptionRate")]
    public void Page_Sort_MatchesTheFullOrder(string sort)
    {
        var all = Keys(CouponListEngine.All(Rows, Query(("sort", sort)), null, Now, LowStock));

        Assert.Equal(all, Keys(Page(Rows, ("sort", sort), ("pageSize", "5")).Items));
        Assert.Equal(all.Split(' ')[..3], Keys(Page(Rows, ("sort", sort), ("pageSize", "3")).Items).Split(' '));
    }

    [Fact]
    public void All_InputOrderReversed_GivesTheSameOrder() =>
        Assert.Equal(
            Keys(CouponListEngine.All(Rows, Query(("sort", "claims")), null, Now, LowStock)),
            Keys(CouponListEngine.All(Rows.Reverse(), Query(("sort", "claims")), null, Now, LowStock)));

    private static string Keys(IEnumerable<CouponListRow> rows) => string.Join(' ', rows.Select(r => $"{r.StoreId}/{r.PlatformCouponId}"));

    private static CouponListRow Make(string store, string id, CouponStatus status, int days, int? total, int? claimed, int? used) =>
        Row(id, Store(store), status) with { ValidTo = Now.AddDays(days), TotalQuantity = total, ClaimedCount = claimed, UsedCount = used };
}
