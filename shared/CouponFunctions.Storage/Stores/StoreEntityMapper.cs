using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using CouponFunctions.Core.Common;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Security;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Storage.Stores;

/// <summary>Store ↔ table entity. Credentials are one AES-GCM value bound to "{tenant}/{store}".</summary>
internal sealed class StoreEntityMapper(ISecretProtector protector)
{
    public const string RowPrefix = "store_";

    public static string RowKey(StoreId id) => RowPrefix + id.Value;

    /// <summary>The uniqueness row of a platform shop inside the tenant's partition.</summary>
    public static string ShopRowKey(Platform platform, string shopId) => $"shop_{platform.ToWire()}_{shopId}";

    public TableEntity ToEntity(Store store) => new(store.TenantId.Value, RowKey(store.Id))
    {
        ["Platform"] = store.Platform.ToWire(),
        ["Site"] = store.Site,
        ["ShopId"] = store.ShopId,
        ["DisplayName"] = store.DisplayName,
        ["TimeZoneId"] = store.TimeZoneId,
        ["Status"] = store.Status.ToString(),
        ["StatusReason"] = store.StatusReason,
        ["Credentials"] = store.Credentials == StoreCredentials.None
            ? null
            : protector.Protect(JsonSerializer.Serialize(store.Credentials, MessageJson.Options), Context(store.TenantId, store.Id)),
        ["CreatedAt"] = store.CreatedAt,
        ["UpdatedAt"] = store.UpdatedAt,
    };

    public Store ToStore(TableEntity e)
    {
        var tenant = TenantId.Parse(e.PartitionKey);
        var id = StoreId.Parse(e.RowKey[RowPrefix.Length..]);
        PlatformNames.TryParse(e.GetString("Platform"), out var platform);
        var (credentials, unreadable) = ReadCredentials(e.GetString("Credentials"), tenant, id);
        var store = new Store
        {
            TenantId = tenant,
            Id = id,
            Platform = platform,
            Site = e.GetString("Site") ?? "",
            ShopId = e.GetString("ShopId") ?? "",
            DisplayName = e.GetString("DisplayName") ?? "",
            TimeZoneId = e.GetString("TimeZoneId") ?? "UTC",
            Status = Enum.TryParse<StoreStatus>(e.GetString("Status"), out var status) ? status : StoreStatus.Active,
            StatusReason = e.GetString("StatusReason"),
            Credentials = credentials,
            CreatedAt = e.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue,
            UpdatedAt = e.GetDateTimeOffset("UpdatedAt") ?? DateTimeOffset.MinValue,
            Version = e.ETag.ToString(),
        };
        // One store whose secrets cannot be read (a changed key, a moved row) must not break every listing of stores.
        return unreadable
            ? store with { Status = StoreStatus.NeedsReauthorization, StatusReason = "Its stored credentials cannot be decrypted with the configured key (was Security:EncryptionKey changed?): authorize the store again." }
            : store;
    }

    private (StoreCredentials Credentials, bool Unreadable) ReadCredentials(string? protectedText, TenantId tenant, StoreId id)
    {
        if (protectedText is null) return (StoreCredentials.None, false);
        try
        {
            return (JsonSerializer.Deserialize<StoreCredentials>(protector.Unprotect(protectedText, Context(tenant, id)), MessageJson.Options) ?? StoreCredentials.None, false);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return (StoreCredentials.None, true);
        }
    }

    public static ETag VersionOf(Store store) =>
        store.Version is null ? throw new InvalidOperationException("The store has not been read from storage.") : new ETag(store.Version);

    private static string Context(TenantId tenant, StoreId store) => $"{tenant.Value}/{store.Value}";
}
