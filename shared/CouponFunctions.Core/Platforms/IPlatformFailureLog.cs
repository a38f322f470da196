using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Core.Platforms;

/// <summary>A failed platform call as recorded for operators (the URL is already redacted).</summary>
public sealed record PlatformFailure(
    DateTimeOffset At, string Operation, string Kind, string? Code, string Message, string? RequestId, int? HttpStatus, string? RequestUrl);

/// <summary>Reads the recorded failed platform calls of a store, newest first.</summary>
public interface IPlatformFailureLog
{
    Task<IReadOnlyList<PlatformFailure>> ListRecentAsync(TenantId tenantId, StoreId storeId, int max, CancellationToken cancellationToken = default);
}
