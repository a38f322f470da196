using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CouponFunctions.Testing;

namespace CouponFunctions.LocalHost.Tests;

/// <summary>HTTP through the host to the real worker: route values, constraints, catch-all, failures, and nothing but HTTP functions reachable.</summary>
[Collection(HostCollection.Name)]
public sealed class HttpTriggerTests(AzuriteFixture storage)
{
    [Fact]
    public async Task Get_RouteWithConstraintAndCatchAll_BindsRouteValuesInTheFunction()
    {
        await using var app = await TestAppHost.StartAsync(storage, "http-route");

        var response = await app.Host.Client.GetAsync("api/items/42/a/b/c?q=hello");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(42, body.GetProperty("id").GetInt32());
        Assert.Equal("a/b/c", body.GetProperty("rest").GetString());
        Assert.Equal("hello", body.GetProperty("query").GetString());
        Assert.Equal("GET", body.GetProperty("method").GetString());
    }

    [Fact]
    public async Task Post_BodyOverKestrelsDefault30MB_ReachesTheFunctionWhole()
    {
        await using var app = await TestAppHost.StartAsync(storage, "http-large");
        var body = new byte[40 * 1024 * 1024];

        var response = await app.Host.Client.PostAsync("api/length", new ByteArrayContent(body));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(body.Length, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("length").GetInt64());
    }

    [Fact]
    public async Task Post_WithBody_ForwardsMethodAndAnswer()
    {
        await using var app = await TestAppHost.StartAsync(storage, "http-post");

        var response = await app.Host.Client.PostAsync("api/items/7/x", new StringContent("{\"a\":1}", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("POST", body.GetProperty("method").GetString());
        Assert.Equal(7, body.GetProperty("id").GetInt32());
    }

    [Fact]
    public async Task Get_ConstraintNotMet_Returns404()
    {
        await using var app = await TestAppHost.StartAsync(storage, "http-constraint");

        var response = await app.Host.Client.GetAsync("api/items/not-a-number/x");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Get_FunctionThrows_Returns500EvenThoughTheWorkerAnswered200()
    {
        await using var app = await TestAppHost.StartAsync(storage, "http-fail");

        var response = await app.Host.Client.GetAsync("api/fail");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("This function always fails.", app.Host.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Requests_NonHttpFunctionsAndAdminInvoke_AreNotReachable()
    {
        await using var app = await TestAppHost.StartAsync(storage, "http-admin");

        var status = await app.Host.Client.GetFromJsonAsync<JsonElement>("admin/host/status");
        var adminInvoke = await app.Host.Client.PostAsync("admin/functions/Tick", new StringContent("{}"));
        var byName = await app.Host.Client.GetAsync("api/Work");
        var wrongMethod = await app.Host.Client.DeleteAsync("api/fail");

        Assert.Equal("Running", status.GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.NotFound, adminInvoke.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byName.StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, wrongMethod.StatusCode);
    }
}
