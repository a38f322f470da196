using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using CouponFunctions.Core.Common;
using CouponFunctions.Core.Deployments;
using CouponFunctions.Core.Jobs;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Storage.Tables;

namespace CouponFunctions.Storage.Jobs;

/// <summary>CreateAttempts table: partition "{tenant}_{job}", row = store id for a deployment (one coupon per store), or the
/// escaped item key "{store}|{source coupon}" for a clone (one new coupon per cloned coupon).
/// Inserted only if absent, then replaced only at the version read, so two workers can never both go on to create.</summary>
internal sealed class CreateAttemptRepository(TableServiceClient tables) : ICreateAttemptRepository
{
    private readonly TableClient _table = tables.GetTableClient(TableNames.CreateAttempts);

    public async Task<CreateAttempt?> GetAsync(TenantId tenantId, JobId jobId, StoreId storeId, string? sourceCouponId = null, CancellationToken cancellationToken = default)
    {
        var entity = await _table.GetEntityIfExistsAsync<TableEntity>(JobEntities.ItemPartition(tenantId, jobId), Row(storeId, sourceCouponId), cancellationToken: cancellationToken);
        return entity.HasValue ? ToAttempt(entity.Value!) : null;
    }

    public async Task<Result<CreateAttempt>> SaveAsync(TenantId tenantId, CreateAttempt attempt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        var entity = ToEntity(tenantId, attempt);
        var written = attempt.Version is null
            ? await _table.AddIfAbsentAsync(entity, cancellationToken)
            : await _table.UpdateIfUnchangedAsync(entity, new ETag(attempt.Version), TableUpdateMode.Replace, cancellationToken);
        return written.IsOk
            ? Result<CreateAttempt>.Ok(attempt with { Version = written.Value.ToString() })
            : Result<CreateAttempt>.Conflict($"Another attempt for job {attempt.JobId} in store {attempt.StoreId} was recorded first; read it again.");
    }

    public async Task<Result<CreateAttempt>> MarkCreatedAsync(TenantId tenantId, CreateAttempt attempt, string couponId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentException.ThrowIfNullOrEmpty(couponId);
        if (attempt.Version is null) throw new ArgumentException("Only a saved attempt (with its version) can be marked created.", nameof(attempt));
        var saved = await SaveAsync(tenantId, attempt.Created(couponId), cancellationToken);
        if (saved.IsOk) return saved;
        // Marked already by a retry of this same step: the same coupon is no conflict.
        var current = await GetAsync(tenantId, attempt.JobId, attempt.StoreId, attempt.SourceCouponId, cancellationToken);
        return current?.CreatedCouponId == couponId ? Result<CreateAttempt>.Ok(current) : saved;
    }

    // A deployment's row keeps the plain store id it always had; a clone's is the escaped item key (any character in a platform id).
    private static string Row(StoreId storeId, string? sourceCouponId) =>
        sourceCouponId is null ? storeId.Value : JobEntities.ItemRow(JobItem.KeyOf(storeId, sourceCouponId));

    private static TableEntity ToEntity(TenantId tenantId, CreateAttempt a) => new(JobEntities.ItemPartition(tenantId, a.JobId), Row(a.StoreId, a.SourceCouponId))
    {
        ["JobId"] = a.JobId.Value,
        ["StoreId"] = a.StoreId.Value,
        ["SourceCouponId"] = a.SourceCouponId,
        ["Code"] = a.Code,
        ["Name"] = a.Name,
        ["ValidFrom"] = a.ValidFrom,
        ["ValidTo"] = a.ValidTo,
        ["FirstAttemptAt"] = a.FirstAttemptAt,
        ["LastAttemptAt"] = a.LastAttemptAt,
        ["Attempts"] = a.Attempts,
        ["PreexistingCouponIds"] = JsonSerializer.Serialize(a.PreexistingCouponIds, MessageJson.Options),
        ["CreatedCouponId"] = a.CreatedCouponId,
    };

    private static CreateAttempt ToAttempt(TableEntity e) => new(
        JobId.Parse(e.GetString("JobId")!),
        StoreId.Parse(e.GetString("StoreId") ?? e.RowKey),
        e.GetString("Code"),
        e.GetString("Name") ?? string.Empty,
        e.GetDateTimeOffset("ValidFrom") ?? DateTimeOffset.MinValue,
        e.GetDateTimeOffset("ValidTo") ?? DateTimeOffset.MinValue,
        e.GetDateTimeOffset("FirstAttemptAt") ?? DateTimeOffset.MinValue,
        e.GetDateTimeOffset("LastAttemptAt") ?? DateTimeOffset.MinValue,
        e.GetInt32("Attempts") ?? 0,
        JsonSerializer.Deserialize<List<string>>(e.GetString("PreexistingCouponIds") ?? "[]", MessageJson.Options) ?? [],
        e.GetString("CreatedCouponId"))
    {
        SourceCouponId = e.GetString("SourceCouponId"),
        Version = e.ETag.ToString(),
    };
}
