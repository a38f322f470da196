using System.Text;
using Azure;
using CouponFunctions.Storage.Clients.Blobs;
using CouponFunctions.Testing;

namespace CouponFunctions.Storage.Tests.Clients.Blobs;

[Collection(AzuriteCollection.Name)]
public sealed class BlobContainerClientTests(AzuriteFixture azurite)
{
    private async Task<BlobContainerClient> NewContainerAsync()
    {
        var container = azurite.Clients.GetBlobContainerClient(azurite.UniqueName("c"));
        await container.CreateIfNotExistsAsync();
        return container;
    }

    private static MemoryStream Text(string value) => new(Encoding.UTF8.GetBytes(value));

    private static async Task<string> ReadAsync(BlobDownloadStreamingResult result)
    {
        using var reader = new StreamReader(result.Content, Encoding.UTF8);
        return await reader.ReadToEndAsync();
    }

    private static async Task<List<BlobItem>> ListAsync(BlobContainerClient container, string? prefix = null)
    {
        var items = new List<BlobItem>();
        await foreach (var item in container.GetBlobsAsync(prefix)) items.Add(item);
        return items;
    }

    [Fact]
    public async Task CreateIfNotExistsAndDeleteIfExists_ReportWhetherSomethingChanged()
    {
        var container = azurite.Clients.GetBlobContainerClient(azurite.UniqueName("c"));

        Assert.True((await container.CreateIfNotExistsAsync()).Value);
        Assert.False((await container.CreateIfNotExistsAsync()).Value);
        Assert.True((await container.DeleteIfExistsAsync()).Value);
        Assert.False((await container.DeleteIfExistsAsync()).Value);
    }

    [Fact]
    public async Task UploadAsync_CreateOnlyOverExisting_Throws409AndKeepsOriginal()
    {
        var container = await NewContainerAsync();
        await container.UploadAsync("report.csv", Text("v1"), "text/csv");

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => container.UploadAsync("report.csv", Text("v2"), "text/csv"));

