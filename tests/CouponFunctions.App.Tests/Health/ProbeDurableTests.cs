using CouponFunctions.App.Tests.Infrastructure;

namespace CouponFunctions.App.Tests.Health;

/// <summary>POST /api/health/durable: a real orchestration (ProbeStorageOrchestration) through the local host's Durable engine.</summary>
[Collection(AppCollection.Name)]
public sealed class ProbeDurableTests(AppHostFixture app)
{
    [Fact]
    public async Task ProbeDurable_AdminKey_RunsTheOrchestrationToItsStorageResult()
    {
        var (_, key) = await app.NewTenantAsync();

        var (status, body) = await app.WithKey(key).SendJsonAsync(HttpMethod.Post, "/api/health/durable");

        Assert.Equal(200, status);
        Assert.Equal("completed", body!["status"]!.GetValue<string>());
        Assert.True(body["result"]!["healthy"]!.GetValue<bool>());
        Assert.Empty(body["result"]!["failed"]!.AsArray());
        Assert.False(string.IsNullOrEmpty(body["instanceId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task ProbeDurable_ViewerKey_Answers403WithoutStartingAnything()
    {
        var (_, admin) = await app.NewTenantAsync();
        var viewer = await app.WithKey(admin).IssueKeyAsync("viewer");

        var (status, body) = await app.WithKey(viewer).SendJsonAsync(HttpMethod.Post, "/api/health/durable");

        Assert.Equal(403, status);
        Assert.Contains("admin", body!["detail"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
