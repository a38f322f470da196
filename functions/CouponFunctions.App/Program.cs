using CouponFunctions.App.Api;
using CouponFunctions.App.Auth;
using CouponFunctions.App.Startup;
using CouponFunctions.Platforms;
using CouponFunctions.Storage;
using Microsoft.Azure.Functions.Worker.Builder;

// `dotnet CouponFunctions.App.dll tenant create NAME`: the admin verb (scripts/tenant.sh), not the worker.
if (TenantCommand.IsCommand(args)) return await TenantCommand.RunAsync(args, Console.Out, Console.Error);

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<ServerTimingMiddleware>();
builder.UseMiddleware<ApiKeyMiddleware>();

builder.Services.AddCouponStorage(builder.Configuration);
builder.Services.AddPlatformConnectors(builder.Configuration);
builder.Services.AddCouponCore(builder.Configuration);
builder.Services.AddCouponApp(builder.Configuration);

builder.Build().Run();
return 0;
