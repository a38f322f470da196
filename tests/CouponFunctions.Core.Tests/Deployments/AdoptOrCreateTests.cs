using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Deployments;
using CouponFunctions.Core.Jobs;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Stores;
using static CouponFunctions.Core.Tests.Deployments.DeployTestData;

namespace CouponFunctions.Core.Tests.Deployments;

public sealed class AdoptOrCreateTests
{
    private static readonly JobId Job = JobId.Parse("job-1");
    private static readonly StoreId StoreId = StoreId.Parse("s-shop1");

    private static CouponDraft Draft(string? code = "MDABC") => new()
    {
        Name = "Mid-year", Code = code, Reward = RewardType.Percentage, Percentage = 10m, TotalQuantity = 100,
        ValidFrom = Now.AddDays(2), ValidTo = Now.AddDays(9),
    };

    private static Coupon Found(string id, string? code = "MDABC", string name = "Mid-year", TimeSpan? shift = null) =>
        Coupon(id: id, code: code, status: CouponStatus.Upcoming) with
        {
            Name = name, ValidFrom = Now.AddDays(2) + (shift ?? TimeSpan.Zero), ValidTo = Now.AddDays(9) + (shift ?? TimeSpan.Zero),
        };

    private static CreateAttempt Attempt(DateTimeOffset at, IReadOnlyList<string>? preexisting = null, string? created = null) =>
        new(Job, StoreId, "MDABC", "Mid-year", Now.AddDays(2), Now.AddDays(9), at, at, 1, preexisting ?? [], created);

    private static CreateDecision Decide(CouponDraft draft, CreateAttempt? attempt, params Coupon[] found) =>
        AdoptOrCreate.Decide(Job, StoreId, draft, attempt, found, Now);

    [Fact]
    public void Decide_NoAttempt_CreatesAndRecordsWhatAlreadyMatched()
    {
        var decision = Decide(Draft(), null, Found("v-old"), Found("v-other", code: "ZZZ"));

        Assert.Equal(CreateStep.Create, decision.Step);
        Assert.Equal(["v-old"], decision.Attempt!.PreexistingCouponIds);
        Assert.Equal((1, Now, "MDABC"), (decision.Attempt.Attempts, decision.Attempt.FirstAttemptAt, decision.Attempt.Code));
    }

    [Fact]
    public void Decide_AttemptRecordedItsCoupon_Adopts()
    {
        var decision = Decide(Draft(), Attempt(Now.AddMinutes(-10), created: "v-9"));

        Assert.Equal((CreateStep.Adopt, "v-9"), (decision.Step, decision.CouponId));
    }

    [Fact]
    public void Decide_CrashAfterThePlatformCreated_AdoptsTheNewMatch()
    {
        var decision = Decide(Draft(), Attempt(Now.AddSeconds(-5), preexisting: ["v-old"]), Found("v-old"), Found("v-new", code: "mdabc"));

        Assert.Equal((CreateStep.Adopt, "v-new"), (decision.Step, decision.CouponId));
        Assert.Equal("v-new", decision.Attempt!.CreatedCouponId);
    }

    [Fact]
    public void Decide_NothingListedYetWithinSettleTime_LooksAgainLater()
    {
        var decision = Decide(Draft(), Attempt(Now.AddSeconds(-30), preexisting: ["v-old"]), Found("v-old"));

        Assert.Equal(CreateStep.LookAgainLater, decision.Step);
        Assert.Equal(Now.AddSeconds(90), decision.LookAgainAt);
    }

    [Fact]
    public void Decide_NothingListedAfterSettleTime_CreatesAgain()
    {
        var decision = Decide(Draft(), Attempt(Now.AddMinutes(-2)));

        Assert.Equal(CreateStep.Create, decision.Step);
        Assert.Equal((2, Now, Now.AddMinutes(-2)), (decision.Attempt!.Attempts, decision.Attempt.LastAttemptAt, decision.Attempt.FirstAttemptAt));
    }

    [Fact]
    public void Decide_TwoNewMatches_AmbiguousAndCreatesNothing()
    {
        var decision = Decide(Draft(), Attempt(Now.AddMinutes(-5)), Found("v-1"), Found("v-2"));

        Assert.Equal(CreateStep.Ambiguous, decision.Step);
        Assert.Contains("v-1, v-2", decision.Reason);
    }

    [Fact]
    public void Decide_PlatformWithoutCodes_MatchesByNameAndWindow()
    {
        var draft = Draft(code: null);
        var attempt = Attempt(Now.AddMinutes(-5)) with { Code = null };

        var sameWindow = Decide(draft, attempt, Found("v-1", code: null, shift: TimeSpan.FromSeconds(59)));
        var otherWindow = Decide(draft, attempt, Found("v-1", code: null, shift: TimeSpan.FromMinutes(2)));
        var otherName = Decide(draft, attempt, Found("v-1", code: null, name: "Mid-year 2"));

        Assert.Equal(CreateStep.Adopt, sameWindow.Step);
        Assert.Equal(CreateStep.Create, otherWindow.Step);
        Assert.Equal(CreateStep.Create, otherName.Step);
    }

    [Fact]
    public void Decide_RetryDraftDiffersFromTheRecordedOne_StillFindsTheRecordedCoupon()
    {
        // The recorded attempt sent Now+2d..Now+9d; this retry's draft came out an hour later.
        var draft = Draft(code: null) with { ValidFrom = Now.AddDays(2).AddHours(1), ValidTo = Now.AddDays(9).AddHours(1) };
        var attempt = Attempt(Now.AddMinutes(-5)) with { Code = null };

        var decision = Decide(draft, attempt, Found("v-1", code: null));

        Assert.Equal((CreateStep.Adopt, "v-1"), (decision.Step, decision.CouponId));
    }
}
