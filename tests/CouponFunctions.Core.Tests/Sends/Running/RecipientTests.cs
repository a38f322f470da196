using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Customers;
using CouponFunctions.Core.Sends;
using CouponFunctions.Core.Sends.Running;
using static CouponFunctions.Core.Tests.Sends.SendTestData;

namespace CouponFunctions.Core.Tests.Sends.Running;

public sealed class RecipientTests
{
    private static readonly SendId SendOne = SendId.Parse("send-1");
    private static readonly IReadOnlyList<ContactChannel> Both = [ContactChannel.Email, ContactChannel.Sms];

    [Fact]
    public void Entry_SharedEmailAndMobile_AreSentOnceToTheFirstMember()
    {
        var dedup = new RecipientDeduplicator();

        var first = RecipientSnapshot.Entry(SendOne, Customer("c-1"), Both, dedup, Now);
        var second = RecipientSnapshot.Entry(SendOne, Customer("c-2", email: "ANN@Example.com"), Both, dedup, Now);
        var third = RecipientSnapshot.Entry(SendOne, Customer("c-3", email: "bo@example.com"), Both, dedup, Now);

        Assert.Equal(2, first.Messages.Count);
        Assert.Empty(second.Messages);
        Assert.Null(second.NoContact);
        Assert.Equal([(ContactChannel.Email, "bo@example.com")], third.Messages);
        Assert.Equal(2, dedup.DroppedMobiles);
        Assert.Equal(1, dedup.DroppedEmails);
    }

    [Fact]
    public void Entry_OnlyTheChosenChannel_IsPlanned()
    {
        var entry = RecipientSnapshot.Entry(SendOne, Customer(), [ContactChannel.Sms], new RecipientDeduplicator(), Now);

        Assert.Equal([(ContactChannel.Sms, "+66812345678")], entry.Messages);
    }

    [Fact]
    public void Entry_NoContactForAnyChosenChannel_IsOneFailure()
    {
        var entry = RecipientSnapshot.Entry(SendOne, Customer(email: null, mobile: null), Both, new RecipientDeduplicator(), Now);

        Assert.Empty(entry.Messages);
        Assert.Equal(FailureReason.NoContactOrOptedOut, entry.NoContact!.Reason);
        Assert.Equal("no email or mobile", entry.NoContact.Detail);
    }

    [Fact]
    public void Entry_ContactButNoConsent_IsStillPlannedAndCheckedAtSendingTime()
    {
        var customer = Customer(emailConsent: ConsentStatus.OptedOut);

        var entry = RecipientSnapshot.Entry(SendOne, customer, [ContactChannel.Email], new RecipientDeduplicator(), Now);

        Assert.Single(entry.Messages);
        Assert.Equal((FailureReason.NoContactOrOptedOut, "opted out"), RecipientCheck.Customer(customer, ContactChannel.Email));
    }

    [Fact]
    public void Customer_Reachable_PassesAndDeletedFails()
    {
        Assert.Null(RecipientCheck.Customer(Customer(), ContactChannel.Sms));
        Assert.Equal(FailureReason.NoContactOrOptedOut, RecipientCheck.Customer(null, ContactChannel.Sms)!.Value.Reason);
        Assert.Equal("no consent", RecipientCheck.Customer(Customer(smsConsent: ConsentStatus.Denied), ContactChannel.Sms)!.Value.Detail);
    }

    [Fact]
    public void Coupon_StillGood_Passes()
    {
        Assert.Null(RecipientCheck.Coupon(Coupon(), SendAt, usesCode: true));
    }

    [Fact]
    public void Coupon_Deleted_IsInvalidCoupon()
    {
        Assert.Equal(FailureReason.InvalidCoupon, RecipientCheck.Coupon(null, SendAt, usesCode: true)!.Value.Reason);
    }

    [Theory]
    [InlineData(CouponStatus.Ended)]
    [InlineData(CouponStatus.Deactivated)]
    [InlineData(CouponStatus.Paused)]
    public void Coupon_ExpiredOrUnpublished_IsInvalidCoupon(CouponStatus status)
    {
        Assert.Equal(FailureReason.InvalidCoupon, RecipientCheck.Coupon(Coupon(status: status), SendAt, usesCode: true)!.Value.Reason);
    }

    [Fact]
    public void Coupon_ChangedToAKindThatCannotBeSent_IsInapplicable()
    {
        var changed = Coupon(CouponFunctions.Core.Stores.Platform.TikTok, fields: new Dictionary<string, string> { ["display_type"] = "LIVE" });

        Assert.Equal(FailureReason.CouponInapplicable, RecipientCheck.Coupon(changed, SendAt, usesCode: false)!.Value.Reason);
    }

    [Fact]
    public void Coupon_CodeRemovedWhileTheMessageUsesIt_IsInapplicable()
    {
        var noCode = Coupon(CouponFunctions.Core.Stores.Platform.TikTok, code: null, fields: new Dictionary<string, string> { ["display_type"] = "REGULAR" });

        Assert.Equal(FailureReason.CouponInapplicable, RecipientCheck.Coupon(noCode, SendAt, usesCode: true)!.Value.Reason);
        Assert.Null(RecipientCheck.Coupon(noCode, SendAt, usesCode: false));
    }

    [Fact]
    public void Take_LimitedQuantity_GrantsWhatIsLeftThenNothing()
    {
        var allocation = QuantityAllocation.Start(150);

        var (first, afterFirst) = allocation.Take(100);
        var (second, afterSecond) = afterFirst.Take(100);
        var (third, _) = afterSecond.Take(1);

        Assert.Equal((100, 50, 0), (first, second, third));
        Assert.Equal(0, afterSecond.Left);
    }

    [Fact]
    public void Take_UnlimitedQuantity_GrantsEverything()
    {
        Assert.Equal(1_000_000, QuantityAllocation.Start(null).Take(1_000_000).Granted);
    }

    [Fact]
    public void Return_FailedMessages_MakesUnitsAvailableAgain()
    {
        var (_, after) = QuantityAllocation.Start(10).Take(10);

        Assert.Equal(3, after.Return(3).Take(5).Granted);
    }
}
