using System.Net;
using System.Text;
using System.Web;
using CouponFunctions.Storage.Reports;
using CouponFunctions.Storage.Tests.Infrastructure;
using CouponFunctions.Testing;

namespace CouponFunctions.Storage.Tests.Reports;

/// <summary>Report links fetched with a plain HTTP GET, as a browser following the link would.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReportLinksTests(AzuriteFixture azurite) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler());

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task CreateReadLink_AccountKey_DownloadsWithoutCredentials()
    {
        var (links, container) = await WithBlobAsync("failures/send 42/ลูกค้า.csv", "a,b\n1,2", TimeProvider.System);

        var link = await links.CreateReadLinkAsync(container, "failures/send 42/ลูกค้า.csv", TimeProvider.System.GetUtcNow().AddDays(7));
        using var response = await _http.GetAsync(link);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("a,b\n1,2", await response.Content.ReadAsStringAsync());
        var query = HttpUtility.ParseQueryString(link.Query);
        Assert.Equal("r", query["sp"]);
        Assert.Equal("b", query["sr"]);
    }

    [Fact]
    public async Task CreateReadLink_ValidForOneHour_ExpiresAfterTheRequestedTime()
    {
        var twoHoursAgo = TimeProvider.System.GetUtcNow().AddHours(-2);
        var (links, container) = await WithBlobAsync("r.csv", "x", new ManualTimeProvider(twoHoursAgo));

        var link = await links.CreateReadLinkAsync(container, "r.csv", twoHoursAgo.AddHours(1));
        using var response = await _http.GetAsync(link);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var expiry = DateTimeOffset.Parse(HttpUtility.ParseQueryString(link.Query)["se"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(twoHoursAgo.AddHours(1), expiry, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task CreateReadLink_TamperedSignature_IsRefused()
    {
        var (links, container) = await WithBlobAsync("r.csv", "x", TimeProvider.System);
        var link = (await links.CreateReadLinkAsync(container, "r.csv", TimeProvider.System.GetUtcNow().AddHours(1))).AbsoluteUri;
        var sigAt = link.IndexOf("sig=", StringComparison.Ordinal) + 4;
        var tampered = link[..sigAt] + (link[sigAt] == 'A' ? 'B' : 'A') + link[(sigAt + 1)..];

        using var response = await _http.GetAsync(tampered);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task CreateReadLink_WidenedPermissionsOtherBlobOrDelete_AreRefused()
    {
        var (links, container) = await WithBlobAsync("r.csv", "x", TimeProvider.System);
        await azurite.Blobs.GetBlobContainerClient(container).GetBlobClient("other.csv").UploadAsync(new BinaryData("y"));
        var link = await links.CreateReadLinkAsync(container, "r.csv", TimeProvider.System.GetUtcNow().AddHours(1));

        using var widened = await _http.GetAsync(link.AbsoluteUri.Replace("sp=r", "sp=rw", StringComparison.Ordinal));
        using var otherBlob = await _http.GetAsync(link.AbsoluteUri.Replace("/r.csv?", "/other.csv?", StringComparison.Ordinal));
        using var delete = await _http.DeleteAsync(link);

        Assert.Equal(HttpStatusCode.Forbidden, widened.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherBlob.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        Assert.True((await azurite.Blobs.GetBlobContainerClient(container).GetBlobClient("r.csv").ExistsAsync()).Value);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(8 * 24)]
    public async Task CreateReadLink_ValidityOutOfRange_Throws(int hours)
    {
        var links = new ReportLinks(azurite.Blobs, TimeProvider.System);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => links.CreateReadLinkAsync("reports", "r.csv", TimeProvider.System.GetUtcNow().AddHours(hours)));
    }

    private async Task<(ReportLinks Links, string Container)> WithBlobAsync(string blobName, string content, TimeProvider time)
    {
        var container = azurite.Blobs.GetBlobContainerClient(azurite.UniqueName("reports"));
        await container.CreateIfNotExistsAsync();
        await container.GetBlobClient(blobName).UploadAsync(new BinaryData(Encoding.UTF8.GetBytes(content)));
        return (new ReportLinks(azurite.Blobs, time), container.Name);
    }
}
