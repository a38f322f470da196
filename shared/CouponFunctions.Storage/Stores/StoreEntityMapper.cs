using System.Text.Json;
using Azure;
using CouponFunctions.Core.Common;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Security;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Storage.Clients.Tables;

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
        var credentials = e.GetString("Credentials") is { } protectedText
            ? JsonSerializer.Deserialize<StoreCredentials>(protector.Unprotect(protectedText, Context(tenant, id)), MessageJson.Options) ?? StoreCredentials.None
            : StoreCredentials.None;
        return new Store
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
    }

    public static ETag VersionOf(Store store) =>
        store.Version is null ? throw new InvalidOperationException("The store has not been read from storage.") : new ETag(store.Version);

    private static string Context(TenantId tenant, StoreId store) => $"{tenant.Value}/{store.Value}";
}
