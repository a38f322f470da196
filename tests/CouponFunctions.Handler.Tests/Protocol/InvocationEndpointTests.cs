using System.Text.Json;
using CouponFunctions.Handler.Tests.Infrastructure;
using CouponFunctions.Testing;

namespace CouponFunctions.Handler.Tests.Protocol;

/// <summary>POSTs what the Functions host posts (timer, queue, http payloads) and checks delegation and answers.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class InvocationEndpointTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private HandlerFactory _factory = null!;
    private HttpClient _client = null!;

    public Task InitializeAsync()
    {
        _factory = new HandlerFactory(azurite);
        _client = _factory.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task GetRoot_HostReadinessProbe_Answers200()
    {
        var response = await _client.GetAsync("/");

        Assert.Equal(200, (int)response.StatusCode);
    }

    [Fact]
    public async Task PostTimer_HostPayload_RunsTimerWithItsStatus()
    {
        var (status, body) = await Payloads.InvokeAsync(_client, "TestTimer", new
        {
            Data = new
            {
                myTimer = new
                {
                    Schedule = new { AdjustForDST = true },
                    ScheduleStatus = new { Last = "2026-11-21T00:45:00Z", Next = "2026-11-21T01:00:00Z", LastUpdated = "2026-11-21T00:45:00Z" },
                    IsPastDue = true,
                },
            },
            Metadata = new { sys = Payloads.Sys("TestTimer") },
        });

        Assert.Equal(200, status);
        Assert.NotNull(body["Outputs"]);
        Assert.NotNull(body["Logs"]);
        Assert.True(body.AsObject().ContainsKey("ReturnValue"));
        var timer = Assert.Single(_factory.Log.Timers);
        Assert.True(timer.IsPastDue);
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 1, 0, 0, TimeSpan.Zero), timer.Next);
    }

    [Theory]
    [InlineData("double-encoded")]
    [InlineData("plain-text")]
    [InlineData("object")]
    public async Task PostQueue_EachEncodingTheHostMaySend_DeliversTheMessage(string encoding)
    {
        const string text = "{\"id\":\"w-1\"}";
        object data = encoding switch
        {
            "double-encoded" => Payloads.DoubleEncoded(text),
            "plain-text" => text,
            _ => new { id = "w-1" },
        };

        var (status, _) = await Payloads.InvokeAsync(_client, "TestQueue", new
        {
            Data = new Dictionary<string, object> { ["work"] = data },
            Metadata = new Dictionary<string, object> { ["DequeueCount"] = "2", ["Id"] = Payloads.DoubleEncoded("m-1"), ["sys"] = Payloads.Sys("TestQueue") },
        });

        Assert.Equal(200, status);
        var (work, dequeueCount) = Assert.Single(_factory.Log.Work);
        Assert.Equal("w-1", work.Id);
        Assert.Equal(2, dequeueCount);
    }

    [Fact]
    public async Task PostQueue_FunctionThrows_AnswersNon2xxSoTheHostRetries()
    {
        var (status, body) = await Payloads.InvokeAsync(_client, "TestQueue", new
        {
            Data = new { work = Payloads.DoubleEncoded("{\"id\":\"w-2\",\"fail\":true}") },
            Metadata = new { DequeueCount = 1 },
        });

        Assert.Equal(500, status);
        Assert.Contains(body["Logs"]!.AsArray(), l => l!.GetValue<string>().Contains("fails on purpose", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PostQueue_MessageIsNotJson_AnswersBadRequestWithoutRunning()
    {
        var (status, _) = await Payloads.InvokeAsync(_client, "TestQueue", new { Data = new { work = "not json" }, Metadata = new { } });

        Assert.Equal(400, status);
        Assert.Empty(_factory.Log.Work);
    }

    [Fact]
    public async Task PostUnknownFunction_Answers404()
    {
        var (status, _) = await Payloads.InvokeAsync(_client, "NoSuchFunction", new { Data = new { }, Metadata = new { } });

        Assert.Equal(404, status);
    }

    [Fact]
    public async Task PostHttp_PayloadMode_ServesTheApiRouteAndPacksTheResponse()
    {
        var (status, body) = await Payloads.InvokeAsync(_client, "TestHttp", new
        {
            Data = new
            {
                req = new
                {
                    Url = "https://coupons.example.net/api/health",
                    Method = "GET",
                    Query = new { },
                    Headers = new Dictionary<string, string[]> { ["Accept"] = ["application/json"] },
                    Params = new { path = "health" },
                },
            },
            Metadata = new { sys = Payloads.Sys("TestHttp") },
        });

        Assert.Equal(200, status);
        var res = body["Outputs"]!["res"]!;
        Assert.Equal("200", res["statusCode"]!.GetValue<string>());
        using var health = JsonDocument.Parse(res["body"]!.GetValue<string>());
        Assert.Equal("healthy", health.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task PostHttp_PayloadModeWithoutKey_PacksThe401()
    {
        var (status, body) = await Payloads.InvokeAsync(_client, "TestHttp", new
        {
            Data = new { req = new { Url = "https://coupons.example.net/api/stores", Method = "POST", Headers = new { }, Body = "{}" } },
            Metadata = new { },
        });

        Assert.Equal(200, status);
        Assert.Equal("401", body["Outputs"]!["res"]!["statusCode"]!.GetValue<string>());
    }
}
