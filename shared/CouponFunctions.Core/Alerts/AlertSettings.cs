using CouponFunctions.Core.Inspections;
using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Core.Alerts;

/// <summary>A tenant's alert settings: who gets alerts and digests, and the inspection thresholds and slots.</summary>
public sealed record AlertSettings(IReadOnlyList<string> Recipients, InspectionSettings Inspection)
{
    public static AlertSettings Default { get; } = new([], InspectionSettings.Default);
}

/// <summary>Reads and writes each tenant's alert settings.</summary>
public interface IAlertSettingsRepository
{
    /// <summary>The tenant's settings, or the defaults when none were saved.</summary>
    Task<AlertSettings> GetAsync(TenantId tenantId, CancellationToken cancellationToken = default);

    Task SaveAsync(TenantId tenantId, AlertSettings settings, CancellationToken cancellationToken = default);
}