        Assert.Equal(409, error.Status);
        Assert.Equal("BlobAlreadyExists", error.ErrorCode);
        using var download = (await container.DownloadIfExistsAsync("report.csv")).Value!;
        Assert.Equal("v1", await ReadAsync(download));
    }

    [Fact]
    public async Task UploadAsync_Overwrite_ReplacesContentAndETag()
    {
        var container = await NewContainerAsync();
        var first = (await container.UploadAsync("report.csv", Text("v1"), "text/csv")).Value;

        var second = (await container.UploadAsync("report.csv", Text("version two"), "text/plain", overwrite: true)).Value;

        Assert.NotEqual(first.ETag, second.ETag);
        using var download = (await container.DownloadIfExistsAsync("report.csv")).Value!;
        Assert.Equal("version two", await ReadAsync(download));
        Assert.Equal("text/plain", download.Details.ContentType);
    }

    [Fact]
    public async Task DownloadIfExistsAsync_Existing_ReturnsContentAndProperties()
    {
        var container = await NewContainerAsync();
        var bytes = Enumerable.Range(0, 70_000).Select(i => (byte)(i % 251)).ToArray();
        var uploaded = (await container.UploadAsync(
            "exports/t1/coupons.bin", new MemoryStream(bytes), "application/octet-stream",
            metadata: new Dictionary<string, string> { ["tenant"] = "t1", ["rows"] = "42" })).Value;

        using var download = (await container.DownloadIfExistsAsync("exports/t1/coupons.bin")).Value!;
        using var copy = new MemoryStream();
        await download.Content.CopyToAsync(copy);

        Assert.Equal(bytes, copy.ToArray());
        Assert.Equal("application/octet-stream", download.Details.ContentType);
        Assert.Equal(bytes.Length, download.Details.ContentLength);
        Assert.Equal(uploaded.ETag, download.Details.ETag);
        Assert.Equal(uploaded.LastModified, download.Details.LastModified);
        Assert.Equal("t1", download.Details.Metadata["tenant"]);
        Assert.Equal("42", download.Details.Metadata["rows"]);
    }

    [Fact]
    public async Task DownloadIfExistsAsync_MissingBlobOrContainer_HasNoValue()
    {
        var container = await NewContainerAsync();
        var missingContainer = azurite.Clients.GetBlobContainerClient(azurite.UniqueName("none"));

        Assert.False((await container.DownloadIfExistsAsync("nope.csv")).HasValue);
        Assert.False((await missingContainer.DownloadIfExistsAsync("nope.csv")).HasValue);
    }

    [Fact]
    public async Task GetPropertiesIfExistsAsync_ExistingAndMissing()
    {
        var container = await NewContainerAsync();
        var uploaded = (await container.UploadAsync("a.txt", Text("hello"), "text/plain", metadata: new Dictionary<string, string> { ["kind"] = "note" })).Value;

        var properties = await container.GetPropertiesIfExistsAsync("a.txt");
        var missing = await container.GetPropertiesIfExistsAsync("b.txt");

        Assert.Equal(5, properties.Value!.ContentLength);
        Assert.Equal("text/plain", properties.Value.ContentType);
        Assert.Equal(uploaded.ETag, properties.Value.ETag);
        Assert.Equal("note", properties.Value.Metadata["kind"]);
        Assert.False(missing.HasValue);
    }

    [Fact]
    public async Task UploadAndDownload_NamesWithSlashesSpacesAndUnicode_RoundTrip()
    {
        var container = await NewContainerAsync();
        string[] names = ["reports/2026 11/Báo cáo #1.csv", "reports/ส่วนลด/รายงาน?.csv", "a+b=c&d/e%20f'g(1).txt", "emoji/🎟️.json"];

        foreach (var name in names) await container.UploadAsync(name, Text(name), "text/plain");

        foreach (var name in names)
        {
            using var download = (await container.DownloadIfExistsAsync(name)).Value!;
            Assert.Equal(name, await ReadAsync(download));
        }

        Assert.Equal(names.Order(StringComparer.Ordinal), (await ListAsync(container)).Select(b => b.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task GetBlobsAsync_Prefix_ListsOnlyThatPrefixWithProperties()
    {
        var container = await NewContainerAsync();
        await container.UploadAsync("t1/a.csv", Text("aa"), "text/csv");
        await container.UploadAsync("t1/b.csv", Text("bbb"), "text/csv");
        await container.UploadAsync("t10/c.csv", Text("c"), "text/csv");
        await container.UploadAsync("t2/d.csv", Text("d"), "text/csv");

        var items = await ListAsync(container, "t1/");

        Assert.Equal(["t1/a.csv", "t1/b.csv"], items.Select(i => i.Name));
        Assert.Equal(3, items[1].Properties.ContentLength);
        Assert.Equal("text/csv", items[1].Properties.ContentType);
        Assert.NotNull(items[1].Properties.LastModified);
        var properties = await container.GetPropertiesIfExistsAsync("t1/b.csv");
        Assert.Equal(properties.Value!.ETag, items[1].Properties.ETag);
    }

    [Fact]
    public async Task GetBlobsAsync_SmallPages_FollowsNextMarker()
    {
        var container = await NewContainerAsync();
        for (var i = 0; i < 5; i++) await container.UploadAsync($"f{i}.txt", Text("x"), "text/plain");

        var pages = new List<int>();
        var names = new List<string>();
        await foreach (var page in container.GetBlobsAsync().AsPages(pageSizeHint: 2))
        {
            pages.Add(page.Values.Count);
            names.AddRange(page.Values.Select(v => v.Name));
        }

        Assert.Equal([2, 2, 1], pages);
        Assert.Equal(["f0.txt", "f1.txt", "f2.txt", "f3.txt", "f4.txt"], names);
    }

    [Fact]
    public async Task DeleteBlobIfExistsAsync_RemovesBlobOnce()
    {
        var container = await NewContainerAsync();
        await container.UploadAsync("x.txt", Text("x"), "text/plain");

        Assert.True((await container.DeleteBlobIfExistsAsync("x.txt")).Value);
        Assert.False((await container.DeleteBlobIfExistsAsync("x.txt")).Value);
        Assert.False((await container.DownloadIfExistsAsync("x.txt")).HasValue);
    }

    [Fact]
    public async Task UploadAsync_ForwardOnlyStream_IsBufferedAndUploaded()
    {
        var container = await NewContainerAsync();
        var forwardOnly = new ForwardOnlyStream(Encoding.UTF8.GetBytes("streamed"));

        await container.UploadAsync("s.txt", forwardOnly, "text/plain");

        using var download = (await container.DownloadIfExistsAsync("s.txt")).Value!;
        Assert.Equal("streamed", await ReadAsync(download));
    }

    [Theory]
    [InlineData("a/../b.txt")]
    [InlineData("./b.txt")]
    [InlineData("dir/")]
    [InlineData("name.")]
    [InlineData("")]
    public async Task UploadAsync_NameThatUriNormalisationWouldRewrite_Throws(string name)
    {
        var container = TestConnections.Unreachable().GetBlobContainerClient("reports");

        await Assert.ThrowsAnyAsync<ArgumentException>(() => container.UploadAsync(name, Text("x"), "text/plain"));
    }

    [Fact]
    public async Task UploadAsync_MetadataValueNotAscii_Throws()
    {
        var container = TestConnections.Unreachable().GetBlobContainerClient("reports");

        await Assert.ThrowsAsync<ArgumentException>(() => container.UploadAsync(
            "x.txt", Text("x"), "text/plain", metadata: new Dictionary<string, string> { ["name"] = "Báo cáo" }));
    }

    [Fact]
    public void GetBlobContainerClient_InvalidName_Throws()
    {
        Assert.Throws<ArgumentException>(() => TestConnections.Unreachable().GetBlobContainerClient("Reports"));
    }

    private sealed class ForwardOnlyStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
