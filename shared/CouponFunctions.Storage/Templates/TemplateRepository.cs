using Azure;
using Azure.Data.Tables;
using CouponFunctions.Core.Common;
using CouponFunctions.Core.Templates;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Storage.Tables;

namespace CouponFunctions.Storage.Templates;

/// <summary>
/// Templates table: partition = tenant, row = template id; the definition as JSON (split over properties when long, see
/// <see cref="LargeJson"/>) and its campaign tag as a column to filter on. Every write after the first is guarded by the
/// row's ETag; delete is a hard delete (a job carries the definition it deployed, so no history needs the row).
/// </summary>
internal sealed class TemplateRepository(TableServiceClient tables) : ITemplateRepository
{
    private readonly TableClient _table = tables.GetTableClient(TableNames.Templates);

    public async Task<Result<CouponTemplate>> AddAsync(CouponTemplate template, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(template);
        var written = await _table.AddIfAbsentAsync(ToEntity(template), cancellationToken);
        return written.IsOk
            ? Result<CouponTemplate>.Ok(template with { Version = written.Value.ToString() })
            : Result<CouponTemplate>.Conflict($"A template with the id {template.Id} exists already.");
    }

    public async Task<CouponTemplate?> GetAsync(TenantId tenantId, TemplateId id, CancellationToken cancellationToken = default)
    {
        var entity = await _table.GetEntityIfExistsAsync<TableEntity>(tenantId.Value, id.Value, cancellationToken: cancellationToken);
        return entity.HasValue ? ToTemplate(entity.Value!) : null;
    }

    public async Task<TemplatePage> ListAsync(TenantId tenantId, string? campaignTag, int pageSize, string? continuationToken, CancellationToken cancellationToken = default)
    {
        var filter = campaignTag is null
            ? Keys.InPartition(tenantId.Value)
            : TableClient.CreateQueryFilter($"PartitionKey eq {tenantId.Value} and CampaignTag eq {campaignTag}");
        var (rows, next) = await KeyPages.ReadAsync(_table, filter, pageSize, continuationToken, null, cancellationToken);
        return new TemplatePage(rows.Select(ToTemplate).ToList(), next);
    }

    public async Task<Result<CouponTemplate>> UpdateAsync(CouponTemplate template, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(template);
        if (template.Version is null) throw new ArgumentException("Only a template read from storage (with its version) can be updated.", nameof(template));
        var written = await _table.UpdateIfUnchangedAsync(ToEntity(template), new ETag(template.Version), TableUpdateMode.Replace, cancellationToken);
        if (written.IsOk) return Result<CouponTemplate>.Ok(template with { Version = written.Value.ToString() });
        return await GetAsync(template.TenantId, template.Id, cancellationToken) is null
            ? Result<CouponTemplate>.NotFound($"There is no template {template.Id}.")
            : Result<CouponTemplate>.Conflict($"The template {template.Id} was changed by someone else; load it again and redo the change.");
    }

    public async Task<Result<TemplateId>> DeleteAsync(TenantId tenantId, TemplateId id, string? version, CancellationToken cancellationToken = default)
    {
        try
        {
            // The SDK answers a missing row with its 404 response rather than an exception.
            var response = await _table.DeleteEntityAsync(tenantId.Value, id.Value, version is null ? ETag.All : new ETag(version), cancellationToken);
            return response.Status == 404 ? Result<TemplateId>.NotFound($"There is no template {id}.") : Result<TemplateId>.Ok(id);
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return Result<TemplateId>.Conflict($"The template {id} was changed by someone else since it was read.");
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return Result<TemplateId>.NotFound($"There is no template {id}.");
        }
    }

    private static TableEntity ToEntity(CouponTemplate t)
    {
        var entity = new TableEntity(t.TenantId.Value, t.Id.Value)
        {
            ["Name"] = t.Definition.Name,
            ["CampaignTag"] = t.Definition.Campaign?.Tag,
            ["CreatedAt"] = t.CreatedAt,
            ["UpdatedAt"] = t.UpdatedAt,
        };
        LargeJson.Write(entity, "Definition", t.Definition);
        return entity;
    }

    private static CouponTemplate ToTemplate(TableEntity e) => new()
    {
        TenantId = TenantId.Parse(e.PartitionKey),
        Id = TemplateId.Parse(e.RowKey),
        Definition = LargeJson.Read<TemplateDefinition>(e, "Definition"),
        CreatedAt = e.GetDateTimeOffset("CreatedAt") ?? DateTimeOffset.MinValue,
        UpdatedAt = e.GetDateTimeOffset("UpdatedAt") ?? DateTimeOffset.MinValue,
        Version = e.ETag.ToString(),
    };
}
