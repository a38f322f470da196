using CouponFunctions.Core.BulkActions;
using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Deployments;
using CouponFunctions.Core.Jobs;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Templates;
using static CouponFunctions.Core.Tests.Deployments.DeployTestData;

namespace CouponFunctions.Core.Tests.Jobs;

public sealed class ItemOutcomesTests
{
    private static StorePreview Preview(Store store, TemplateDefinition? template = null) =>
        DeploymentPreviewer.Default.Preview(template ?? Template(), "tpl-test", store, [], Now);

    [Fact]
    public void BeforeCreate_Ready_GoesAhead() => Assert.Null(ItemOutcomes.BeforeCreate(Preview(Store()), warningsAcknowledged: false));

    [Fact]
    public void BeforeCreate_WarningsNotAcknowledged_FailsAsRuleViolation()
    {
        var outcome = ItemOutcomes.BeforeCreate(Preview(Store(Platform.Shopline)), warningsAcknowledged: false)!;

        Assert.Equal((JobItemState.Failed, ItemReasons.RuleViolation), (outcome.State, outcome.ReasonCode));
        Assert.StartsWith("Warnings were not acknowledged", outcome.Message);
        Assert.Null(ItemOutcomes.BeforeCreate(Preview(Store(Platform.Shopline)), warningsAcknowledged: true));
    }

    [Theory]
    [InlineData(Platform.TikTok, StoreStatus.Active, ItemReasons.NotSupported)]
    [InlineData(Platform.Shopee, StoreStatus.NeedsReauthorization, ItemReasons.NeedsReauthorization)]
    [InlineData(Platform.Lazada, StoreStatus.Active, ItemReasons.RuleViolation)]
    public void BeforeCreate_Blocked_ReasonByCause(Platform platform, StoreStatus status, string reason)
    {
        var template = Template() with { Discount = new TemplateDiscount(TemplateRewardKind.Percentage, 60m, null, Caps) };

        Assert.Equal(reason, ItemOutcomes.BeforeCreate(Preview(Store(platform, platform == Platform.Lazada ? "PH" : "SG", status: status), template), true)!.ReasonCode);
    }

    [Fact]
    public void BeforeAction_Verdicts_MapToOutcomes()
    {
        var planner = BulkActionPlanner.Default;
        var renew = new BulkActionRequest { Kind = BulkActionKind.Renew, ExtendDays = 7 };

        Assert.Null(ItemOutcomes.BeforeAction(planner.Plan(renew, Coupon(), Store(), Now)));
        Assert.Equal(ItemReasons.NothingToDo, ItemOutcomes.BeforeAction(planner.Plan(new BulkActionRequest { Kind = BulkActionKind.EndNow }, Coupon(status: CouponStatus.Ended), Store(), Now))!.ReasonCode);
        Assert.Equal(ItemReasons.NotSupported, ItemOutcomes.BeforeAction(planner.Plan(renew, Coupon(Platform.TikTok), Store(Platform.TikTok), Now))!.ReasonCode);
        Assert.Equal(ItemReasons.RuleViolation, ItemOutcomes.BeforeAction(planner.Plan(renew with { ExtendDays = 100 }, Coupon(), Store(), Now))!.ReasonCode);
        Assert.Equal(ItemReasons.NeedsReauthorization, ItemOutcomes.BeforeAction(planner.Plan(renew, Coupon(), Store(status: StoreStatus.NeedsReauthorization), Now))!.ReasonCode);
    }
}
