using System.Text;
using CouponFunctions.Storage.Notifications.Acs;

namespace CouponFunctions.Storage.Tests.Notifications.Acs;

public sealed class AcsHmacSignerTests
{
    private const string Date = "Sat, 21 Nov 2026 01:00:00 GMT";

    [Fact]
    public void StringToSign_FollowsVerbPathDateHostHashLayout()
    {
        var sts = AcsHmacSigner.StringToSign("post", "/emails:send?api-version=2023-03-31", Date, "contoso.communication.azure.com", "HASH=");

        Assert.Equal($"POST\n/emails:send?api-version=2023-03-31\n{Date};contoso.communication.azure.com;HASH=", sts);
    }

    [Fact]
    public void Signature_KnownInputs_MatchesIndependentVector()
    {
        // Vector computed independently (Python hashlib/hmac).
        var body = Encoding.UTF8.GetBytes("{\"senderAddress\":\"noreply@example.com\"}");
        var hash = AcsHmacSigner.ContentHash(body);
        var sts = AcsHmacSigner.StringToSign("POST", "/emails:send?api-version=2023-03-31", Date, "contoso.communication.azure.com", hash);

        Assert.Equal("jg+W9m/+Fh/6qAVj5kIA7JNnuAfg5tJulbm2ePaupes=", hash);
        Assert.Equal("wr7xyXX8J/nWVuLyCEllkkbmVKI9qt2oeOUw5XDP9nk=", AcsHmacSigner.Signature(Encoding.UTF8.GetBytes("acs-test-access-key-0123456789abcdef"), sts));
    }

    [Fact]
    public void ContentHash_EmptyBody_IsHashOfNothing()
    {
        Assert.Equal("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=", AcsHmacSigner.ContentHash([]));
    }

    [Theory]
    [InlineData("https://contoso.communication.azure.com/emails:send", "contoso.communication.azure.com")]
    [InlineData("https://contoso.communication.azure.com:8443/emails:send", "contoso.communication.azure.com:8443")]
    [InlineData("http://127.0.0.1:5123/", "127.0.0.1:5123")]
    [InlineData("http://127.0.0.1:80/", "127.0.0.1")]
    public void Host_NonDefaultPort_IsIncluded(string uri, string expected)
    {
        Assert.Equal(expected, AcsHmacSigner.Host(new Uri(uri)));
    }

    [Fact]
    public void AuthorizationHeader_ListsSignedHeaders()
    {
        Assert.Equal("HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=abc=", AcsHmacSigner.AuthorizationHeader("abc="));
    }

    [Fact]
    public void CreateOperationId_SameKey_SameGuidAndDifferentKeysDiffer()
    {
        var first = AcsEmailClient.CreateOperationId("send-42/recipient-7");

        Assert.Equal(first, AcsEmailClient.CreateOperationId("send-42/recipient-7"));
        Assert.NotEqual(first, AcsEmailClient.CreateOperationId("send-42/recipient-8"));
        Assert.True(Guid.TryParse(first, out _));
    }
}
