using CouponFunctions.Core.BulkActions;
using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Jobs;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Rules;
using CouponFunctions.Core.Stores;
using static CouponFunctions.Core.Tests.Deployments.DeployTestData;

namespace CouponFunctions.Core.Tests.BulkActions;

public sealed class BulkActionPlannerTests
{
    private static CouponActionVerdict Plan(BulkActionRequest request, Coupon coupon, Store? store = null) =>
        BulkActionPlanner.Default.Plan(request, coupon, store ?? Store(coupon.Platform, coupon.Platform == Platform.Lazada ? "PH" : "SG"), Now);

    private static BulkActionRequest Renew(int days) => new() { Kind = BulkActionKind.Renew, ExtendDays = days };

    private static BulkActionRequest RenewTo(int year, int month, int day) => new() { Kind = BulkActionKind.Renew, EndDate = new DateOnly(year, month, day) };

    private static BulkActionRequest Kind(BulkActionKind kind) => new() { Kind = kind };

    private static IReadOnlyList<string> Codes(CouponActionVerdict v) => v.Refusals.Select(r => r.Code).ToList();

    [Fact]
    public void Plan_RenewRunningShopee_UpdatesEndWithLocalTimes()
    {
        var v = Plan(Renew(7), Coupon());

        Assert.Equal((ActionDecision.WillChange, CouponOperation.Update), (v.Decision, v.Operation!.Value));
        Assert.Equal(Now.AddDays(12), v.Change!.ValidTo);
        Assert.Equal(new FieldChange(RuleFields.ValidTo, "2026-03-07 10:00 (UTC+08:00) Asia/Singapore", "2026-03-14 10:00 (UTC+08:00) Asia/Singapore"), Assert.Single(v.Changes));
    }

    [Fact]
    public void Plan_RenewToDate_EndsAtTheLastSecondOfThatLocalDay() =>
        Assert.Equal(new DateTimeOffset(2026, 3, 31, 15, 59, 59, TimeSpan.Zero), Plan(RenewTo(2026, 3, 31), Coupon()).Change!.ValidTo);

    [Theory]
    [InlineData(3, 29, 22)] // London springs forward that night: 23:59:59 BST
    [InlineData(10, 25, 23)] // and falls back on this one: 23:59:59 GMT
    public void Plan_RenewToDateAcrossDaylightSaving_UsesThatDaysOffset(int month, int day, int utcHour)
    {
        var v = Plan(RenewTo(2026, month, day), Coupon(Platform.Shopline), Store(Platform.Shopline, "GB"));

        Assert.Equal(new DateTimeOffset(2026, month, day, utcHour, 59, 59, TimeSpan.Zero), v.Change!.ValidTo);
    }

    [Fact]
    public void Plan_RenewToAnEarlierDate_Refused()
    {
        var v = Plan(RenewTo(2026, 3, 3), Coupon());

        Assert.Equal([ActionCodes.RenewEarlier], Codes(v));
        Assert.Null(v.Change);
    }

    [Fact]
    public void Plan_RenewToTheSameEnd_NothingToDo()
    {
        var coupon = Coupon() with { ValidTo = new DateTimeOffset(2026, 3, 31, 15, 59, 59, TimeSpan.Zero) };

        Assert.Equal(ActionDecision.NothingToDo, Plan(RenewTo(2026, 3, 31), coupon).Decision);
    }

    [Fact]
    public void Plan_RenewEndedShopee_RefusedWithCloneHint()
    {
        var v = Plan(Renew(7), Coupon(status: CouponStatus.Ended));

        Assert.Equal([RuleCodes.ChangeNotEditable], Codes(v));
        Assert.Contains("clone it as new", v.Note);
        Assert.False(v.Unsupported);
    }

    [Fact]
    public void Plan_RenewTikTok_RefusedAsUnsupported()
    {
        var v = Plan(Renew(7), Coupon(Platform.TikTok));

        Assert.Equal(ActionDecision.Refused, v.Decision);
        Assert.True(v.Unsupported);
        Assert.Contains("TikTok Seller Center", v.Refusals[0].Message);
        Assert.Null(v.Note);
    }

