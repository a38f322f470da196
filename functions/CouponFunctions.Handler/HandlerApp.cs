using CouponFunctions.Handler.Api.Auth;
using CouponFunctions.Handler.Api.Coupons;
using CouponFunctions.Handler.Api.Findings;
using CouponFunctions.Handler.Api.Outbox;
using CouponFunctions.Handler.Api.Settings;
using CouponFunctions.Handler.Api.Health;
using CouponFunctions.Handler.Api.Keys;
using CouponFunctions.Handler.Api.Stores;
using CouponFunctions.Handler.Hosting;
using CouponFunctions.Handler.Protocol;
using CouponFunctions.Handler.Standalone;
using CouponFunctions.Handler.Startup;
using CouponFunctions.Platforms;
using CouponFunctions.Sandbox;
using CouponFunctions.Sandbox.Demo;
using CouponFunctions.Storage;
using Microsoft.Extensions.FileProviders;

namespace CouponFunctions.Handler;

/// <summary>Builds the one ASP.NET Core server that serves the Functions host (custom handler) or runs standalone.</summary>
internal static class HandlerApp
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        var layout = FunctionAppLayout.Locate(
            builder.Configuration["FunctionApp:RootPath"], Environment.GetEnvironmentVariable("FUNCTIONS_APP_ROOT_PATH"), builder.Environment.ContentRootPath);
        AddLocalSettings(builder.Configuration, Path.Combine(Path.GetDirectoryName(layout.HostJsonPath)!, "local.settings.json"));

        var mode = HandlerMode.From(builder.Configuration);
        if (mode.IsCustomHandler) builder.WebHost.UseUrls($"http://127.0.0.1:{mode.Port}");
        else if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
            builder.WebHost.UseUrls(builder.Configuration["Standalone:Url"] ?? "http://127.0.0.1:7071");

        var definition = FunctionAppLoader.Load(layout.HostJsonPath, layout.FunctionsDirectory, key => builder.Configuration[key]);
        AddServices(builder, mode, definition);

        var app = builder.Build();
        MapEndpoints(app, mode);
        return app;
    }

    private static void AddLocalSettings(ConfigurationManager configuration, string path)
    {
        // Lowest precedence after appsettings: environment variables and the command line still win.
        var values = LocalSettingsConfiguration.Read(path).ToList();
        if (values.Count == 0) return;
        var source = new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource { InitialData = values };
        var index = configuration.Sources.ToList().FindLastIndex(s => s is Microsoft.Extensions.Configuration.Json.JsonConfigurationSource);
        configuration.Sources.Insert(index + 1, source);
    }

    private static void AddServices(WebApplicationBuilder builder, HandlerMode mode, FunctionAppDefinition definition)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(mode);
        services.AddSingleton(definition);
        services.AddProblemDetails();

        services.AddCouponStorage(builder.Configuration);
        services.AddPlatformConnectors(builder.Configuration);

        var standaloneUrl = builder.Configuration["urls"]?.Split(';')[0] ?? builder.Configuration["Standalone:Url"] ?? "http://127.0.0.1:7071";
        services.AddCouponCore(builder.Configuration, $"{standaloneUrl.TrimEnd('/')}/admin/");

        services.AddSingleton<ApiKeyAuthenticator>();
        services.AddSingleton<ApiKeyFilter>();
        services.AddSingleton<HttpPayloadBridge>();
        services.AddSingleton<FunctionDispatcher>();
        services.AddSingleton<LocalBootstrap>();
        services.AddHostedService<StartupTasks>();

        if (mode.IsStandalone)
        {
            if (builder.Configuration.GetValue("Sandbox:Enabled", false))
            {
                services.AddPlatformSandboxes();
                if (builder.Configuration.GetValue("Sandbox:Demo:Enabled", true))
                {
                    services.AddSandboxDemo(o => builder.Configuration.GetSection("Sandbox:Demo").Bind(o));
                    services.AddSingleton<DemoStores>();
                }
            }
            services.AddSingleton<IScheduleMonitor, TableScheduleMonitor>();
            if (builder.Configuration.GetValue("Runner:Enabled", true)) services.AddHostedService<TriggerRunner>();
        }
    }

    private static void MapEndpoints(WebApplication app, HandlerMode mode)
    {
        // Capture everything after this point (routing included) for HTTP triggers that arrive in payload mode.
        app.Use(next =>
        {
            app.Services.GetRequiredService<HttpPayloadBridge>().Attach(next);
            return next;
        });
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        UseAdminPage(app);
        app.UseRouting();

        app.MapGet("/", () => Results.Text("CouponFunctions handler")).ExcludeFromDescription();
        app.MapPost("/{functionName:regex(^[A-Za-z][A-Za-z0-9_]*$)}", async (string functionName, HttpRequest request, FunctionDispatcher dispatcher, CancellationToken ct) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body, ct);
            var outcome = await dispatcher.InvokeAsync(functionName, body.ToArray(), request.Headers["X-Azure-Functions-InvocationId"].FirstOrDefault(), ct);
            return Results.Json(outcome.Result, statusCode: outcome.StatusCode);
        }).ExcludeFromDescription();

        app.MapHealth();
        app.MapOAuthCallback();
        var api = app.MapGroup("/api").AddEndpointFilter<ApiKeyFilter>();
        api.MapApiKeys();
        api.MapStores(app.Services.GetRequiredService<TimeProvider>());
        api.MapStoreAuthorization();
        api.MapCoupons(app.Services.GetRequiredService<TimeProvider>());
        api.MapFindings();
        api.MapAlertSettings();
        api.MapOutbox();

        if (mode.IsStandalone && app.Configuration.GetValue("Sandbox:Enabled", false)) app.MapPlatformSandboxes("/sandbox");
    }

    /// <summary>The admin page at /admin (standalone) and /api/admin (what the Functions host forwards in Azure).</summary>
    private static void UseAdminPage(WebApplication app)
    {
        // The content root's wwwroot when run from the project (dotnet run, tests); the copy beside the binary when published.
        var root = new[] { app.Environment.WebRootPath, Path.Combine(AppContext.BaseDirectory, "wwwroot") }
            .OfType<string>()
            .Select(r => Path.Combine(r, "admin"))
            .FirstOrDefault(Directory.Exists)
            ?? throw new DirectoryNotFoundException("The admin page (wwwroot/admin) is missing from the content root and the app folder.");
        var files = new PhysicalFileProvider(root);
        foreach (var path in new[] { "/admin", "/api/admin" })
        {
            // Routes ignore a trailing slash, so the bare path is redirected here, before routing, to keep relative URLs right.
            app.Use((http, next) =>
            {
                if (!http.Request.Path.Value!.Equals(path, StringComparison.OrdinalIgnoreCase)) return next(http);
                http.Response.Redirect($"{http.Request.PathBase}{path}/");
                return Task.CompletedTask;
            });
            app.UseDefaultFiles(new DefaultFilesOptions { RequestPath = path, FileProvider = files });
            app.UseStaticFiles(new StaticFileOptions { RequestPath = path, FileProvider = files });
        }
    }
}
