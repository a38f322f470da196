using Azure.Core;
using Azure.Identity;
using CouponFunctions.Storage.Clients;
using Microsoft.Extensions.Configuration;

namespace CouponFunctions.Storage;

/// <summary>
/// How the app reaches its storage account, read from the "CouponStorage" setting the Functions host uses for its
/// queue triggers too: either a connection string (CouponStorage=...) or identity-based service URIs
/// (CouponStorage__tableServiceUri, __queueServiceUri, __blobServiceUri, optional __clientId for a user-assigned identity).
/// </summary>
public static class CouponStorageOptions
{
    public const string SettingName = "CouponStorage";

    public static StorageConnection ReadConnection(IConfiguration configuration)
    {
        var section = configuration.GetSection(SettingName);
        if (!string.IsNullOrWhiteSpace(section.Value)) return StorageConnection.Parse(section.Value);

        var table = Uri(section, "tableServiceUri");
        var queue = Uri(section, "queueServiceUri");
        var blob = Uri(section, "blobServiceUri");
        if (table is null || queue is null || blob is null)
        {
            throw new InvalidOperationException(
                $"Storage is not configured: set {SettingName} to a connection string (UseDevelopmentStorage=true locally), or set " +
                $"{SettingName}__tableServiceUri, {SettingName}__queueServiceUri and {SettingName}__blobServiceUri for a managed identity.");
        }
        TokenCredential credential = section["clientId"] is { Length: > 0 } clientId
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId))
            : new DefaultAzureCredential();
        return StorageConnection.FromServiceUris(table, queue, blob, credential);
    }

    private static Uri? Uri(IConfigurationSection section, string key) =>
        section[key] is { Length: > 0 } text ? new Uri(text) : null;
}
