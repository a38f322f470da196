using Azure.Data.Tables;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Storage.Tables;

namespace CouponFunctions.Storage.Tenancy;

/// <summary>Tenants table: PartitionKey = tenant id, RowKey = "tenant".</summary>
internal sealed class TenantRepository(TableServiceClient tables) : ITenantRepository
{
    private const string Row = "tenant";
    private readonly TableClient _table = tables.GetTableClient(TableNames.Tenants);

    public async Task<Tenant?> GetAsync(TenantId id, CancellationToken cancellationToken = default)
    {
        var entity = await _table.GetEntityIfExistsAsync<TableEntity>(id.Value, Row, cancellationToken: cancellationToken);
        return entity.HasValue ? ToTenant(entity.Value!) : null;
    }

    public async Task<bool> AddAsync(Tenant tenant, CancellationToken cancellationToken = default) =>
        (await _table.AddIfAbsentAsync(new TableEntity(tenant.Id.Value, Row) { ["Name"] = tenant.Name, ["CreatedAt"] = tenant.CreatedAt }, cancellationToken)).IsOk;

    public async IAsyncEnumerable<Tenant> ListAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var entity in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"RowKey eq {Row}"), cancellationToken: cancellationToken))
        {
            yield return ToTenant(entity);
        }
    }

    private static Tenant ToTenant(TableEntity e) =>
        new(TenantId.Parse(e.PartitionKey), e.GetString("Name") ?? e.PartitionKey, e.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue);
}
