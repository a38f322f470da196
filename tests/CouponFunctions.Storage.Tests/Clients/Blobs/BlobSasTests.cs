using System.Net;
using System.Text;
using CouponFunctions.Storage.Clients.Blobs;
using CouponFunctions.Testing;

namespace CouponFunctions.Storage.Tests.Clients.Blobs;

/// <summary>SAS URLs fetched with a plain HTTP GET, as a browser following a report link would.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class BlobSasTests(AzuriteFixture azurite) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler());

    public void Dispose() => _http.Dispose();

    private async Task<BlobContainerClient> ContainerWithBlobAsync(string blobName, string content)
    {
        var container = azurite.Clients.GetBlobContainerClient(azurite.UniqueName("sas"));
        await container.CreateIfNotExistsAsync();
        await container.UploadAsync(blobName, new MemoryStream(Encoding.UTF8.GetBytes(content)), "text/csv");
        return container;
    }

    private static DateTimeOffset Now => TimeProvider.System.GetUtcNow();

    [Fact]
    public async Task GenerateReadSasUri_Valid_DownloadsWithoutCredentials()
    {
        var container = await ContainerWithBlobAsync("failures/send 42/ลูกค้า.csv", "a,b\n1,2");

        var sas = container.GenerateReadSasUri("failures/send 42/ลูกค้า.csv", Now.AddDays(7));
        using var response = await _http.GetAsync(sas);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("a,b\n1,2", await response.Content.ReadAsStringAsync());
        Assert.Contains("sp=r", sas.Query, StringComparison.Ordinal);
        Assert.Contains("sr=b", sas.Query, StringComparison.Ordinal);
        Assert.Contains("sv=2020-12-06", sas.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateReadSasUri_Expired_IsRefused()
    {
        var container = await ContainerWithBlobAsync("r.csv", "x");

        using var response = await _http.GetAsync(container.GenerateReadSasUri("r.csv", Now.AddMinutes(-1)));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task GenerateReadSasUri_TamperedSignature_IsRefused()
    {
        var container = await ContainerWithBlobAsync("r.csv", "x");
        var sas = container.GenerateReadSasUri("r.csv", Now.AddHours(1)).AbsoluteUri;
        var sigAt = sas.IndexOf("&sig=", StringComparison.Ordinal) + 5;
        var tampered = sas[..sigAt] + (sas[sigAt] == 'A' ? 'B' : 'A') + sas[(sigAt + 1)..];

        using var response = await _http.GetAsync(tampered);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task GenerateReadSasUri_WidenedPermissionsOrOtherBlob_IsRefused()
    {
        var container = await ContainerWithBlobAsync("r.csv", "x");
        await container.UploadAsync("other.csv", new MemoryStream([1]), "text/csv");
        var sas = container.GenerateReadSasUri("r.csv", Now.AddHours(1));

        using var widened = await _http.GetAsync(sas.AbsoluteUri.Replace("sp=r", "sp=rw", StringComparison.Ordinal));
        using var otherBlob = await _http.GetAsync(sas.AbsoluteUri.Replace("/r.csv?", "/other.csv?", StringComparison.Ordinal));
        using var delete = await _http.DeleteAsync(sas);

        Assert.Equal(HttpStatusCode.Forbidden, widened.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherBlob.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
    }

    [Fact]
    public void GenerateReadSasUri_TokenConnection_ThrowsInvalidOperation()
    {
        var connection = CouponFunctions.Storage.Clients.StorageConnection.FromServiceUris(
            null, null, new Uri("https://acct.blob.core.windows.net"), new Moq.Mock<Azure.Core.TokenCredential>().Object);
        var container = new CouponFunctions.Storage.Clients.StorageClients(connection).GetBlobContainerClient("reports");

        Assert.False(container.CanGenerateSasUri);
        Assert.Throws<InvalidOperationException>(() => container.GenerateReadSasUri("r.csv", Now.AddHours(1)));
    }
}
