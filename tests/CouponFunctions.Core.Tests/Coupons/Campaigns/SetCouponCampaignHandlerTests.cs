using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Coupons.Campaigns;
using CouponFunctions.Core.Coupons.Listing;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;
using Moq;
using static CouponFunctions.Core.Tests.Coupons.Listing.ListTestData;

namespace CouponFunctions.Core.Tests.Coupons.Campaigns;

public sealed class SetCouponCampaignHandlerTests
{
    private static readonly Store Sg = Store("s-sg");
    private static readonly Store Th = Store("s-th", Platform.Lazada, "TH");
    private static readonly Caller Editor = new(Sg.TenantId, "k-1", ApiKeyRole.Editor, null);

    private readonly Mock<ICouponCampaigns> _campaigns = new();
    private readonly List<(StoreId Store, string[] Ids, string? Campaign)> _set = [];

    public SetCouponCampaignHandlerTests() =>
        _campaigns.Setup(c => c.SetAsync(Sg.TenantId, It.IsAny<StoreId>(), It.IsAny<IReadOnlyCollection<string>>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .Callback((TenantId _, StoreId store, IReadOnlyCollection<string> ids, string? campaign, CancellationToken _) => _set.Add((store, ids.Order().ToArray(), campaign)))
            .Returns(Task.CompletedTask);

    [Fact]
    public async Task HandleAsync_CouponsOfTwoStores_TagsEachStoresCouponsOnce()
    {
        var result = await Handler().HandleAsync(Editor, "  Mid-Year Sale ", [Ref(Sg, "a"), Ref(Th, "c"), Ref(Sg, "b"), Ref(Sg, "a")]);

        Assert.True(result.IsOk);
        Assert.Equal(new CampaignChange("Mid-Year Sale", 3, 2), result.Value);
        Assert.Equal([(Sg.Id, ["a", "b"], "Mid-Year Sale"), (Th.Id, ["c"], "Mid-Year Sale")], _set.OrderBy(s => s.Store.Value).Select(s => (s.Store, s.Ids, s.Campaign)).ToList(), Comparer());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task HandleAsync_NoCampaign_ClearsIt(string? campaign)
    {
        var result = await Handler().HandleAsync(Editor, campaign, [Ref(Sg, "a")]);

        Assert.Null(result.Value!.Campaign);
        Assert.Null(Assert.Single(_set).Campaign);
    }

    [Fact]
    public async Task HandleAsync_BadFields_NamesEachAndWritesNothing()
    {
        var result = await Handler().HandleAsync(Editor, "Sale\u202E", [Ref(Sg, "a"), new CouponReference("S BAD", "a"), Ref(Sg, "missing"), Ref(Sg, new string('x', 201))]);

        Assert.Equal(["campaign", "coupons[1].storeId", "coupons[2]", "coupons[3].couponId"], result.Errors!.Keys.Order(StringComparer.Ordinal));
        Assert.Empty(_set);
    }

    [Fact]
    public async Task HandleAsync_StoreOutsideTheKeysScope_AnswersLikeAMissingCoupon()
    {
        var scoped = Editor with { StoreScope = new HashSet<StoreId> { Th.Id } };

        var result = await Handler().HandleAsync(scoped, "Sale", [Ref(Sg, "a")]);

        Assert.Equal(["coupons[0]"], result.Errors!.Keys);
        Assert.Empty(_set);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(501)]
    public async Task HandleAsync_NoneOrTooManyCoupons_IsRefused(int count)
    {
        var result = await Handler().HandleAsync(Editor, "Sale", Enumerable.Range(0, count).Select(i => Ref(Sg, "a")).ToList());

        Assert.Equal(["coupons"], result.Errors!.Keys);
        Assert.Empty(_set);
    }

    private SetCouponCampaignHandler Handler()
    {
        var readModel = new Mock<ICouponReadModel>();
        readModel.Setup(r => r.GetRowsAsync(Sg.TenantId, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new List<CouponListRow> { Row("a", Sg), Row("b", Sg), Row("c", Th) });
        var stores = new Mock<IStoreRepository>();
        stores.Setup(s => s.ListAsync(Sg.TenantId, It.IsAny<CancellationToken>())).ReturnsAsync(new List<Store> { Sg, Th });
        return new SetCouponCampaignHandler(readModel.Object, stores.Object, _campaigns.Object);
    }

    private static CouponReference Ref(Store store, string id) => new(store.Id.Value, id);

    private static EqualityComparer<(StoreId, string[], string?)> Comparer() =>
        EqualityComparer<(StoreId, string[], string?)>.Create((x, y) => x.Item1 == y.Item1 && x.Item2.SequenceEqual(y.Item2) && x.Item3 == y.Item3);
}
