using System.Text.Json;
using Azure.Data.Tables;
using CouponFunctions.Core.Common;
using CouponFunctions.Core.Performance;
using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Storage.Performance;

/// <summary>TenantSettings table: PartitionKey = tenant id, RowKey = "reporting", the settings as JSON.</summary>
internal sealed class ReportingSettingsRepository(TableServiceClient tables) : IReportingSettingsRepository
{
    private const string Row = "reporting";
    private readonly TableClient _table = tables.GetTableClient(TableNames.TenantSettings);

    public async Task<ReportingSettings> GetAsync(TenantId tenantId, CancellationToken cancellationToken = default)
    {
        var entity = await _table.GetEntityIfExistsAsync<TableEntity>(tenantId.Value, Row, cancellationToken: cancellationToken);
        return entity.HasValue && entity.Value!.GetString("Settings") is { } json
            ? JsonSerializer.Deserialize<ReportingSettings>(json, MessageJson.Options) ?? ReportingSettings.Default
            : ReportingSettings.Default;
    }

    public Task SaveAsync(TenantId tenantId, ReportingSettings settings, CancellationToken cancellationToken = default) =>
        _table.UpsertEntityAsync(
            new TableEntity(tenantId.Value, Row) { ["Settings"] = JsonSerializer.Serialize(settings, MessageJson.Options) },
            TableUpdateMode.Replace, cancellationToken);
}
