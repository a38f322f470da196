using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Coupons.Listing;
using static CouponFunctions.Core.Tests.Coupons.Listing.ListTestData;

namespace CouponFunctions.Core.Tests.Coupons.Listing;

public sealed class CouponListEnginePagingTests
{
    [Theory]
    [InlineData("status", 1)]
    [InlineData("-status", 7)]
    [InlineData("endTime", 50)]
    [InlineData("-endTime", 13)]
    [InlineData("remaining", 9)]
    [InlineData("-remaining", 50)]
    [InlineData("claims", 11)]
    [InlineData("-claims", 3)]
    [InlineData("redemptionRate", 17)]
    [InlineData("-redemptionRate", 500)]
    public void Page_ThroughEveryPage_ReturnsEachMatchingRowOnceInOrder(string sort, int pageSize)
    {
        var rows = RandomRows(400, seed: 7);
        var expected = CouponListEngine.All(rows, Query(("sort", sort), ("status", "ongoing,paused,ended")), null, Now, LowStock);

        var pages = PageThrough(rows, pageSize, ("sort", sort), ("status", "ongoing,paused,ended"));

        Assert.Equal(expected, pages.SelectMany(p => p.Items));
        Assert.All(pages, p => Assert.Equal(expected.Count, p.TotalMatched));
        Assert.Equal((expected.Count + pageSize - 1) / pageSize, pages.Count);
    }

    [Fact]
    public void Page_RowsExactlyFillThePages_LastPageHasNoToken()
    {
        var rows = Enumerable.Range(0, 10).Select(i => Row($"c-{i}")).ToArray();

        var first = Page(rows, ("pageSize", "5"));
        var second = Page(rows, ("pageSize", "5"), ("continuation", first.ContinuationToken));

        Assert.NotNull(first.ContinuationToken);
        Assert.Equal(5, second.Items.Count);
        Assert.Null(second.ContinuationToken);
    }

    [Fact]
    public void Page_NothingMatches_IsEmptyWithoutToken()
    {
        var page = Page([Row()], ("platform", "shopline"));

        Assert.Equal((0, null, 0), (page.Items.Count, page.ContinuationToken, page.TotalMatched));
    }

    [Fact]
    public void Page_RowsInsertedAndRemovedBetweenPages_ContinuesAfterTheCursor()
    {
        var rows = Enumerable.Range(10, 20).Select(i => Row($"c-{i}") with { ValidTo = Now.AddDays(i) }).ToList();
        var first = Page(rows, ("pageSize", "5"));
        var seen = first.Items.Select(r => r.PlatformCouponId).ToHashSet();

        rows.RemoveAll(r => r.PlatformCouponId is "c-14" or "c-16"); // the cursor row itself and one not yet shown
        rows.Add(Row("c-early") with { ValidTo = Now.AddDays(1) }); // sorts before the cursor: belongs to a page already shown
        rows.Add(Row("c-late") with { ValidTo = Now.AddDays(17).AddHours(1) });
        var rest = PageThrough(rows, 5, first.ContinuationToken).SelectMany(p => p.Items).Select(r => r.PlatformCouponId).ToList();

        Assert.DoesNotContain(rest, seen.Contains);
        Assert.DoesNotContain("c-early", rest);
        Assert.DoesNotContain("c-16", rest);
        Assert.Equal(rest.Count, rest.Distinct().Count());
        Assert.Equal(["c-15", "c-17", "c-late", "c-18"], rest.Take(4));
        Assert.Equal(15, rest.Count);
    }

    [Fact]
    public void Page_DifferentPageSizeWithTheSameFilter_AcceptsTheToken()
    {
        var rows = Enumerable.Range(0, 10).Select(i => Row($"c-{i}")).ToArray();
        var first = Page(rows, ("pageSize", "3"), ("sort", "-claims"));

        var second = Page(rows, ("pageSize", "4"), ("sort", "-claims"), ("continuation", first.ContinuationToken));

        Assert.Equal(["c-3", "c-4", "c-5", "c-6"], second.Items.Select(r => r.PlatformCouponId));
    }

    [Fact]
    public void All_IgnoresPageSizeAndContinuation()
    {
        var rows = Enumerable.Range(0, 10).Select(i => Row($"c-{i}")).ToArray();
        var token = Page(rows, ("pageSize", "3")).ContinuationToken;

        Assert.Equal(10, CouponListEngine.All(rows, Query(("pageSize", "3"), ("continuation", token)), null, Now, LowStock).Count);
    }

    private static List<CouponListPage> PageThrough(IEnumerable<CouponListRow> rows, int pageSize, params (string Name, string? Value)[] filter) =>
        PageThrough(rows, pageSize, null, filter);

    private static List<CouponListPage> PageThrough(IEnumerable<CouponListRow> rows, int pageSize, string? token, params (string Name, string? Value)[] filter)
    {
        var pages = new List<CouponListPage>();
        do
        {
            var parameters = filter.Append(("pageSize", pageSize.ToString(System.Globalization.CultureInfo.InvariantCulture))).Append(("continuation", token));
            pages.Add(Page(rows, parameters.ToArray()));
            token = pages[^1].ContinuationToken;
            Assert.True(pages.Count < 1000, "Paging does not end.");
        }
        while (token is not null);
        return pages;
    }

    // Few distinct values, so that ties and missing values are common.
    private static List<CouponListRow> RandomRows(int count, int seed)
    {
        var random = new Random(seed);
        var stores = Enumerable.Range(0, 5).Select(i => Store($"s-{i}")).ToArray();
        return Enumerable.Range(0, count).Select(i =>
        {
            int? claimed = random.Next(4) == 0 ? null : random.Next(0, 5) * 10;
            return Row($"c-{random.Next(100_000)}-{i}", stores[random.Next(stores.Length)], (CouponStatus)random.Next(5)) with
            {
                ValidTo = Now.AddDays(random.Next(-3, 4)),
                TotalQuantity = random.Next(5) == 0 ? null : 50,
                ClaimedCount = claimed,
                UsedCount = random.Next(4) == 0 ? null : random.Next(0, claimed ?? 10),
            };
        }).ToList();
    }
}
