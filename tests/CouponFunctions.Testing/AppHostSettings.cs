using System.Globalization;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Sandbox.Common;
using CouponFunctions.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CouponFunctions.Testing;

/// <summary>The Shopee partner (and optionally the Lazada app) the sandboxes know and the worker's connectors sign with.</summary>
public sealed record SandboxPartners(long ShopeePartnerId, string ShopeePartnerKey, string? LazadaKey = null, string? LazadaSecret = null);

/// <summary>
/// What tests and benchmarks need to run the real app under the local host: the worker's settings (storage, sandboxes on
/// loopback, timers that never fire unless asked), this process's Storage and Core services over the same storage (for
/// bootstrapping tenants and reading tables) and the wait until the app answers.
/// </summary>
public static class AppHostSettings
{
    /// <summary>Never within a run: the yearly NCRONTAB occurrence at 00:00:00 on 1 January.</summary>
    public const string Never = "0 0 0 1 1 *";

    /// <summary>
    /// Everything the worker reads (a developer's local.settings.json copied into the app's output must not change what
    /// runs): <paramref name="storage"/> for both connections, the connectors pointed at <paramref name="sandbox"/>, no
    /// timer firing, notifications to the outbox. <paramref name="hostId"/> keeps each host's timer schedule status apart.
    /// </summary>
    public static Dictionary<string, string> For(string storage, SandboxHost sandbox, SandboxPartners partners, string hostId, string? adminPublicUrl = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated",
            ["AzureWebJobsStorage"] = storage,
            ["CouponStorage"] = storage,
            ["Security__EncryptionKey"] = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            ["SyncCouponsSchedule"] = Never,
            ["InspectCouponsSchedule"] = Never,
            ["RefreshTokensSchedule"] = Never,
            ["StartDueSendsSchedule"] = Never,
            ["Bootstrap__Enabled"] = "false",
            ["Sandbox__Enabled"] = "false",
            ["Notifications__Sink"] = "outbox",
            ["Auth__KeyCacheSeconds"] = "0",
            ["Sync__SpreadWindow"] = "00:00:00",
            // Detail reads only where sync must read (new, changed, upcoming): the slow refresh's slots would make call
            // counts depend on the hour a run happens.
            ["Sync__DetailRefreshInterval"] = "3650.00:00:00",
            ["Platforms__Shopee__BaseUrl"] = sandbox.BaseUrl(Platform.Shopee).ToString(),
            ["Platforms__Shopee__PartnerId"] = partners.ShopeePartnerId.ToString(CultureInfo.InvariantCulture),
            ["Platforms__Shopee__PartnerKey"] = partners.ShopeePartnerKey,
            ["Platforms__Shopee__AppQps"] = "1000",
            ["Platforms__Shopee__ShopQps"] = "1000",
            ["Platforms__Shopee__MaxRetries"] = "2",
            ["Platforms__Shopee__RetryBaseDelay"] = "00:00:00.010",
            ["Platforms__Shopee__Timeout"] = "00:00:05",
            // Poll the queues often: callers wait for queue work, and an idle host backs off to this interval.
            ["AzureFunctionsJobHost__extensions__queues__maxPollingInterval"] = "00:00:00.500",
            ["Logging__LogLevel__Default"] = "Information",
            ["AzureFunctionsWebHost__hostid"] = hostId,
        };
        if (adminPublicUrl is not null) settings["Admin__PublicUrl"] = adminPublicUrl;
        if (partners is { LazadaKey: { } key, LazadaSecret: { } secret })
        {
            var lazada = $"{sandbox.BaseAddress.ToString().TrimEnd('/')}/sandbox/lazada";
            settings["Platforms__Lazada__AppKey"] = key;
            settings["Platforms__Lazada__AppSecret"] = secret;
            settings["Platforms__Lazada__UseBaseUrlForAllSites"] = "true";
            settings["Platforms__Lazada__BaseUrl"] = $"{lazada}/rest";
            settings["Platforms__Lazada__AuthBaseUrl"] = $"{lazada}/rest";
            settings["Platforms__Lazada__AuthorizeUrl"] = $"{lazada}/oauth/authorize";
        }

        return settings;
    }

    /// <summary>This process's Storage services (and <see cref="BootstrapTenantHandler"/>) over the worker's <paramref name="settings"/>.</summary>
    public static ServiceProvider StorageServices(IReadOnlyDictionary<string, string> settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key.Replace("__", ":", StringComparison.Ordinal), s.Value)))
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddCouponStorage(configuration);
        services.AddSingleton<BootstrapTenantHandler>();
        return services.BuildServiceProvider();
    }

    /// <summary>A new tenant with an admin key, bootstrapped the way the product does it.</summary>
    public static async Task<(TenantId Tenant, string AdminKey)> NewTenantAsync(IServiceProvider services, TenantId tenant, string name)
    {
        var outcome = await services.GetRequiredService<BootstrapTenantHandler>().HandleAsync(tenant, name, issueKey: true);
        return (tenant, outcome.IssuedKey!.Text);
    }

    /// <summary>Waits (bounded) until GET /api/health answers; throws with the host's output if it never does.</summary>
    public static async Task WaitUntilHealthyAsync(LocalFunctionHost host, int seconds = 120)
    {
        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = host.BaseUrl };
        var healthy = await Eventually.TrueAsync(async () =>
        {
            try
            {
                using var response = await client.GetAsync("/api/health");
                return response.IsSuccessStatusCode;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, seconds);
        if (!healthy) throw new InvalidOperationException($"The app did not become healthy. Host output:\n{host.Output}");
    }
}
