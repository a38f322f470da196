using System.Security.Cryptography;
using CouponFunctions.Handler.Protocol;
using CouponFunctions.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CouponFunctions.Handler.Tests.Infrastructure;

/// <summary>
/// Hosts the handler in-process against the shared Azurite. By default on the test function app (TestFunctionApp/:
/// host.json and function.json files of the test project's own); with <see cref="RealApp"/> on the app's own definitions.
/// </summary>
internal sealed class HandlerFactory(AzuriteFixture azurite, bool runner = false, IDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    public string QueueName { get; } = azurite.UniqueName("work");

    public InvocationLog Log { get; } = new();

    public string TimerSchedule { get; init; } = "0 0 0 1 1 *";

    /// <summary>Serve the real functions (host.json and functions/*/function.json of the repository).</summary>
    public bool RealApp { get; init; }

    /// <summary>The app's clock (the sandboxes share it, so signatures and "now" agree).</summary>
    public TimeProvider? Clock { get; init; }

    public Action<IServiceCollection>? ConfigureTestServices { get; init; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("FunctionApp:RootPath", Path.Combine(AppContext.BaseDirectory, RealApp ? "RealFunctionApp" : "TestFunctionApp"));
        builder.UseSetting("CouponStorage", azurite.ConnectionString);
        builder.UseSetting("Security:EncryptionKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        builder.UseSetting("Runner:Enabled", runner ? "true" : "false");
        builder.UseSetting("Bootstrap:Enabled", "false");
        builder.UseSetting("Admin:PublicUrl", "https://coupons.example.net/admin/");
        builder.UseSetting("TestTimer:Schedule", TimerSchedule);
        builder.UseSetting("TestQueue:Name", QueueName);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>()) builder.UseSetting(key, value);
        builder.ConfigureServices(services =>
        {
            services.AddSingleton(Log);
            services.AddFunction<TestTimerFunction>("TestTimer");
            services.AddFunction<TestQueueFunction>("TestQueue");
            if (Clock is not null) services.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock));
            ConfigureTestServices?.Invoke(services);
        });
    }
}