    [Fact]
    public void Plan_RenewShopeePastThreeMonths_RefusedTooLong() => Assert.Equal([RuleCodes.TooLong], Codes(Plan(Renew(100), Coupon())));

    [Fact]
    public void Plan_ReplenishByFifty_RaisesTotal()
    {
        var v = Plan(new BulkActionRequest { Kind = BulkActionKind.Replenish, AddQuantity = 50 }, Coupon());

        Assert.Equal(150, v.Change!.TotalQuantity);
        Assert.Equal(new FieldChange(RuleFields.TotalQuantity, "100", "150"), Assert.Single(v.Changes));
    }

    [Fact]
    public void Plan_ReplenishToTheSameTotal_NothingToDo() =>
        Assert.Equal(ActionDecision.NothingToDo, Plan(new BulkActionRequest { Kind = BulkActionKind.Replenish, SetQuantity = 100 }, Coupon()).Decision);

    [Fact]
    public void Plan_ReplenishLazadaDown_RefusedDecrease() =>
        Assert.Equal([RuleCodes.QuantityDecrease], Codes(Plan(new BulkActionRequest { Kind = BulkActionKind.Replenish, SetQuantity = 90 }, Coupon(Platform.Lazada))));

    [Fact]
    public void Plan_ReplenishWithoutQuantityLimit_Refused() =>
        Assert.Equal([ActionCodes.QuantityUnlimited], Codes(Plan(new BulkActionRequest { Kind = BulkActionKind.Replenish, AddQuantity = 5 }, Coupon() with { TotalQuantity = null })));

    [Fact]
    public void Plan_EndRunningShopee_Ends()
    {
        var v = Plan(Kind(BulkActionKind.EndNow), Coupon());

        Assert.Equal(CouponOperation.End, v.Operation);
        Assert.Equal(new FieldChange("status", "ongoing", "ended"), Assert.Single(v.Changes));
    }

    [Fact]
    public void Plan_EndLazada_Deactivates() =>
        Assert.Equal("deactivated", Assert.Single(Plan(Kind(BulkActionKind.EndNow), Coupon(Platform.Lazada)).Changes).After);

    [Fact]
    public void Plan_EndUpcomingShopee_RefusedInStatus() =>
        Assert.Equal([RuleCodes.OperationNotAllowedInStatus], Codes(Plan(Kind(BulkActionKind.EndNow), Coupon(status: CouponStatus.Upcoming))));

    [Theory]
    [InlineData(BulkActionKind.EndNow)]
    [InlineData(BulkActionKind.Deactivate)]
    public void Plan_EndAlreadyEnded_NothingToDo(BulkActionKind kind) =>
        Assert.Equal(ActionDecision.NothingToDo, Plan(Kind(kind), Coupon(status: CouponStatus.Ended)).Decision);

    [Fact]
    public void Plan_DeactivateUpcomingShopee_DeletesInstead()
    {
        var v = Plan(Kind(BulkActionKind.Deactivate), Coupon(status: CouponStatus.Upcoming));

        Assert.Equal((ActionDecision.WillChange, CouponOperation.Delete), (v.Decision, v.Operation!.Value));
        Assert.Contains("deleted instead", v.Note);
    }

    [Fact]
    public void Plan_DeactivateRunningShopee_Ends() => Assert.Equal(CouponOperation.End, Plan(Kind(BulkActionKind.Deactivate), Coupon()).Operation);

    [Fact]
    public void Plan_DeactivateTikTok_RefusedUnsupported()
    {
        var v = Plan(Kind(BulkActionKind.Deactivate), Coupon(Platform.TikTok));

        Assert.Equal([RuleCodes.OperationUnsupported], Codes(v));
        Assert.True(v.Unsupported);
    }

    [Fact]
    public void Plan_ReactivatePausedLazada_ResumesItBeforeAnyOtherCheck()
    {
        var v = Plan(Kind(BulkActionKind.Reactivate), Coupon(Platform.Lazada, CouponStatus.Paused));

        Assert.Equal((ActionDecision.WillChange, CouponOperation.Reactivate), (v.Decision, v.Operation!.Value));
        Assert.Equal(new FieldChange("status", "paused", "ongoing"), Assert.Single(v.Changes));
        Assert.Equal(new ActionTarget(CouponOperation.Reactivate, null), ActionTarget.Of(v));
    }

