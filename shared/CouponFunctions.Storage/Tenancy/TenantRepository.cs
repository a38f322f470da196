using Azure;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Storage.Clients;
using CouponFunctions.Storage.Clients.Tables;

namespace CouponFunctions.Storage.Tenancy;

/// <summary>Tenants table: PartitionKey = tenant id, RowKey = "tenant".</summary>
internal sealed class TenantRepository(StorageClients storage) : ITenantRepository
{
    private const string Row = "tenant";
    private readonly TableClient _table = storage.GetTableClient(TableNames.Tenants);

    public async Task<Tenant?> GetAsync(TenantId id, CancellationToken cancellationToken = default)
    {
        var entity = await _table.GetEntityIfExistsAsync(id.Value, Row, cancellationToken: cancellationToken);
        return entity.HasValue ? ToTenant(entity.Value!) : null;
    }

    public async Task<bool> AddAsync(Tenant tenant, CancellationToken cancellationToken = default)
    {
        try
        {
            await _table.AddEntityAsync(new TableEntity(tenant.Id.Value, Row) { ["Name"] = tenant.Name, ["CreatedAt"] = tenant.CreatedAt }, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    public async IAsyncEnumerable<Tenant> ListAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var entity in _table.QueryAsync(TableFilter.Create($"RowKey eq {Row}"), cancellationToken: cancellationToken))
        {
            yield return ToTenant(entity);
        }
    }

    private static Tenant ToTenant(TableEntity e) =>
        new(TenantId.Parse(e.PartitionKey), e.GetString("Name") ?? e.PartitionKey, e.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue);
}
