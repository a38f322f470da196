using System.Net;
using System.Web;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Storage.Blobs;
using CouponFunctions.Storage.Reports;
using CouponFunctions.Storage.Tests.Infrastructure;
using CouponFunctions.Testing;
using Moq;

namespace CouponFunctions.Storage.Tests.Reports;

/// <summary>With a managed identity there is no account key. Azurite cannot issue delegation keys (no OAuth over plain HTTP), so a stub plays the Blob service.</summary>
public sealed class ReportLinksUserDelegationTests
{
    private const string KeyXml =
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><UserDelegationKey><SignedOid>oid-1</SignedOid><SignedTid>tid-1</SignedTid>" +
        "<SignedStart>2026-11-21T00:55:00Z</SignedStart><SignedExpiry>2026-11-22T01:00:00Z</SignedExpiry><SignedService>b</SignedService>" +
        "<SignedVersion>2021-12-02</SignedVersion><Value>ZGVsZWdhdGlvbi1rZXktYnl0ZXMtMDEyMzQ1Njc4OWFi</Value></UserDelegationKey>";

    [Fact]
    public async Task CreateReadLink_TokenCredential_SignsAReadOnlyHttpsLinkWithADelegationKeyForItsLifetime()
    {
        string? keyRequestBody = null;
        var handler = new StubHandler(async request =>
        {
            keyRequestBody = await request.Content!.ReadAsStringAsync();
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(KeyXml) };
        });
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 11, 21, 1, 0, 0, TimeSpan.Zero));
        var links = new ReportLinks(Service(handler), clock);

        var link = await links.CreateReadLinkAsync("reports", "t1/r.csv", clock.GetUtcNow().AddDays(1));

        var keyRequest = Assert.Single(handler.Requests);
        Assert.Equal("https://acct.blob.core.windows.net/?restype=service&comp=userdelegationkey", keyRequest.RequestUri!.AbsoluteUri);
        Assert.Equal("Bearer token-1", keyRequest.Headers.GetValues("Authorization").Single());
        Assert.Contains("<Start>2026-11-21T00:55:00Z</Start><Expiry>2026-11-22T01:00:00Z</Expiry>", keyRequestBody, StringComparison.Ordinal);
        Assert.Equal("https://acct.blob.core.windows.net/reports/t1/r.csv", link.GetLeftPart(UriPartial.Path));
        var query = HttpUtility.ParseQueryString(link.Query);
        Assert.Equal("oid-1", query["skoid"]);
        Assert.Equal("tid-1", query["sktid"]);
        Assert.Equal("r", query["sp"]);
        Assert.Equal("b", query["sr"]);
        Assert.Equal("https", query["spr"]);
        Assert.Equal("2026-11-22T01:00:00Z", query["se"]);
        Assert.False(string.IsNullOrEmpty(query["sig"]));
    }

    [Fact]
    public async Task CreateReadLink_MoreThanSevenDays_ThrowsBeforeAnyRequest()
    {
        var handler = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.InternalServerError));
        var links = new ReportLinks(Service(handler), TimeProvider.System);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => links.CreateReadLinkAsync("reports", "r.csv", TimeProvider.System.GetUtcNow().AddDays(8)));
        Assert.Empty(handler.Requests);
    }

    private static BlobServiceClient Service(StubHandler handler)
    {
        var credential = new Mock<TokenCredential>();
        credential
            .Setup(c => c.GetTokenAsync(It.IsAny<TokenRequestContext>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new AccessToken("token-1", new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        var options = new BlobClientOptions { Transport = new HttpClientTransport(handler) };
        options.Retry.MaxRetries = 0;
        return new BlobServiceClient(new Uri("https://acct.blob.core.windows.net"), credential.Object, options);
    }
}