    [Fact]
    public void Plan_ReactivatePausedLazadaBeforeItsStart_ResumesAsUpcoming() =>
        Assert.Equal("upcoming", Assert.Single(Plan(Kind(BulkActionKind.Reactivate), Coupon(Platform.Lazada, CouponStatus.Paused) with { ValidFrom = Now.AddDays(1) }).Changes).After);

    [Theory]
    [InlineData(CouponStatus.Ongoing)]
    [InlineData(CouponStatus.Upcoming)]
    public void Plan_ReactivateLazadaNotPaused_NothingToDo(CouponStatus status) =>
        Assert.Equal(ActionDecision.NothingToDo, Plan(Kind(BulkActionKind.Reactivate), Coupon(Platform.Lazada, status)).Decision);

    [Theory]
    [InlineData(CouponStatus.Deactivated)]
    [InlineData(CouponStatus.Ended)]
    public void Plan_ReactivateLazadaFinished_RefusedInStatus(CouponStatus status)
    {
        var v = Plan(Kind(BulkActionKind.Reactivate), Coupon(Platform.Lazada, status));

        Assert.Equal([RuleCodes.OperationNotAllowedInStatus], Codes(v));
        Assert.Contains("Only paused lazada coupons can be re-activated", v.Refusals[0].Message);
        Assert.Null(ActionTarget.Of(v));
    }

    [Theory]
    [InlineData(Platform.Shopee, "Shopee vouchers cannot be paused or re-activated")]
    [InlineData(Platform.Shopline, "SHOPLINE price rules have no pause or re-activate")]
    [InlineData(Platform.TikTok, "read-only")]
    public void Plan_ReactivateWhereTheApiCannot_RefusedUnsupportedWhateverTheStatus(Platform platform, string reason)
    {
        foreach (var status in new[] { CouponStatus.Paused, CouponStatus.Ongoing })
        {
            var v = Plan(Kind(BulkActionKind.Reactivate), Coupon(platform, status));

            Assert.Equal([RuleCodes.OperationUnsupported], Codes(v));
            Assert.True(v.Unsupported);
            Assert.Contains(reason, v.Refusals[0].Message, StringComparison.Ordinal);
            Assert.Null(ActionTarget.Of(v));
        }
    }

    [Fact]
    public void Plan_DeleteLazada_RefusedPointingToDeactivate()
    {
        var v = Plan(Kind(BulkActionKind.Delete), Coupon(Platform.Lazada));

        Assert.Equal([RuleCodes.OperationUnsupported], Codes(v));
        Assert.Contains("deactivate", v.Refusals[0].Message);
    }

    [Theory]
    [InlineData(CouponStatus.Upcoming, ActionDecision.WillChange)]
    [InlineData(CouponStatus.Ongoing, ActionDecision.Refused)]
    public void Plan_DeleteShopee_OnlyUpcoming(CouponStatus status, ActionDecision decision) =>
        Assert.Equal(decision, Plan(Kind(BulkActionKind.Delete), Coupon(status: status)).Decision);

    [Fact]
    public void Plan_ModifyNameOfRunningShopee_Changes()
    {
        var v = Plan(new BulkActionRequest { Kind = BulkActionKind.Modify, Name = "Spring sale 2" }, Coupon());

        Assert.Equal("Spring sale 2", v.Change!.Name);
        Assert.Equal(new FieldChange(RuleFields.Name, "Spring sale", "Spring sale 2"), Assert.Single(v.Changes));
    }

    [Fact]
    public void Plan_ModifyMinSpendOfRunningShopee_RefusedNotEditable()
    {
        var v = Plan(new BulkActionRequest { Kind = BulkActionKind.Modify, MinSpend = 60m }, Coupon());

        Assert.Equal([RuleCodes.ChangeNotEditable], Codes(v));
        Assert.Equal(new FieldChange(RuleFields.MinSpend, "SGD 50.00", "SGD 60.00"), Assert.Single(v.Changes));
    }

