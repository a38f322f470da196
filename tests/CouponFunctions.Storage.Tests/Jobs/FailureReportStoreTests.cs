using System.Net;
using System.Text;
using CouponFunctions.Core.Jobs;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Storage.Jobs;
using CouponFunctions.Storage.Reports;
using CouponFunctions.Storage.Tests.Infrastructure;
using CouponFunctions.Testing;

namespace CouponFunctions.Storage.Tests.Jobs;

/// <summary>Reports fetched through their links with a plain HTTP GET, as the browser does.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class FailureReportStoreTests(AzuriteFixture azurite) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler());

    // The links are checked by the storage service against its own clock, so the test's clock starts at the real now.
    private readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(TimeProvider.System.GetUtcNow().ToUnixTimeSeconds());

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task Write_FailedCancelledAndSucceededItems_LinkDownloadsOnlyFailuresForSevenDays()
    {
        var (store, _, tenant) = await SetUpAsync();
        var job = JobId.New();
        var items = JobTestData.Items(job, 1, 3);
        items[0] = items[0].Finish(ItemOutcome.Changed("v/00000"), Now);
        items[1] = items[1].Finish(ItemOutcome.NotSupported("=HYPERLINK(\"x\") renew is not allowed"), Now);
        items[2] = items[2].Cancel(Now);

        var link = await store.WriteAsync(tenant, job, items, Now);
        using var response = await _http.GetAsync(link.Url);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var lines = Encoding.UTF8.GetString(bytes.AsSpan(3)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal(3, lines.Length);
        Assert.Contains("'=HYPERLINK", lines[1], StringComparison.Ordinal);
        Assert.Contains(ItemReasons.Cancelled, lines[2], StringComparison.Ordinal);
        Assert.Equal(Now.AddDays(7), link.ExpiresAt);
        Assert.StartsWith($"/{azurite.Blobs.AccountName}/{ContainerNames.Reports}/{tenant.Value}/jobs/{job.Value}/", link.Url.AbsolutePath, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_BeforeAndAfterSevenDays_AvailableWithAShorterLinkThenExpired()
    {
        var (store, time, tenant) = await SetUpAsync();
        var job = JobId.New();
        await store.WriteAsync(tenant, job, [JobTestData.Items(job, 1, 1)[0].Cancel(Now)], Now);

        time.Advance(TimeSpan.FromDays(6));
        var sixDays = await store.GetAsync(tenant, job);
        time.Advance(TimeSpan.FromDays(1));
        var sevenDays = await store.GetAsync(tenant, job);

        Assert.Equal(ReportAvailability.Available, sixDays.Availability);
        Assert.Equal(Now.AddDays(7), sixDays.Link!.ExpiresAt);
        Assert.Equal(Now.AddDays(7), DateTimeOffset.Parse(System.Web.HttpUtility.ParseQueryString(sixDays.Link.Url.Query)["se"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(ReportAvailability.Expired, sevenDays.Availability);
        Assert.Null(sevenDays.Link);
    }

    [Fact]
    public async Task Get_OtherTenantOrNoReport_NotFound()
    {
        var (store, _, tenant) = await SetUpAsync();
        var job = JobId.New();
        await store.WriteAsync(tenant, job, [JobTestData.Items(job, 1, 1)[0].Cancel(Now)], Now);

        var otherTenant = await store.GetAsync(TenantId.Parse(azurite.UniqueName("other")), job);
        var otherJob = await store.GetAsync(tenant, JobId.New());

        Assert.False(otherTenant.Exists);
        Assert.False(otherJob.Exists);
    }

    [Fact]
    public async Task Write_Twice_SameBlobHoldsTheLatestItems()
    {
        var (store, _, tenant) = await SetUpAsync();
        var job = JobId.New();
        var items = JobTestData.Items(job, 1, 2).Select(i => i.Cancel(Now)).ToList();
        await store.WriteAsync(tenant, job, items, Now);

        var link = await store.WriteAsync(tenant, job, items.Take(1), Now);
        var text = await _http.GetStringAsync(link.Url);

        Assert.Equal(2, text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
    }

    private async Task<(FailureReportStore, ManualTimeProvider, TenantId)> SetUpAsync()
    {
        await azurite.Blobs.GetBlobContainerClient(ContainerNames.Reports).CreateIfNotExistsAsync();
        var time = new ManualTimeProvider(Now);
        return (new FailureReportStore(azurite.Blobs, new ReportLinks(azurite.Blobs, time), time), time, TenantId.Parse(azurite.UniqueName("t")));
    }
}
