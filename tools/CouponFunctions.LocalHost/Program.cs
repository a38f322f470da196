using System.Net;
using CouponFunctions.LocalHost;
using CouponFunctions.LocalHost.Configuration;
using CouponFunctions.LocalHost.Http;
using CouponFunctions.LocalHost.Queues;
using CouponFunctions.LocalHost.Timers;
using CouponFunctions.LocalHost.Worker;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;

// The local Functions host: see README.md. Two servers in one process: gRPC on a free loopback port for the worker (and the
// Durable client), and the app's HTTP address for users.
var arguments = HostArguments.Parse(args, Console.Error);
if (arguments is null) return 2;

ScriptRoot root;
try
{
    root = ScriptRoot.Load(arguments.ScriptRoot);
}
catch (InvalidOperationException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

var endpoint = new GrpcEndpoint();
var appAddress = new AppAddress(arguments.Port);
var grpcBuilder = WebApplication.CreateSlimBuilder();
HostComposition.ConfigureLogging(grpcBuilder);
grpcBuilder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http2));
grpcBuilder.Services.AddSingleton<Microsoft.Extensions.Hosting.IHostLifetime, ManualLifetime>();
grpcBuilder.Services.AddGrpc(o => o.MaxReceiveMessageSize = o.MaxSendMessageSize = null);
HostComposition.AddShared(grpcBuilder.Services, root, endpoint, appAddress);
HostComposition.AddDurableClientEndpoint(grpcBuilder.Services);
await using var grpcApp = grpcBuilder.Build();
grpcApp.MapGrpcService<FunctionRpcService>();
HostComposition.MapGrpc(grpcApp);
await grpcApp.StartAsync();
endpoint.Listening(new Uri(grpcApp.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()));

var builder = WebApplication.CreateSlimBuilder();
HostComposition.ConfigureLogging(builder);
builder.WebHost.ConfigureKestrel(k =>
{
    k.Listen(IPAddress.Loopback, arguments.Port);
    // Azure's Functions host takes request bodies up to 100 MB (FUNCTIONS_REQUEST_BODY_SIZE_LIMIT), not Kestrel's 30 MB:
    // a customer import of 1,000,000 rows is about 90 MB.
    k.Limits.MaxRequestBodySize = long.TryParse(Environment.GetEnvironmentVariable("FUNCTIONS_REQUEST_BODY_SIZE_LIMIT"), out var limit) && limit > 0 ? limit : 104_857_600;
});
builder.Services.AddRouting();
HostComposition.AddShared(builder.Services, root, endpoint, appAddress, grpcApp.Services);
builder.Services.AddSingleton<HttpForwarder>();
builder.Services.AddSingleton<FunctionEndpointDataSource>();
// Stopped in reverse order: the listeners first, the worker (WorkerTerminate) last.
builder.Services.AddHostedService<WorkerProcess>();
builder.Services.AddHostedService<TimerTriggerListener>();
builder.Services.AddHostedService<QueueTriggerListener>();
HostComposition.AddDurable(builder.Services);
await using var app = builder.Build();
var channel = app.Services.GetRequiredService<WorkerChannel>();
app.UseRouting();
app.MapGet("/admin/host/status", () => channel.IsReady && channel.FirstLoad.IsCompletedSuccessfully
    ? Results.Json(new { state = "Running" })
    : Results.Json(new { state = "Initializing" }, statusCode: StatusCodes.Status503ServiceUnavailable));
((IEndpointRouteBuilder)app).DataSources.Add(app.Services.GetRequiredService<FunctionEndpointDataSource>());

await app.StartAsync();
var lifetime = app.Lifetime;
try
{
    await channel.FirstLoad.WaitAsync(lifetime.ApplicationStopping);
    await app.Services.GetRequiredService<CouponFunctions.LocalHost.Durable.DurableWorker>().Ready.WaitAsync(lifetime.ApplicationStopping);
    Console.Out.WriteLine($"Host started: http://127.0.0.1:{arguments.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
    Console.Out.Flush();
}
catch (OperationCanceledException)
{
    // Stopped before the worker was ready.
}
catch (Exception ex) when (ex is InvalidOperationException or Azure.RequestFailedException)
{
    Console.Error.WriteLine($"The host did not start: {ex.Message}");
    await app.StopAsync();
    await grpcApp.StopAsync();
    return 1;
}

await app.WaitForShutdownAsync();
await grpcApp.StopAsync();
return 0;