    [Fact]
    public void Plan_ModifyShoplinePercentage_Changes() =>
        Assert.Equal(15m, Plan(new BulkActionRequest { Kind = BulkActionKind.Modify, Percentage = 15m }, PercentCoupon(Platform.Shopline, 10m)).Change!.Percentage);

    [Fact]
    public void Plan_ModifyPercentageOfFixedCoupon_RefusedMismatch() =>
        Assert.Equal([ActionCodes.RewardMismatch], Codes(Plan(new BulkActionRequest { Kind = BulkActionKind.Modify, Percentage = 15m }, Coupon(Platform.Shopline))));

    [Fact]
    public void Plan_ModifyToCurrentValues_NothingToDo() =>
        Assert.Equal(ActionDecision.NothingToDo, Plan(new BulkActionRequest { Kind = BulkActionKind.Modify, Name = "Spring sale", MinSpend = 50m }, Coupon()).Decision);

    [Fact]
    public void Plan_CloneEndedShopee_NewCouponStartingNowForAsLong()
    {
        var v = Plan(Kind(BulkActionKind.CloneAsNew), Coupon(status: CouponStatus.Ended));

        Assert.Equal((ActionDecision.WillChange, CouponOperation.Create), (v.Decision, v.Operation!.Value));
        var d = v.CloneDraft!;
        Assert.Equal(("MDOLD", 5m, 50m, 100), (d.Code, d.DiscountAmount!.Value, d.MinSpend, d.TotalQuantity));
        Assert.Equal((Now, Now.AddDays(9)), (d.ValidFrom, d.ValidTo));
        Assert.Null(v.Note);
    }

    [Fact]
    public void Plan_CloneRunningWithTheSameCode_NotesTheDuplicate() =>
        Assert.Contains("two vouchers", Plan(Kind(BulkActionKind.CloneAsNew), Coupon()).Note);

    [Fact]
    public void Plan_CloneWithNewCodeAndDuration_UsesThem()
    {
        var v = Plan(new BulkActionRequest { Kind = BulkActionKind.CloneAsNew, Code = "NEW1", StartAfterHours = 24, DurationDays = 3 }, Coupon());

        Assert.Equal(("NEW1", Now.AddDays(1), Now.AddDays(4)), (v.CloneDraft!.Code, v.CloneDraft.ValidFrom, v.CloneDraft.ValidTo));
        Assert.Null(v.Note);
    }

    [Fact]
    public void Plan_CloneTikTok_RefusedUnsupported()
    {
        var v = Plan(Kind(BulkActionKind.CloneAsNew), Coupon(Platform.TikTok, CouponStatus.Ended, code: "MIDYEAR"));

        Assert.Equal([RuleCodes.CreateUnsupported], Codes(v));
        Assert.True(v.Unsupported);
    }

    [Fact]
    public void Plan_CloneWithoutKnownQuantity_RefusedUnlessGiven()
    {
        var coupon = Coupon(status: CouponStatus.Ended) with { TotalQuantity = null };

        Assert.Equal([ActionCodes.ValueUnknown], Codes(Plan(Kind(BulkActionKind.CloneAsNew), coupon)));
        Assert.Equal(50, Plan(new BulkActionRequest { Kind = BulkActionKind.CloneAsNew, TotalQuantity = 50 }, coupon).CloneDraft!.TotalQuantity);
    }

