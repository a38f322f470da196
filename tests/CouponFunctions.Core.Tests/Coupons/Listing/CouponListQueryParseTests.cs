using CouponFunctions.Core.Common;
using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Coupons.Listing;
using CouponFunctions.Core.Stores;
using static CouponFunctions.Core.Tests.Coupons.Listing.ListTestData;

namespace CouponFunctions.Core.Tests.Coupons.Listing;

public sealed class CouponListQueryParseTests
{
    [Fact]
    public void Parse_NoParameters_ReturnsDefaults()
    {
        var query = Query();

        Assert.Empty(query.Platforms);
        Assert.Empty(query.Statuses);
        Assert.Null(query.ExpiringWithinDays);
        Assert.False(query.IncludeArchived || query.IncludeRemoved);
        Assert.Equal(new CouponListSort(CouponListSortField.EndTime, Descending: false), query.Sort);
        Assert.Equal(50, query.PageSize);
    }

    [Fact]
    public void Parse_EveryParameter_ReadsEachOne()
    {
        var query = Query(
            ("platform", "shopee, Lazada"), ("store", "s-sg,s-th"), ("site", "sg,TH"), ("status", "ongoing,PAUSED"),
            ("expiringWithinDays", "3"), ("stock", "low"), ("hasFindings", "true"), ("q", " Mid Year "),
            ("include", "archived,removed"), ("sort", "-redemptionRate"), ("pageSize", "500"));

        Assert.Equal([Platform.Shopee, Platform.Lazada], query.Platforms.Order());
        Assert.Equal(["s-sg", "s-th"], query.Stores.Select(s => s.Value).Order());
        Assert.Equal(["SG", "TH"], query.Sites.Order());
        Assert.Equal([CouponStatus.Ongoing, CouponStatus.Paused], query.Statuses.Order());
        Assert.Equal((3, StockFilter.Low, true, "Mid Year"), (query.ExpiringWithinDays, query.Stock, query.HasFindings, query.Text));
        Assert.True(query.IncludeArchived && query.IncludeRemoved);
        Assert.Equal(new CouponListSort(CouponListSortField.RedemptionRate, Descending: true), query.Sort);
        Assert.Equal(500, query.PageSize);
    }

    [Fact]
    public void Parse_ParameterNamesInOtherCase_AreAccepted() =>
        Assert.Equal(7, Query(("PageSize", "7")).PageSize);

    [Fact]
    public void Parse_BlankValues_AreTreatedAsNotGiven()
    {
        var query = Query(("platform", ""), ("status", " , "), ("q", "  "), ("continuation", ""));

        Assert.Empty(query.Platforms);
        Assert.Empty(query.Statuses);
        Assert.Null(query.Text);
    }

    [Theory]
    [InlineData("platform", "shoppe", "shopee, lazada, tiktok, shopline")]
    [InlineData("store", "S_Bad!", "store ids")]
    [InlineData("site", "XX", "SG, MY, PH")]
    [InlineData("status", "running", "upcoming, ongoing, paused, ended, deactivated")]
    [InlineData("expiringWithinDays", "-1", "0 to 365")]
    [InlineData("expiringWithinDays", "366", "0 to 365")]
    [InlineData("expiringWithinDays", "2.5", "0 to 365")]
    [InlineData("stock", "empty", "out, low")]
    [InlineData("hasFindings", "yes", "true, false")]
    [InlineData("campaign", "!!!", "at least one letter or digit")]
    [InlineData("include", "deleted", "archived, removed")]
    [InlineData("sort", "name", "status, endTime, remaining, claims, redemptionRate")]
    [InlineData("sort", "--endTime", "leading '-'")]
    [InlineData("pageSize", "0", "1 to 500")]
    [InlineData("pageSize", "501", "1 to 500")]
    [InlineData("pageSize", "ten", "1 to 500")]
    public void Parse_BadValue_NamesTheParameterAndWhatIsAllowed(string name, string value, string allowed)
    {
        var errors = Invalid(Parse((name, value)));

        var message = Assert.Single(Assert.Single(errors, e => e.Key == name).Value);
        Assert.Contains(allowed, message, StringComparison.Ordinal);
        Assert.Single(errors);
    }

    [Fact]
    public void Parse_SeveralBadItemsInOneList_NamesEach()
    {
        var messages = Invalid(Parse(("status", "ongoing,running,stopped")))["status"];

        Assert.Equal(2, messages.Length);
        Assert.Contains("'running'", messages[0], StringComparison.Ordinal);
        Assert.Contains("'stopped'", messages[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnknownParameter_NamesItAndListsTheKnownOnes()
    {
        var errors = Invalid(Parse(("status", "ongoing"), ("stauts", "ended")));

        var message = Assert.Single(errors["stauts"]);
        Assert.Contains("Unknown parameter 'stauts'", message, StringComparison.Ordinal);
        Assert.Contains("status", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SameParameterTwiceInDifferentCase_IsRejected() =>
        Assert.True(Invalid(Parse(("status", "ongoing"), ("Status", "ended"))).ContainsKey("status"));

    [Fact]
    public void Parse_TextLongerThan100_IsRejected()
    {
        Assert.True(Query(("q", new string('a', 100))).Text is { Length: 100 });
        Assert.Contains("100", Assert.Single(Invalid(Parse(("q", new string('a', 101))))["q"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ListOfMoreThan200_IsRejected()
    {
        var stores = string.Join(',', Enumerable.Range(0, 201).Select(i => $"s-{i}"));

        Assert.Contains("at most 200", Assert.Single(Invalid(Parse(("store", stores)))["store"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ValueLongerThan4096_IsRejectedWithoutEchoingIt()
    {
        var message = Assert.Single(Invalid(Parse(("site", new string('x', 5000))))["site"]);

        Assert.True(message.Length < 100, message);
    }

    [Fact]
    public void Parse_SeveralBadParameters_ReportsEveryOne() =>
        Assert.Equal(["pageSize", "platform", "sort"], Invalid(Parse(("platform", "ebay"), ("sort", "price"), ("pageSize", "0"))).Keys.Order());

    [Fact]
    public void PageSize_SetOutsideOneTo500_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new CouponListQuery { PageSize = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new CouponListQuery { ExpiringWithinDays = -1 });
    }

    internal static ValidationErrors Invalid(Result<CouponListQuery> result)
    {
        Assert.Equal(OutcomeKind.Invalid, result.Kind);
        return result.Errors!;
    }
}
