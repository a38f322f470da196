using System.Text.Json;
using Azure.Data.Tables;
using CouponFunctions.Core.Customers;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Storage.Customers;

/// <summary>Customer rows: tags as a JSON array, consent as status, time and source per channel, the ETag as the version.</summary>
internal static class CustomerEntityMapper
{
    public static TableEntity ToEntity(Customer customer) => new(CustomerKeys.Partition(customer.TenantId, customer.Id), customer.Id.Value)
    {
        ["Name"] = customer.Name,
        ["Email"] = customer.Email,
        ["EmailKey"] = customer.Email is { } email ? EmailAddress.DedupKey(email) : null,
        ["Mobile"] = customer.Mobile,
        ["StoreId"] = customer.StoreId.Value,
        ["Tags"] = JsonSerializer.Serialize(customer.Tags),
        ["EmailConsent"] = customer.EmailConsent.Status.ToString(),
        ["EmailConsentAt"] = customer.EmailConsent.ChangedAt,
        ["EmailConsentSource"] = customer.EmailConsent.Source,
        ["SmsConsent"] = customer.SmsConsent.Status.ToString(),
        ["SmsConsentAt"] = customer.SmsConsent.ChangedAt,
        ["SmsConsentSource"] = customer.SmsConsent.Source,
        ["CreatedAt"] = customer.CreatedAt,
        ["UpdatedAt"] = customer.UpdatedAt,
    };

    public static Customer FromEntity(TenantId tenantId, TableEntity e) => new()
    {
        TenantId = tenantId,
        Id = CustomerId.Parse(e.RowKey),
        Name = e.GetString("Name"),
        Email = e.GetString("Email"),
        Mobile = e.GetString("Mobile"),
        StoreId = StoreId.Parse(e.GetString("StoreId")),
        Tags = e.GetString("Tags") is { Length: > 0 } tags ? JsonSerializer.Deserialize<string[]>(tags) ?? [] : [],
        EmailConsent = Consent(e, "EmailConsent"),
        SmsConsent = Consent(e, "SmsConsent"),
        CreatedAt = e.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue,
        UpdatedAt = e.GetDateTimeOffset("UpdatedAt") ?? DateTimeOffset.MinValue,
        Version = e.ETag.ToString(),
    };

    private static Consent Consent(TableEntity e, string prefix) =>
        Enum.TryParse<ConsentStatus>(e.GetString(prefix), out var status)
            ? new Consent(status, e.GetDateTimeOffset(prefix + "At"), e.GetString(prefix + "Source"))
            : Core.Customers.Consent.None;
}

/// <summary>
/// Customers table keys: a tenant's customers are spread over 16 partitions "{tenant}_{0-f}" by a stable hash of the id, so
/// an import's batches (entity-group transactions need one partition) run in parallel on different partitions; the RowKey is
/// the external id (its characters are all allowed in keys).
/// </summary>
internal static class CustomerKeys
{
    public const int Buckets = 16;

    public static string Partition(TenantId tenantId, CustomerId id) => $"{tenantId.Value}_{Bucket(id.Value):x1}";

    /// <summary>All of a tenant's customer partitions: "{tenant}_" up to (not including) "{tenant}`".</summary>
    public static string TenantFilter(TenantId tenantId) =>
        TableClient.CreateQueryFilter($"PartitionKey ge {tenantId.Value + "_"} and PartitionKey lt {tenantId.Value + "`"}");

    public static bool BelongsTo(TenantId tenantId, string partition) => partition.Length == tenantId.Value.Length + 2 && partition.StartsWith(tenantId.Value + "_", StringComparison.Ordinal);

    // FNV-1a: stable across processes and runtimes (string.GetHashCode is randomised per process).
    private static int Bucket(string id)
    {
        var hash = 2166136261u;
        foreach (var c in id)
        {
            hash ^= c;
            hash *= 16777619u;
        }

        return (int)(hash % Buckets);
    }
}