    [Fact]
    public void Plan_CloneFromAStartDateToAnEndDate_UsesTheStoresLocalDays()
    {
        var v = Plan(new BulkActionRequest { Kind = BulkActionKind.CloneAsNew, StartDate = new DateOnly(2026, 3, 5), EndDate = new DateOnly(2026, 3, 10) }, Coupon(status: CouponStatus.Ended));

        Assert.Equal(new DateTimeOffset(2026, 3, 4, 16, 0, 0, TimeSpan.Zero), v.CloneDraft!.ValidFrom);
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 15, 59, 59, TimeSpan.Zero), v.CloneDraft.ValidTo);
        Assert.Contains(new FieldChange(RuleFields.ValidFrom, null, "2026-03-05 00:00 (UTC+08:00) Asia/Singapore"), v.Changes);
    }

    [Fact]
    public void Plan_CloneStartingToday_StartsAtOnce() =>
        Assert.Equal(Now, Plan(new BulkActionRequest { Kind = BulkActionKind.CloneAsNew, StartDate = new DateOnly(2026, 3, 2) }, Coupon(status: CouponStatus.Ended)).CloneDraft!.ValidFrom);

    [Fact]
    public void Plan_CloneFromADayThatHasPassed_Refused() =>
        Assert.Equal([RuleCodes.StartInPast], Codes(Plan(new BulkActionRequest { Kind = BulkActionKind.CloneAsNew, StartDate = new DateOnly(2026, 3, 1) }, Coupon(status: CouponStatus.Ended))));

    [Fact]
    public void Plan_CloneEndingBeforeItStarts_RefusedByTheCatalog() =>
        Assert.Equal([RuleCodes.EndBeforeStart], Codes(Plan(new BulkActionRequest { Kind = BulkActionKind.CloneAsNew, StartDate = new DateOnly(2026, 3, 5), EndDate = new DateOnly(2026, 3, 3) }, Coupon(status: CouponStatus.Ended))));

    [Fact]
    public void Plan_CloneRunningWithACodeSuffix_NewCodeAndNoDuplicateNote()
    {
        var v = Plan(new BulkActionRequest { Kind = BulkActionKind.CloneAsNew, CodeSuffix = "B2" }, Coupon(code: "MD1"));

        Assert.Equal("MD1B2", v.CloneDraft!.Code);
        Assert.Null(v.Note);
        Assert.Equal(ActionTarget.Of(v), new ActionTarget(CouponOperation.Create, null, v.CloneDraft));
    }

    [Theory]
    [InlineData(Platform.Shopee, "SG", "MDOLD")]
    [InlineData(Platform.Lazada, "PH", null)]
    [InlineData(Platform.Shopline, "SG", "MDOLD")]
    public void Plan_CloneEndedCouponOnAPlatformThatCreates_WillCreateIt(Platform platform, string site, string? code)
    {
        var coupon = Coupon(platform, CouponStatus.Ended) with { Currency = Store(platform, site).Site == "PH" ? "PHP" : "SGD" };

        var v = Plan(Kind(BulkActionKind.CloneAsNew), coupon, Store(platform, site));

        Assert.Equal((ActionDecision.WillChange, CouponOperation.Create), (v.Decision, v.Operation));
        Assert.Equal(code, v.CloneDraft!.Code);
    }

    [Fact]
    public void Plan_CloneWithASuffixMakingTheCodeTooLong_RefusedByTheCatalog() =>
        Assert.Equal([RuleCodes.CodeLength], Codes(Plan(new BulkActionRequest { Kind = BulkActionKind.CloneAsNew, CodeSuffix = "B" }, Coupon(status: CouponStatus.Ended))));

    [Fact]
    public void Plan_CloneTikTok_RefusedWithTheDeploysWording()
    {
        var v = Plan(Kind(BulkActionKind.CloneAsNew), Coupon(Platform.TikTok, CouponStatus.Ended, code: "MIDYEAR"));

        Assert.Equal(PlatformCapabilities.For(Platform.TikTok).CreateRefusal, Assert.Single(v.Refusals).Message);
        Assert.Equal(ItemReasons.NotSupported, ItemOutcomes.BeforeAction(v)!.ReasonCode);
        Assert.Null(ActionTarget.Of(v));
    }

    [Fact]
    public void Plan_StoreNeedsReauthorization_RefusedBeforeAnything() =>
        Assert.Equal([ActionCodes.StoreNeedsReauthorization], Codes(Plan(Renew(7), Coupon(), Store(status: StoreStatus.NeedsReauthorization))));

    [Fact]
    public void Of_Verdicts_CountsEachDecision()
    {
        var verdicts = new[] { Plan(Renew(7), Coupon()), Plan(Renew(7), Coupon(Platform.TikTok)), Plan(Kind(BulkActionKind.EndNow), Coupon(status: CouponStatus.Ended)) };

        Assert.Equal(new ActionPreviewSummary(1, 1, 1), ActionPreviewSummary.Of(verdicts));
    }
}
