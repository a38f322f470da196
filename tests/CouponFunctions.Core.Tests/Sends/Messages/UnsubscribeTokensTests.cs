using CouponFunctions.Core.Common;
using CouponFunctions.Core.Customers;
using CouponFunctions.Core.Security;
using CouponFunctions.Core.Sends;
using CouponFunctions.Core.Sends.Messages;
using static CouponFunctions.Core.Tests.Sends.SendTestData;

namespace CouponFunctions.Core.Tests.Sends.Messages;

public sealed class UnsubscribeTokensTests
{
    private static readonly UnsubscribeTokens Subject = SendTestData.Tokens;

    private static readonly UnsubscribeRequest Request = new(Tenant, CustomerId.Parse("CUST-001"), ContactChannel.Sms, SendId.Parse("send-1"));

    [Fact]
    public void Verify_TokenItMade_ReturnsTheRequest()
    {
        var result = Subject.Verify(Subject.Create(Request));

        Assert.True(result.IsOk);
        Assert.Equal(Request, result.Value);
    }

    [Fact]
    public void Verify_TokenThroughTheUrl_SurvivesEscaping()
    {
        var url = UnsubscribeLinks.Url(PublicBase, Subject.Create(Request));
        var token = Uri.UnescapeDataString(url.Query["?token=".Length..]);

        Assert.StartsWith("https://coupons.example.com/api/unsubscribe?token=", url.AbsoluteUri, StringComparison.Ordinal);
        Assert.Equal(Request, Subject.Verify(token).Value);
    }

    [Fact]
    public void Verify_TamperedToken_IsRejected()
    {
        var token = Subject.Create(Request).ToCharArray();
        token[^5] = token[^5] == 'A' ? 'B' : 'A';

        Assert.Equal(OutcomeKind.Rejected, Subject.Verify(new string(token)).Kind);
    }

    [Fact]
    public void Verify_TokenOfAnotherKey_IsRejected()
    {
        var other = new UnsubscribeTokens(new AesGcmSecretProtector(new byte[32]));

        Assert.Equal(OutcomeKind.Rejected, Subject.Verify(other.Create(Request)).Kind);
    }

    [Fact]
    public void Verify_ProtectedSecretOfAnotherContext_IsRejected()
    {
        var protector = new AesGcmSecretProtector(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

        Assert.Equal(OutcomeKind.Rejected, Subject.Verify(protector.Protect("t-acme|C1|e|send-1", "s-bkk")).Kind);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("v1.00000000.!!!")]
    public void Verify_Garbage_IsRejected(string? token)
    {
        Assert.Equal(OutcomeKind.Rejected, Subject.Verify(token).Kind);
    }

    [Fact]
    public void Create_Token_HoldsNoReadableCustomerData()
    {
        Assert.DoesNotContain("CUST-001", Subject.Create(Request), StringComparison.Ordinal);
    }
}
