using CouponFunctions.App.Auth;
using CouponFunctions.App.Startup;
using CouponFunctions.Platforms;
using CouponFunctions.Storage;
using Microsoft.Azure.Functions.Worker.Builder;

var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.UseMiddleware<ApiKeyMiddleware>();

builder.Services.AddCouponStorage(builder.Configuration);
builder.Services.AddPlatformConnectors(builder.Configuration);
builder.Services.AddCouponCore(builder.Configuration);
builder.Services.AddCouponApp(builder.Configuration);

builder.Build().Run();
