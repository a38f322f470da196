using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Azure.Storage.Queues;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace CouponFunctions.Benchmarks.Operations;

/// <summary>
/// The real handler app on Kestrel at a free loopback port (standalone mode, trigger runner off): the benchmark plays the
/// Functions host, posting the same payloads to /{FunctionName}, and calls the HTTP API like an operator.
/// NOT YET PORTED: the app is now an isolated-worker Functions app that only runs under a Functions host (the local host
/// in tools/CouponFunctions.LocalHost); <see cref="StartAsync"/> says so until B1/B4/B5 drive it through that host.
/// </summary>
internal sealed class HandlerHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private HandlerHost(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
        Http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { BaseAddress = address, Timeout = TimeSpan.FromMinutes(10) };
    }

    public Uri Address { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<HandlerHost> StartAsync(string storage, IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken)
    {
        var args = new Dictionary<string, string>(settings)
        {
            ["urls"] = "http://127.0.0.1:0",
            ["FunctionApp:RootPath"] = RepositoryRoot(),
            ["CouponStorage"] = storage,
            ["Security:EncryptionKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            ["Runner:Enabled"] = "false",
            ["Bootstrap:Enabled"] = "false",
            ["Sandbox:Enabled"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        _ = args;
        await Task.CompletedTask;
        WebApplication app = PortPending();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new HandlerHost(app, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>POST /{function} with a queue-trigger payload, as the host delivers a message.</summary>
    public Task<int> DeliverAsync(string function, object message, CancellationToken cancellationToken) =>
        DeliverTextAsync(function, JsonSerializer.Serialize(message, Core.Common.MessageJson.Options), cancellationToken);

    /// <summary>POST /{function} with a timer-trigger payload, as the host fires a timer.</summary>
    public async Task<int> FireTimerAsync(string function, CancellationToken cancellationToken)
    {
        var payload = new { Data = new { timer = new { Schedule = new { AdjustForDST = true }, IsPastDue = false } }, Metadata = new { } };
        using var response = await Http.PostAsJsonAsync(function, payload, cancellationToken);
        return (int)response.StatusCode;
    }

    /// <summary>
    /// Plays the host's queue trigger: keeps up to <paramref name="inFlight"/> messages of the queue running through
    /// /{function}, deleting each on success, until the queue is empty; returns how many were delivered.
    /// </summary>
    public async Task<int> DrainAsync(string queueName, string function, int inFlight, CancellationToken cancellationToken)
    {
        var queue = Services.GetRequiredService<QueueServiceClient>().GetQueueClient(queueName);
        using var gate = new SemaphoreSlim(inFlight);
        var running = new List<Task>();
        var delivered = 0;
        while (true)
        {
            var messages = (await queue.ReceiveMessagesAsync(32, TimeSpan.FromMinutes(10), cancellationToken)).Value;
            if (messages.Length == 0)
            {
                if (running.All(t => t.IsCompleted)) break;
                await Task.WhenAny(running.Where(t => !t.IsCompleted));
                continue;
            }
            foreach (var message in messages)
            {
                await gate.WaitAsync(cancellationToken);
                delivered++;
                running.Add(Task.Run(async () =>
                {
                    try
                    {
                        var status = await DeliverTextAsync(function, message.Body.ToString(), cancellationToken);
                        if (status != 200) throw new InvalidOperationException($"{function} answered {status}.");
                        await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken);
                    }
                    finally
                    {
                        gate.Release();
                    }
                }, cancellationToken));
            }
        }
        await Task.WhenAll(running);
        return delivered;
    }

    private async Task<int> DeliverTextAsync(string function, string text, CancellationToken cancellationToken)
    {
        var payload = new { Data = new { message = JsonSerializer.Serialize(text) }, Metadata = new { DequeueCount = "1" } };
        using var response = await Http.PostAsJsonAsync(function, payload, cancellationToken);
        return (int)response.StatusCode;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static WebApplication PortPending() => throw new NotSupportedException(
        "B1/B4/B5 still host the retired custom-handler app in-process; they must be ported to the local Functions host " +
        "(tests/CouponFunctions.Testing LocalFunctionHost) with the isolated-worker app.");

    private static string RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "host.json")) && Directory.Exists(Path.Combine(dir.FullName, "functions"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("Run the benchmark from the repository (host.json and functions/ are needed).");
    }
}
