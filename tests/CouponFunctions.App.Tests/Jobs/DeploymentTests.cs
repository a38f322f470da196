using System.Text;
using Azure.Storage.Blobs;
using CouponFunctions.App.Tests.Infrastructure;
using CouponFunctions.Core.Deployments;
using CouponFunctions.Sandbox.Common;
using CouponFunctions.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CouponFunctions.App.Tests.Jobs;

/// <summary>
/// Preview and deploy of a template to several Shopee sandbox stores through the local host's Durable engine: per-store
/// results, the failure report and its expiry, the Idempotency-Key, cancel, and who may do what.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class DeploymentTests(AppHostFixture app)
{
    private static readonly HashSet<string> AddVoucher = ["/api/v2/voucher/add_voucher"];

    [Fact]
    public async Task PreviewDeployment_ThreeStores_AnswersPerStoreCouponAndVerdictAndWritesNothing()
    {
        var bed = await app.NewWorkspaceAsync();
        var th = await bed.AddShopeeStoreAsync(903_001, "TH");
        var sg = await bed.AddShopeeStoreAsync(903_002, "SG");
        var template = await bed.Admin.AddTemplateAsync("Preview sale");

        var (status, body) = await bed.Admin.SendJsonAsync(HttpMethod.Post, "/api/deployments/preview", new { templateId = template, storeIds = new[] { th, sg } });
        var (bad, badBody) = await bed.Admin.SendJsonAsync(HttpMethod.Post, "/api/deployments/preview", new { storeIds = new[] { "NOT AN ID" } });
        var (_, jobs) = await bed.Admin.SendJsonAsync(HttpMethod.Get, "/api/jobs");

        Assert.Equal(200, status);
        var stores = body!["stores"]!.AsArray();
        Assert.Equal([th, sg], stores.Select(s => s!["storeId"]!.GetValue<string>()));
        Assert.Equal("THB", stores[0]!["coupon"]!["currency"]!.GetValue<string>());
        Assert.Equal("SGD", stores[1]!["coupon"]!["currency"]!.GetValue<string>());
        Assert.Equal(StoreCodes.For("DP", template, Core.Stores.StoreId.Parse(th), 3), stores[0]!["coupon"]!["code"]!.GetValue<string>());
        Assert.All(stores, s => Assert.NotEqual("blocked", s!["verdict"]!.GetValue<string>()));
        Assert.Equal(2, body["summary"]!["ready"]!.GetValue<int>() + body["summary"]!["warnings"]!.GetValue<int>());
        Assert.Equal(400, bad);
        Assert.Contains("templateId", badBody!["errors"]!.AsObject().Select(e => e.Key));
        Assert.Contains("storeIds[0]", badBody["errors"]!.AsObject().Select(e => e.Key));
        Assert.Empty(jobs!["items"]!.AsArray());
        Assert.Empty(bed.Shopee.Vouchers(903_001));
    }

    [Fact]
    public async Task Deploy_FourStoresOneFailing_RecordsEachStoreAndServesTheFailureReportUntilItExpires()
    {
        var bed = await app.NewWorkspaceAsync();
        var stores = new[] { await bed.AddShopeeStoreAsync(904_001, "TH"), await bed.AddShopeeStoreAsync(904_002, "SG"), await bed.AddShopeeStoreAsync(904_003, "MY") };
        var failing = await bed.AddShopeeStoreAsync(904_004, "TH");
        bed.Shopee.Faults.Set(new FaultPlan { ErrorRate = 1, OnlyPaths = AddVoucher }, "904004");
        var template = await bed.Admin.AddTemplateAsync("Deploy sale");
        var request = new { templateId = template, storeIds = stores.Append(failing).ToArray(), acknowledgeWarnings = true };

        var (status, started) = await bed.Admin.DeployAsync("deploy-1", request);
        var job = await bed.Admin.WaitForJobAsync(started!["jobId"]!.GetValue<string>(), () => app.Host.Output);
        var (again, repeated) = await bed.Admin.DeployAsync("deploy-1", request);

        Assert.Equal(202, status);
        Assert.Equal($"/api/jobs/{started["jobId"]}", started["statusUrl"]!.GetValue<string>());
        Assert.Equal("completedWithFailures", job["job"]!["status"]!.GetValue<string>());
        Assert.Equal(3, job["job"]!["counts"]!["succeeded"]!.GetValue<int>());
        var items = Deployments.ItemsByStore(job);
        foreach (var (store, shop) in stores.Zip(new long[] { 904_001, 904_002, 904_003 }))
        {
            var voucher = Assert.Single(bed.Shopee.Vouchers(shop));
            Assert.Equal("succeeded", items[store]["state"]!.GetValue<string>());
            Assert.Equal(voucher.VoucherId.ToString(System.Globalization.CultureInfo.InvariantCulture), items[store]["couponId"]!.GetValue<string>());
            Assert.Equal(StoreCodes.For("DP", template, Core.Stores.StoreId.Parse(store), 3), voucher.Code);
        }

        Assert.Equal("failed", items[failing]["state"]!.GetValue<string>());
        Assert.Equal("platform_error", items[failing]["outcome"]!["reasonCode"]!.GetValue<string>());
        Assert.False(string.IsNullOrEmpty(items[failing]["outcome"]!["platformCode"]?.GetValue<string>()));
        Assert.Empty(bed.Shopee.Vouchers(904_004));
        Assert.Equal(202, again);
        Assert.Equal(started["jobId"]!.GetValue<string>(), repeated!["jobId"]!.GetValue<string>());
        Assert.False(repeated["created"]!.GetValue<bool>());

        var report = await DownloadReportAsync(bed, job["job"]!["failureReport"]!["url"]!.GetValue<string>());
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, report[..3]);
        var lines = Encoding.UTF8.GetString(report, 3, report.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains(failing, lines[1], StringComparison.Ordinal);
        Assert.Contains("platform_error", lines[1], StringComparison.Ordinal);

        await ExpireReportAsync(bed, started["jobId"]!.GetValue<string>());
        var (gone, _) = await bed.Admin.SendJsonAsync(HttpMethod.Get, $"/api/jobs/{started["jobId"]}/failure-report");
        Assert.Equal(410, gone);
    }

    [Fact]
    public async Task CancelJob_WhileTheFirstStoresRun_CancelsTheUnstartedStoresAndCreatesNothingThere()
    {
        var bed = await app.NewWorkspaceAsync();
        var shops = new long[] { 905_001, 905_002, 905_003, 905_004, 905_005 };
        var stores = new List<string>();
        foreach (var shop in shops)
        {
            stores.Add(await bed.AddShopeeStoreAsync(shop, "TH"));
            bed.Shopee.Faults.Set(new FaultPlan { Latency = TimeSpan.FromSeconds(3), OnlyPaths = AddVoucher }, shop.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var template = await bed.Admin.AddTemplateAsync("Cancel sale");
        var (_, started) = await bed.Admin.DeployAsync("cancel-1", new { templateId = template, storeIds = stores, acknowledgeWarnings = true });
        var jobId = started!["jobId"]!.GetValue<string>();

        var (cancelStatus, _) = await bed.Admin.SendJsonAsync(HttpMethod.Post, $"/api/jobs/{jobId}/cancel");
        var job = await bed.Admin.WaitForJobAsync(jobId, () => app.Host.Output);
        var (again, afterAgain) = await bed.Admin.SendJsonAsync(HttpMethod.Post, $"/api/jobs/{jobId}/cancel");

        Assert.Equal(200, cancelStatus);
        Assert.Equal("cancelled", job["job"]!["status"]!.GetValue<string>());
        var items = Deployments.ItemsByStore(job);
        var cancelled = stores.Where(s => items[s]["state"]!.GetValue<string>() == "cancelled").ToList();
        Assert.InRange(cancelled.Count, shops.Length - 2, shops.Length);
        foreach (var (store, shop) in stores.Zip(shops))
            Assert.Equal(cancelled.Contains(store) ? 0 : 1, bed.Shopee.Vouchers(shop).Count);
        Assert.Equal(200, again);
        Assert.Equal(job["job"]!["counts"]!.ToJsonString(), afterAgain!["counts"]!.ToJsonString());
    }

    [Fact]
    public async Task Deploy_RolesAndScopes_ViewerReadsEditorActsScopedKeyOnlyInItsStores()
    {
        var bed = await app.NewWorkspaceAsync();
        var mine = await bed.AddShopeeStoreAsync(906_001, "TH");
        var other = await bed.AddShopeeStoreAsync(906_002, "TH");
        var template = await bed.Admin.AddTemplateAsync("Roles sale");
        var viewer = app.WithKey(await bed.Admin.IssueKeyAsync("viewer"));
        var scoped = app.WithKey(await bed.Admin.IssueKeyAsync("editor", mine));

        var (viewerDeploy, _) = await viewer.DeployAsync("v-1", new { templateId = template, storeIds = new[] { mine } });
        var (scopedOutside, _) = await scoped.DeployAsync("s-1", new { templateId = template, storeIds = new[] { mine, other } });
        var (scopedPreviewOutside, _) = await scoped.SendJsonAsync(HttpMethod.Post, "/api/deployments/preview", new { templateId = template, storeIds = new[] { other } });
        var (noKey, noKeyBody) = await bed.Admin.DeployAsync("", new { templateId = template, storeIds = new[] { mine } });
        var (adminStatus, both) = await bed.Admin.DeployAsync("a-1", new { templateId = template, storeIds = new[] { mine, other }, acknowledgeWarnings = true });
        var (scopedStatus, own) = await scoped.DeployAsync("s-2", new { templateId = "tpl-none", storeIds = new[] { mine } });
        await bed.Admin.WaitForJobAsync(both!["jobId"]!.GetValue<string>(), () => app.Host.Output);

        var (viewerRead, _) = await viewer.SendJsonAsync(HttpMethod.Get, $"/api/jobs/{both["jobId"]}");
        var (viewerCancel, _) = await viewer.SendJsonAsync(HttpMethod.Post, $"/api/jobs/{both["jobId"]}/cancel");
        var (scopedRead, _) = await scoped.SendJsonAsync(HttpMethod.Get, $"/api/jobs/{both["jobId"]}");
        var (_, scopedList) = await scoped.SendJsonAsync(HttpMethod.Get, "/api/jobs");

        Assert.Equal(403, viewerDeploy);
        Assert.Equal(403, scopedOutside);
        Assert.Equal(403, scopedPreviewOutside);
        Assert.Equal(400, noKey);
        Assert.Contains("Idempotency-Key", noKeyBody!["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(202, adminStatus);
        Assert.Equal(400, scopedStatus);
        Assert.Contains("templateId", own!["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(200, viewerRead);
        Assert.Equal(403, viewerCancel);
        Assert.Equal(404, scopedRead);
        Assert.Empty(scopedList!["items"]!.AsArray());
    }

    private async Task<byte[]> DownloadReportAsync(Workspace bed, string url)
    {
        using var noRedirect = app.Client(redirects: false);
        noRedirect.DefaultRequestHeaders.Authorization = bed.Admin.DefaultRequestHeaders.Authorization;
        using var response = await noRedirect.GetAsync(url);
        Assert.Equal(302, (int)response.StatusCode);

        // The admin page asks for the same link as JSON (it sends its key in a header, so it cannot follow a redirect).
        using var asJson = new HttpRequestMessage(HttpMethod.Get, url);
        asJson.Headers.Accept.ParseAdd("application/json");
        using var linkResponse = await noRedirect.SendAsync(asJson);
        Assert.Equal(200, (int)linkResponse.StatusCode);
        var link = new Uri(System.Text.Json.Nodes.JsonNode.Parse(await linkResponse.Content.ReadAsStringAsync())!["url"]!.GetValue<string>());

        // Each answer signs a fresh link that starts a little before its own second, so the two links are compared on
        // what they grant (blob, permission, expiry) and both must download the report.
        var redirect = response.Headers.Location!;
        Assert.Equal(redirect.GetLeftPart(UriPartial.Path), link.GetLeftPart(UriPartial.Path));
        Assert.Equal(Grant(redirect), Grant(link));
        using var blob = app.Client();
        var report = await blob.GetByteArrayAsync(redirect);
        Assert.Equal(report, await blob.GetByteArrayAsync(link));
        return report;
    }

    private static string Grant(Uri link)
    {
        var query = System.Web.HttpUtility.ParseQueryString(link.Query);
        return $"sp={query["sp"]}&se={query["se"]}&sr={query["sr"]}";
    }

    /// <summary>The worker keeps real time, so the report's expiry is moved into the past instead of waiting 7 days.</summary>
    private async Task ExpireReportAsync(Workspace bed, string jobId)
    {
        var blob = app.Services.GetRequiredService<BlobServiceClient>().GetBlobContainerClient(ContainerNames.Reports)
            .GetBlobClient($"{bed.Tenant.Value}/jobs/{jobId}/failures.csv");
        await blob.SetMetadataAsync(new Dictionary<string, string> { ["expiresat"] = DateTimeOffset.UnixEpoch.AddYears(40).UtcDateTime.ToString("O") });
    }
}
