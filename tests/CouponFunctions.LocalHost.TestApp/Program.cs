using CouponFunctions.LocalHost.TestApp;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
// The worker's own HTTP server would refuse bodies over Kestrel's 30 MB default; the host in front enforces the limit.
builder.Services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(k => k.Limits.MaxRequestBodySize = null);
builder.Services.AddSingleton(_ => Recorder.FromConfiguration(builder.Configuration));
builder.Build().Run();
