using CouponFunctions.Core.Coupons.Campaigns;
using CouponFunctions.Core.Coupons.Listing;
using CouponFunctions.Core.Stores;
using static CouponFunctions.Core.Tests.Coupons.Listing.ListTestData;

namespace CouponFunctions.Core.Tests.Coupons.Campaigns;

public sealed class CampaignStoresTests
{
    private static readonly Store Sg = Store("s-sg");
    private static readonly Store Th = Store("s-th", site: "TH");
    private static readonly Store Ph = Store("s-ph", site: "PH");

    private static CouponListRow Tagged(Store store, string id, string? campaign) => Row(id, store) with { Campaign = campaign };

    [Fact]
    public void From_CouponsOfTwoCampaigns_EachWithTheStoresThatCarryItSortedByName()
    {
        var rows = new[]
        {
            Tagged(Th, "c-1", "Payday July"), Tagged(Sg, "c-2", "Payday July"), Tagged(Sg, "c-3", "Payday July"),
            Tagged(Ph, "c-4", "Songkran"), Tagged(Ph, "c-5", null),
        };

        var campaigns = CampaignStores.From(rows, new HashSet<StoreId> { Sg.Id, Th.Id, Ph.Id });

        Assert.Equal(["Payday July", "Songkran"], campaigns.Select(c => c.Name));
        Assert.Equal(("payday-july", 3), (campaigns[0].Tag, campaigns[0].Coupons));
        Assert.Equal([Sg.Id, Th.Id], campaigns[0].StoreIds);
        Assert.Equal([Ph.Id], campaigns[1].StoreIds);
    }

    [Fact]
    public void From_NamesThatDifferOnlyInCase_OneCampaignShownByTheNameMostCouponsCarry()
    {
        var rows = new[] { Tagged(Sg, "c-1", "payday july"), Tagged(Th, "c-2", "Payday July"), Tagged(Ph, "c-3", "Payday July") };

        var campaign = Assert.Single(CampaignStores.From(rows, new HashSet<StoreId> { Sg.Id, Th.Id, Ph.Id }));

        Assert.Equal(("Payday July", 3), (campaign.Name, campaign.StoreIds.Count));
    }

    [Fact]
    public void From_StoresOutOfSightRemovedOrArchivedCoupons_LeftOut()
    {
        var rows = new[]
        {
            Tagged(Sg, "c-1", "Payday July"),
            Tagged(Th, "c-2", "Payday July"),
            Tagged(Ph, "c-3", "Payday July") with { RemovedAt = Now.AddDays(-1) },
            Tagged(Ph, "c-4", "Payday July") with { IsArchived = true },
            Tagged(Ph, "c-5", "Hidden campaign") with { IsArchived = true },
        };

        var campaign = Assert.Single(CampaignStores.From(rows, new HashSet<StoreId> { Sg.Id, Ph.Id }));

        Assert.Equal([Sg.Id], campaign.StoreIds);
        Assert.Equal(1, campaign.Coupons);
    }
}
