using System.Text.Json;
using Azure.Data.Tables;
using CouponFunctions.Core.Alerts;
using CouponFunctions.Core.Common;
using CouponFunctions.Core.Inspections;
using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Storage.Alerts;

/// <summary>TenantSettings table: PartitionKey = tenant id, RowKey = "alerts".</summary>
internal sealed class AlertSettingsRepository(TableServiceClient tables) : IAlertSettingsRepository
{
    private const string Row = "alerts";
    private readonly TableClient _table = tables.GetTableClient(TableNames.TenantSettings);

    public async Task<AlertSettings> GetAsync(TenantId tenantId, CancellationToken cancellationToken = default)
    {
        var entity = await _table.GetEntityIfExistsAsync<TableEntity>(tenantId.Value, Row, cancellationToken: cancellationToken);
        if (!entity.HasValue) return AlertSettings.Default;
        var e = entity.Value!;
        var recipients = e.GetString("Recipients") is { Length: > 0 } list ? list.Split(',') : [];
        var inspection = e.GetString("Inspection") is { } json
            ? JsonSerializer.Deserialize<InspectionSettings>(json, MessageJson.Options) ?? InspectionSettings.Default
            : InspectionSettings.Default;
        return new AlertSettings(recipients, inspection);
    }

    public Task SaveAsync(TenantId tenantId, AlertSettings settings, CancellationToken cancellationToken = default) =>
        _table.UpsertEntityAsync(new TableEntity(tenantId.Value, Row)
        {
            ["Recipients"] = string.Join(',', settings.Recipients),
            ["Inspection"] = JsonSerializer.Serialize(settings.Inspection, MessageJson.Options),
        }, TableUpdateMode.Replace, cancellationToken);
}
