using CouponFunctions.Core.Customers;
using CouponFunctions.Core.Sends;
using CouponFunctions.Core.Sends.Running;
using static CouponFunctions.Core.Tests.Sends.SendTestData;

namespace CouponFunctions.Core.Tests.Sends.Running;

public sealed class DeliveryTests
{
    private static readonly SendId SendOne = SendId.Parse("send-1");
    private static readonly CustomerId Ann = CustomerId.Parse("C1");

    [Fact]
    public void Of_SendCustomerChannel_IsTheKey()
    {
        Assert.Equal("send-1|C1|email", DeliveryKeys.Of(SendOne, Ann, ContactChannel.Email));
        Assert.Equal("send-1|C1|sms", DeliveryKeys.Of(SendOne, Ann, ContactChannel.Sms));
    }

    [Fact]
    public void EmailOperationId_SameInputs_SameVersion5Guid()
    {
        var first = DeliveryKeys.EmailOperationId(SendOne, Ann);

        Assert.Equal(first, DeliveryKeys.EmailOperationId(SendOne, Ann));
        Assert.Equal('5', first.ToString()[14]);
        Assert.Contains(first.ToString()[19], "89ab");
    }

    [Fact]
    public void EmailOperationId_OtherCustomerSendOrChannel_Differs()
    {
        var ids = new[]
        {
            DeliveryKeys.EmailOperationId(SendOne, Ann),
            DeliveryKeys.EmailOperationId(SendOne, CustomerId.Parse("C2")),
            DeliveryKeys.EmailOperationId(SendId.Parse("send-2"), Ann),
            DeliveryKeys.SmsRepeatabilityRequestId(SendOne, Ann),
        };

        Assert.Equal(4, ids.Distinct().Count());
    }

    [Fact]
    public void NameBased_Rfc9562Example_MatchesTheStandard()
    {
        // RFC 9562 / Python uuid.uuid5(NAMESPACE_DNS, "www.example.com") = 2ed6657d-e927-568b-95e1-2665a8aea6a2.
        var dns = new Guid("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

        Assert.Equal(new Guid("2ed6657d-e927-568b-95e1-2665a8aea6a2"), DeliveryKeys.NameBased(dns, "www.example.com"));
    }

    [Fact]
    public void RepeatabilityFirstSent_IsRfc1123InGmt()
    {
        Assert.Equal("Sat, 21 Nov 2026 02:00:00 GMT", DeliveryKeys.RepeatabilityFirstSent(Now.ToOffset(TimeSpan.FromHours(7))));
    }

    [Fact]
    public void Decide_NoRow_SendsFirst()
    {
        Assert.Equal(DeliveryAction.SendFirst, DeliveryDecision.Decide(null, Now));
    }

    [Fact]
    public void Decide_AttemptedWithinTheWindow_ResendsWithTheSameKeys()
    {
        var attempted = RecipientOutcome.Attempt(SendOne, Ann, ContactChannel.Sms, "+66812345678", Now);

        Assert.Equal(DeliveryAction.Resend, DeliveryDecision.Decide(attempted, Now.AddHours(1)));
        Assert.Null(DeliveryDecision.Abandon(attempted, Now.AddHours(1)));
    }

    [Fact]
    public void Decide_AttemptedPastTheWindow_SkipsAndAbandonsAsSystemError()
    {
        var attempted = RecipientOutcome.Attempt(SendOne, Ann, ContactChannel.Sms, "+66812345678", Now);

        Assert.Equal(DeliveryAction.Skip, DeliveryDecision.Decide(attempted, Now.AddHours(1).AddTicks(1)));
        var abandoned = DeliveryDecision.Abandon(attempted, Now.AddHours(1).AddTicks(1))!;
        Assert.Equal(DeliveryState.Failed, abandoned.State);
        Assert.Equal(FailureReason.SystemError, abandoned.Reason);
    }

    [Theory]
    [InlineData(DeliveryState.Sent)]
    [InlineData(DeliveryState.Failed)]
    public void Decide_Finished_Skips(DeliveryState state)
    {
        var row = RecipientOutcome.Attempt(SendOne, Ann, ContactChannel.Email, "ann@example.com", Now) with { State = state };

        Assert.Equal(DeliveryAction.Skip, DeliveryDecision.Decide(row, Now));
    }

    [Fact]
    public void AsSent_KeepsTheFirstAttemptAndTheProvidersId()
    {
        var sent = RecipientOutcome.Attempt(SendOne, Ann, ContactChannel.Email, "ann@example.com", Now).AsSent("op-123");

        Assert.Equal(DeliveryState.Sent, sent.State);
        Assert.Equal("op-123", sent.ProviderMessageId);
        Assert.Equal(Now, sent.FirstAttemptAt);
    }

    [Fact]
    public void ToReportRow_ProviderRejectedSms_PutsTheMobileAndTheProvidersMessage()
    {
        var row = RecipientOutcome.Attempt(SendOne, Ann, ContactChannel.Sms, "+66812345678", Now)
            .AsFailed(FailureReason.ProviderRejected, "Invalid destination").ToReportRow();

        Assert.Equal(new CouponFunctions.Core.Reports.FailureReportRow("C1", null, "+66812345678", "sms: provider rejected (Invalid destination)"), row);
    }

    [Fact]
    public void ToReportRow_SystemError_KeepsTheDetailOutOfTheReport()
    {
        var row = RecipientOutcome.Attempt(SendOne, Ann, ContactChannel.Email, "ann@example.com", Now)
            .AsFailed(FailureReason.SystemError, "TableClient threw at line 42").ToReportRow();

        Assert.Equal("email: system error", row.Reason);
    }

    [Theory]
    [InlineData(FailureReason.InvalidCoupon, "invalidCoupon")]
    [InlineData(FailureReason.CouponInapplicable, "couponInapplicable")]
    [InlineData(FailureReason.InsufficientQuantity, "insufficientQuantity")]
    [InlineData(FailureReason.NoContactOrOptedOut, "noContactOrOptedOut")]
    [InlineData(FailureReason.ProviderRejected, "providerRejected")]
    [InlineData(FailureReason.SystemError, "systemError")]
    public void Wire_EveryReason_HasItsName(FailureReason reason, string wire)
    {
        Assert.Equal(wire, FailureReasons.Wire(reason));
    }
}
