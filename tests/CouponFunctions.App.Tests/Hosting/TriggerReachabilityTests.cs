using System.Text;
using System.Text.RegularExpressions;
using CouponFunctions.App.Tests.Infrastructure;

namespace CouponFunctions.App.Tests.Hosting;

/// <summary>
/// Issue 11 D6: over HTTP only the API's own routes reach the worker. Timer and queue functions cannot be started by a
/// request (no key needed to try), under their names, the host's admin invoke path or the Durable webhooks.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class TriggerReachabilityTests(AppHostFixture app)
{
    private static readonly string[] NonHttpFunctions = ["SyncCoupons", "InspectCoupons", "RefreshTokens", "SyncStore", "InspectTenant", "RefreshStoreToken"];

    [Fact]
    public async Task Post_TriggerNamesAndAdminInvokePaths_Answer404AndRunNothing()
    {
        var (tenant, _) = await app.NewTenantAsync();
        var before = NonHttpFunctions.ToDictionary(f => f, Runs);
        var body = $$"""{"tenantId":"{{tenant.Value}}","dueAt":"{{TimeProvider.System.GetUtcNow():O}}","storeIds":[],"input":""}""";
        string[] paths =
        [
            .. NonHttpFunctions.SelectMany(f => new[] { $"/{f}", $"/api/{f}", $"/admin/functions/{f}", $"/admin/functions/{f.ToLowerInvariant()}" }),
            "/runtime/webhooks/durabletask/orchestrators/ProbeStorageOrchestration",
            "/api/ProbeStorageOrchestration",
            "/api/ProbeStorageActivity",
        ];
        using var client = app.Client();

        var answers = new List<string>();
        foreach (var path in paths)
        {
            using var response = await client.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));
            if ((int)response.StatusCode != 404) answers.Add($"{path}: {(int)response.StatusCode}");
        }

        Assert.Empty(answers);
        Assert.Equal(before, NonHttpFunctions.ToDictionary(f => f, Runs));
    }

    private int Runs(string function) => Regex.Count(app.Host.Output, $"Executed '{function}'");
}
