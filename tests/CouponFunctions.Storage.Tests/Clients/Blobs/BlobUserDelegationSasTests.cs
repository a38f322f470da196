using System.Net;
using System.Web;
using Azure.Core;
using Azure.Core.Pipeline;
using CouponFunctions.Storage.Clients;
using CouponFunctions.Testing;
using Moq;

namespace CouponFunctions.Storage.Tests.Clients.Blobs;

/// <summary>Azurite cannot issue delegation keys (no OAuth over plain HTTP), so a stub plays the Blob service here.</summary>
public sealed class BlobUserDelegationSasTests
{
    private const string KeyXml =
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><UserDelegationKey><SignedOid>oid-1</SignedOid><SignedTid>tid-1</SignedTid>" +
        "<SignedStart>2026-11-21T00:55:00Z</SignedStart><SignedExpiry>2026-11-22T01:00:00Z</SignedExpiry><SignedService>b</SignedService>" +
        "<SignedVersion>2021-12-02</SignedVersion><Value>ZGVsZWdhdGlvbi1rZXktYnl0ZXMtMDEyMzQ1Njc4OWFi</Value></UserDelegationKey>";

    [Fact]
    public async Task GenerateUserDelegationReadSasUriAsync_TokenCredential_FetchesKeyAndSignsTheDocumentedFields()
    {
        var scopes = new List<string>();
        var credential = new Mock<TokenCredential>();
        credential
            .Setup(c => c.GetTokenAsync(It.IsAny<TokenRequestContext>(), It.IsAny<CancellationToken>()))
            .Callback<TokenRequestContext, CancellationToken>((context, _) => scopes.AddRange(context.Scopes))
            .ReturnsAsync(new AccessToken("token-1", new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        string? keyRequestBody = null;
        var handler = new StubHandler(async request =>
        {
            keyRequestBody = await request.Content!.ReadAsStringAsync();
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(KeyXml) };
        });
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 11, 21, 1, 0, 0, TimeSpan.Zero));
        var connection = StorageConnection.FromServiceUris(null, null, new Uri("https://acct.blob.core.windows.net"), credential.Object);
        var container = new StorageClients(connection, new StorageClientOptions { Transport = new HttpClientTransport(handler), TimeProvider = clock })
            .GetBlobContainerClient("reports");

        var sas = await container.GenerateUserDelegationReadSasUriAsync("t1/r.csv", clock.GetUtcNow().AddDays(1));

        var keyRequest = Assert.Single(handler.Requests);
        Assert.Equal("https://acct.blob.core.windows.net/?restype=service&comp=userdelegationkey", keyRequest.RequestUri!.AbsoluteUri);
        Assert.Equal("Bearer token-1", keyRequest.Headers.GetValues("Authorization").Single());
        Assert.Equal(["https://storage.azure.com/.default"], scopes.Distinct());
        Assert.Contains("<Start>2026-11-21T00:55:00Z</Start><Expiry>2026-11-22T01:00:00Z</Expiry>", keyRequestBody, StringComparison.Ordinal);
        var query = HttpUtility.ParseQueryString(sas.Query);
        Assert.Equal("oid-1", query["skoid"]);
        Assert.Equal("tid-1", query["sktid"]);
        Assert.Equal("b", query["sks"]);
        Assert.Equal("https", query["spr"]);
        // Signature computed independently (Python) over the 24 documented fields with the delegation key's value.
        Assert.Equal("44YNKCYwkRVKrpj9cNQ1Xw/lifatii9WBqoL3EJ8o3Y=", query["sig"]);
    }

    [Fact]
    public async Task GenerateUserDelegationReadSasUriAsync_MoreThanSevenDays_ThrowsBeforeAnyRequest()
    {
        var handler = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.InternalServerError));
        var connection = StorageConnection.FromServiceUris(null, null, new Uri("https://acct.blob.core.windows.net"), new Mock<TokenCredential>().Object);
        var container = new StorageClients(connection, new StorageClientOptions { Transport = new HttpClientTransport(handler) }).GetBlobContainerClient("reports");

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() =>
            container.GenerateUserDelegationReadSasUriAsync("r.csv", TimeProvider.System.GetUtcNow().AddDays(8)));
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task GenerateUserDelegationReadSasUriAsync_AccountKeyConnection_ThrowsInvalidOperation()
    {
        var container = TestConnections.Unreachable().GetBlobContainerClient("reports");

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            container.GenerateUserDelegationReadSasUriAsync("r.csv", TimeProvider.System.GetUtcNow().AddDays(1)));
    }
}
