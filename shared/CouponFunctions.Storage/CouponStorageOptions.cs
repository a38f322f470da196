using Azure.Core;
using Azure.Identity;
using CouponFunctions.Storage.Diagnostics;
using Azure.Storage.Queues;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CouponFunctions.Storage;

/// <summary>
/// How the app reaches its storage account, read from the "CouponStorage" setting the Functions host uses for its
/// queue triggers too: either a connection string (CouponStorage=...) or identity-based service URIs
/// (CouponStorage__tableServiceUri, __queueServiceUri, __blobServiceUri, optional __clientId for a user-assigned identity).
/// This is the one place the Table, Queue and Blob service clients are built and their retries tuned.
/// </summary>
public static class CouponStorageOptions
{
    public const string SettingName = "CouponStorage";

    internal static void AddStorageClients(IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(SettingName);
        // Microsoft.Extensions.Azure forwards the SDK's event source to ILogger, and Azure.Core logs every request and
        // response at Information: keep that to warnings (retries, failures) unless the app's own settings say otherwise.
        services.AddLogging(logging => logging.AddFilter("Azure.Core", LogLevel.Warning));
        services.AddAzureClients(clients =>
        {
            if (!string.IsNullOrWhiteSpace(section.Value))
            {
                var connectionString = section.Value;
                clients.AddTableServiceClient(connectionString);
                clients.AddQueueServiceClient(connectionString).ConfigureOptions(o => o.MessageEncoding = QueueMessageEncoding.Base64);
                clients.AddBlobServiceClient(connectionString);
            }
            else
            {
                var (table, queue, blob) = (Uri(section, "tableServiceUri"), Uri(section, "queueServiceUri"), Uri(section, "blobServiceUri"));
                if (table is null || queue is null || blob is null)
                {
                    throw new InvalidOperationException(
                        $"Storage is not configured: set {SettingName} to a connection string (UseDevelopmentStorage=true locally), or set " +
                        $"{SettingName}__tableServiceUri, {SettingName}__queueServiceUri and {SettingName}__blobServiceUri for a managed identity.");
                }

                clients.AddTableServiceClient(table);
                clients.AddQueueServiceClient(queue).ConfigureOptions(o => o.MessageEncoding = QueueMessageEncoding.Base64);
                clients.AddBlobServiceClient(blob);
                clients.UseCredential(Credential(section));
            }

            // Storage throttles with 503 ServerBusy and the SDK honours Retry-After: back off exponentially, bounded,
            // so a busy account slows a sync down instead of failing it.
            clients.ConfigureDefaults(options =>
            {
                options.Retry.Mode = RetryMode.Exponential;
                options.Retry.MaxRetries = 5;
                options.Retry.Delay = TimeSpan.FromMilliseconds(800);
                options.Retry.MaxDelay = TimeSpan.FromSeconds(30);
                options.Retry.NetworkTimeout = TimeSpan.FromSeconds(100);
                // Each try of each request counted and timed into the request's Server-Timing (see RequestTimings).
                options.AddPolicy(new StorageTimingPolicy(), HttpPipelinePosition.PerRetry);
            });
        });
    }

    /// <summary>A user-assigned identity when __clientId is set (as the Functions host reads it), else the default chain.</summary>
    private static TokenCredential Credential(IConfigurationSection section) =>
        section["clientId"] is { Length: > 0 } clientId
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new DefaultAzureCredential();

    private static Uri? Uri(IConfigurationSection section, string key) =>
        section[key] is { Length: > 0 } text ? new Uri(text) : null;
}
