using CouponFunctions.App.Api;
using CouponFunctions.App.Auth;
using CouponFunctions.App.Startup;
using CouponFunctions.Platforms;
using CouponFunctions.Storage;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Azure.Functions.Worker.Builder;

// `dotnet CouponFunctions.App.dll tenant create NAME`: the admin verb (scripts/tenant.sh), not the worker.
if (TenantCommand.IsCommand(args)) return await TenantCommand.RunAsync(args, Console.Out, Console.Error);

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
// The Functions host in front limits request bodies (100 MB in Azure); the worker's own HTTP server must not refuse them at
// Kestrel's 30 MB default, or a customer import of 1,000,000 rows (about 90 MB, streamed) fails in Azure as here.
builder.Services.Configure<KestrelServerOptions>(k => k.Limits.MaxRequestBodySize = null);
builder.UseMiddleware<ServerTimingMiddleware>();
builder.UseMiddleware<HttpResultMiddleware>();
builder.UseMiddleware<ApiKeyMiddleware>();

builder.Services.AddCouponStorage(builder.Configuration);
builder.Services.AddPlatformConnectors(builder.Configuration);
builder.Services.AddCouponCore(builder.Configuration);
builder.Services.AddCouponApp(builder.Configuration);

builder.Build().Run();
return 0;
