using System.Text.Json.Nodes;
using CouponFunctions.App.Tests.Infrastructure;

namespace CouponFunctions.App.Tests.Api.Auth;

/// <summary>
/// Issue 11 D1: which routes a key scoped to some stores may use. Every HTTP function of the app is in the table below
/// (a new route must say where it stands); workspace-wide routes answer 403 to a scoped key whatever its role, the others
/// act on the key's own stores.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class RouteAccessTests(AppHostFixture app)
{
    private enum Access
    {
        Anonymous,
        Store,
        Workspace,
    }

    /// <summary>Every HTTP function: how a scoped admin key reaches it ({store} is the key's own store).</summary>
    private static readonly (string Function, string Method, string Path, object? Body, Access Access)[] Routes =
    [
        ("GetHealth", "GET", "/api/health", null, Access.Anonymous),
        ("CompleteAuthorization", "GET", "/api/oauth/shopee/callback", null, Access.Anonymous),
        ("ServeAdminPage", "GET", "/api/admin/", null, Access.Anonymous),
        ("ProbeDurable", "POST", "/api/health/durable", null, Access.Workspace),
        ("ListKeys", "GET", "/api/keys", null, Access.Workspace),
        ("IssueKey", "POST", "/api/keys", new { name = "sneaky", role = "admin" }, Access.Workspace),
        ("RevokeKey", "DELETE", "/api/keys/k-none", null, Access.Workspace),
        ("GetAlertSettings", "GET", "/api/settings/alerts", null, Access.Workspace),
        ("SaveAlertSettings", "PUT", "/api/settings/alerts", new { recipients = new[] { "attacker@evil.example" } }, Access.Workspace),
        ("ListOutbox", "GET", "/api/outbox", null, Access.Workspace),
        ("GetNotification", "GET", "/api/outbox/digest_none", null, Access.Workspace),
        ("AddStore", "POST", "/api/stores", new { platform = "shopee", site = "SG", shopId = "880300009", displayName = "Not mine" }, Access.Workspace),
        ("GetMe", "GET", "/api/me", null, Access.Store),
        ("ListStores", "GET", "/api/stores", null, Access.Store),
        ("GetStore", "GET", "/api/stores/{store}", null, Access.Store),
        ("UpdateStore", "PATCH", "/api/stores/{store}", new { displayName = "Renamed by scope" }, Access.Store),
        ("DisableStore", "POST", "/api/stores/{store}/disable", null, Access.Store),
        ("EnableStore", "POST", "/api/stores/{store}/enable", null, Access.Store),
        ("RequestSync", "POST", "/api/stores/{store}/sync", null, Access.Store),
        ("ListSyncRuns", "GET", "/api/stores/{store}/sync-runs", null, Access.Store),
        ("ListPlatformFailures", "GET", "/api/stores/{store}/failures", null, Access.Store),
        ("StartAuthorization", "POST", "/api/stores/{store}/authorize", null, Access.Store),
        ("ListCoupons", "GET", "/api/coupons", null, Access.Store),
        ("ExportCoupons", "GET", "/api/coupons/export", null, Access.Store),
        ("GetCoupon", "GET", "/api/coupons/{store}/none", null, Access.Store),
        ("ListFindings", "GET", "/api/findings", null, Access.Store),
        ("GetAttention", "GET", "/api/attention", null, Access.Store),
        ("AcknowledgeFinding", "POST", "/api/findings/acknowledge", new { storeId = "{store}", findingKey = "none" }, Access.Store),
        ("UnacknowledgeFinding", "POST", "/api/findings/unacknowledge", new { storeId = "{store}", findingKey = "none" }, Access.Store),
        ("GetDailyPerformance", "GET", "/api/performance/daily", null, Access.Store),
        ("GetDiagnosis", "GET", "/api/performance/diagnosis", null, Access.Store),
        ("GetReportingSettings", "GET", "/api/performance/settings", null, Access.Store),
        ("SaveReportingSettings", "PUT", "/api/performance/settings", new { currency = "USD" }, Access.Workspace),
        ("ListCustomers", "GET", "/api/customers", null, Access.Store),
        ("GetCustomer", "GET", "/api/customers/none", null, Access.Store),
        ("UpsertCustomer", "POST", "/api/customers", new { externalId = "c-1", storeId = "{store}", email = "a@example.com" }, Access.Store),
        ("PatchCustomer", "PATCH", "/api/customers/none", new { name = "N" }, Access.Store),
        ("DeleteCustomer", "DELETE", "/api/customers/none", null, Access.Store),
        ("ImportCustomers", "POST", "/api/customers/import?storeId={store}", null, Access.Workspace),
        ("GetCustomerImport", "GET", "/api/customers/import/none", null, Access.Store),
        ("ListSegments", "GET", "/api/segments", null, Access.Store),
        ("GetSegment", "GET", "/api/segments/none", null, Access.Store),
        ("ListSegmentMembers", "GET", "/api/segments/none/members", null, Access.Store),
        ("CreateSegment", "POST", "/api/segments", new { name = "Mine", kind = "static" }, Access.Workspace),
        ("ReplaceSegment", "PUT", "/api/segments/none", new { name = "Mine", kind = "static" }, Access.Workspace),
        ("DeleteSegment", "DELETE", "/api/segments/none", null, Access.Workspace),
        ("ChangeSegmentMembers", "POST", "/api/segments/none/members", new { add = new[] { "c-1" } }, Access.Workspace),
        ("ChangeSegmentMembersFromCsv", "POST", "/api/segments/none/members/csv?action=add", null, Access.Workspace),
        ("ScheduleSend", "POST", "/api/sends", null, Access.Store),
        ("PreviewSend", "POST", "/api/sends/preview", null, Access.Store),
        ("ListSends", "GET", "/api/sends", null, Access.Store),
        ("GetSend", "GET", "/api/sends/none", null, Access.Store),
        ("CancelSend", "POST", "/api/sends/none/cancel", null, Access.Store),
        ("GetSendReport", "GET", "/api/sends/none/report", null, Access.Store),
        ("ListSendSlots", "GET", "/api/stores/{store}/send-slots", null, Access.Store),
        ("Unsubscribe", "GET", "/api/unsubscribe", null, Access.Anonymous),
        ("ListTemplates", "GET", "/api/templates", null, Access.Store),
        ("GetTemplate", "GET", "/api/templates/none", null, Access.Store),
        ("AddTemplate", "POST", "/api/templates", new { name = "Scoped" }, Access.Workspace),
        ("UpdateTemplate", "PUT", "/api/templates/none", new { name = "Scoped" }, Access.Workspace),
        ("DeleteTemplate", "DELETE", "/api/templates/none", null, Access.Workspace),
        ("PreviewDeployment", "POST", "/api/deployments/preview", new { templateId = "none", storeIds = new[] { "{store}" } }, Access.Store),
        ("StartDeployment", "POST", "/api/deployments", new { templateId = "none", storeIds = new[] { "{store}" } }, Access.Store),
        ("ListJobs", "GET", "/api/jobs", null, Access.Store),
        ("GetJob", "GET", "/api/jobs/none", null, Access.Store),
        ("CancelJob", "POST", "/api/jobs/none/cancel", null, Access.Store),
        ("AnswerCanary", "POST", "/api/jobs/none/canary", new { approve = false }, Access.Store),
        ("GetFailureReport", "GET", "/api/jobs/none/failure-report", null, Access.Store),
        ("PreviewCouponAction", "POST", "/api/coupons/actions/preview", new { action = new { kind = "endNow" }, coupons = new[] { new { storeId = "{store}", couponId = "none" } } }, Access.Store),
        ("StartCouponAction", "POST", "/api/coupons/actions", new { action = new { kind = "endNow" }, coupons = new[] { new { storeId = "{store}", couponId = "none" } } }, Access.Store),
        ("SetCouponCampaign", "POST", "/api/coupons/campaign", new { campaign = "Payday", coupons = new[] { new { storeId = "{store}", couponId = "none" } } }, Access.Store),
        ("ListCampaigns", "GET", "/api/campaigns", null, Access.Store),
    ];

    [Fact]
    public void AccessTable_EveryHttpFunctionOfTheApp_IsInIt()
    {
        var metadata = JsonNode.Parse(File.ReadAllText(Path.Combine(BuildOutput.Find("CouponFunctions.App", "CouponFunctions.App.dll"), "functions.metadata")))!.AsArray();
        var http = metadata.Where(f => f!["bindings"]![0]!["type"]!.GetValue<string>() == "httpTrigger").Select(f => f!["name"]!.GetValue<string>());

        Assert.Equal(http.Order(), Routes.Select(r => r.Function).Order());
    }

    [Fact]
    public async Task ScopedAdminKey_EveryRoute_WorkspaceWideRoutesAnswer403AndStoreRoutesServeItsStore()
    {
        var bed = await app.NewWorkspaceAsync();
        var store = await bed.Admin.AddStoreAsync("880300001");
        var scoped = app.WithKey(await bed.Admin.IssueKeyAsync("admin", store));

        var wrong = new List<string>();
        foreach (var (function, method, path, body, access) in Routes.Where(r => r.Access != Access.Anonymous))
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{store}", store, StringComparison.Ordinal));
            if (body is not null)
                request.Content = new StringContent(System.Text.Json.JsonSerializer.Serialize(body).Replace("{store}", store, StringComparison.Ordinal), System.Text.Encoding.UTF8, "application/json");
            using var response = await scoped.SendAsync(request);
            var status = (int)response.StatusCode;
            var text = await response.Content.ReadAsStringAsync();
            var ok = access == Access.Workspace
                ? status == 403 && text.Contains("whole workspace", StringComparison.Ordinal)
                : status is not (401 or 403 or >= 500);
            if (!ok) wrong.Add($"{function} ({access}): {status}");
        }

        Assert.Empty(wrong);
        var (_, keys) = await bed.Admin.SendJsonAsync(HttpMethod.Get, "/api/keys");
        Assert.Equal(2, keys!["items"]!.AsArray().Count);
        Assert.Single((await bed.StoresAsync()).Keys);
    }

    [Fact]
    public async Task ScopedAdminKey_ListKeysRevokeAdminAndRedirectDigests_AreForbiddenAndNothingChanges()
    {
        var bed = await app.NewWorkspaceAsync();
        var store = await bed.Admin.AddStoreAsync("880300002");
        await bed.Admin.SendJsonAsync(HttpMethod.Put, "/api/settings/alerts", new { recipients = new[] { "ops@example.com" } });
        var adminKeyId = (await bed.Admin.SendJsonAsync(HttpMethod.Get, "/api/me")).Body!["keyId"]!.GetValue<string>();
        var scoped = app.WithKey(await bed.Admin.IssueKeyAsync("admin", store));

        Assert.Equal(403, (await scoped.SendJsonAsync(HttpMethod.Get, "/api/keys")).Status);
        Assert.Equal(403, (await scoped.SendJsonAsync(HttpMethod.Delete, $"/api/keys/{adminKeyId}")).Status);
        Assert.Equal(403, (await scoped.SendJsonAsync(HttpMethod.Put, "/api/settings/alerts", new { recipients = new[] { "attacker@evil.example" } })).Status);

        Assert.Equal(200, (await bed.Admin.SendJsonAsync(HttpMethod.Get, "/api/keys")).Status);
        var (_, settings) = await bed.Admin.SendJsonAsync(HttpMethod.Get, "/api/settings/alerts");
        Assert.Equal(["ops@example.com"], settings!["recipients"]!.AsArray().Select(r => r!.GetValue<string>()));
    }

    [Fact]
    public async Task UnscopedAdminKey_WorkspaceWideRoutes_AreServed()
    {
        var bed = await app.NewWorkspaceAsync();

        Assert.Equal(200, (await bed.Admin.SendJsonAsync(HttpMethod.Get, "/api/keys")).Status);
        Assert.Equal(200, (await bed.Admin.SendJsonAsync(HttpMethod.Get, "/api/settings/alerts")).Status);
        Assert.Equal(200, (await bed.Admin.SendJsonAsync(HttpMethod.Get, "/api/outbox")).Status);
        Assert.Equal(404, (await bed.Admin.SendJsonAsync(HttpMethod.Delete, "/api/keys/k-none")).Status);
    }

    [Theory]
    [InlineData("viewer,admin")]
    [InlineData("editor,viewer")]
    [InlineData("2")]
    [InlineData("1")]
    [InlineData("Viewer, Admin")]
    [InlineData("superadmin")]
    public async Task IssueKey_FlagsStyleOrNumericRole_Answers400AndIssuesNothing(string role)
    {
        var bed = await app.NewWorkspaceAsync();

        var (status, body) = await bed.Admin.SendJsonAsync(HttpMethod.Post, "/api/keys", new { name = "flags", role });

        Assert.Equal(400, status);
        Assert.Equal(["role"], body.ErrorFields());
        Assert.Single((await bed.Admin.SendJsonAsync(HttpMethod.Get, "/api/keys")).Body!["items"]!.AsArray());
    }

    [Fact]
    public async Task IssueKey_RoleNameInAnyCase_IssuesThatRole()
    {
        var bed = await app.NewWorkspaceAsync();

        var (status, body) = await bed.Admin.SendJsonAsync(HttpMethod.Post, "/api/keys", new { name = "ed", role = "Editor" });

        Assert.Equal(201, status);
        Assert.Equal("editor", body!["details"]!["role"]!.GetValue<string>());
    }
}
