using System.Threading.Channels;
using CouponFunctions.Core.Common;
using CouponFunctions.Core.Reports;
using CouponFunctions.Core.Sends;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Core.Customers.Import;

/// <summary>Where a customer import stands.</summary>
public enum ImportStatus
{
    Queued,
    Running,
    Done,

    /// <summary>The file could not be read at all (no header, a required column missing); nothing was written.</summary>
    Failed,
}

/// <summary>A customer CSV import: its progress while running, its counts and the failure report's state once over.</summary>
/// <param name="FirstErrors">The first <see cref="MaxFirstErrors"/> row errors, for the admin page to show beside the report's link.</param>
public sealed record CustomerImport(
    TenantId TenantId, string Id, ImportStatus Status, string? DefaultStoreId, DateTimeOffset CreatedAt,
    long RowsRead = 0, long Created = 0, long Updated = 0, long Unchanged = 0, long Failed = 0,
    DateTimeOffset? FinishedAt = null, string? Error = null, IReadOnlyList<string>? IgnoredColumns = null,
    IReadOnlyList<FailureReportRow>? FirstErrors = null)
{
    public const int MaxFirstErrors = 10;

    public static string NewId() => IdFormat.NewId("imp");

    public static bool IsId(string? value) => IdFormat.IsValid(value) && value!.StartsWith("imp-", StringComparison.Ordinal);
}

/// <summary>The import's files and state: the uploaded CSV, the state document, the failure report and its 7-day link.</summary>
public interface ICustomerImportStore
{
    /// <summary>Stores the request body as it streams in (never all in memory).</summary>
    Task UploadAsync(TenantId tenantId, string importId, Stream content, CancellationToken cancellationToken = default);

    Task<Stream> OpenSourceAsync(TenantId tenantId, string importId, CancellationToken cancellationToken = default);

    Task SaveAsync(CustomerImport import, CancellationToken cancellationToken = default);

    Task<CustomerImport?> GetAsync(TenantId tenantId, string importId, CancellationToken cancellationToken = default);

    /// <summary>A writable stream for the failure report (replaced when the import runs again).</summary>
    Task<Stream> OpenReportAsync(TenantId tenantId, string importId, CancellationToken cancellationToken = default);

    Task<ReportDownload> ReportLinkAsync(TenantId tenantId, string importId, DateTimeOffset finishedAt, CancellationToken cancellationToken = default);
}

/// <summary>
/// POST /api/customers/import as a job: the upload is stored, then <see cref="RunAsync"/> streams it once — valid rows into
/// <see cref="ICustomerRepository.UpsertManyAsync"/> (entity-group batches) and row errors into the failure report, both through
/// bounded channels, so memory stays flat for a million rows. Safe to run again: upserts by external id, the report rewritten.
/// </summary>
public sealed class CustomerImportHandler(ICustomerImportStore store, ICustomerRepository customers, IStoreRepository stores, TimeProvider time)
{
    private const int ProgressEvery = 20_000;

    public async Task<Result<CustomerImport>> StartAsync(Caller caller, Stream body, string? storeId, CancellationToken cancellationToken = default)
    {
        if (caller.IsScoped) return Result<CustomerImport>.Forbidden("A key scoped to some stores cannot import customers.");
        if (!string.IsNullOrEmpty(storeId) && (!StoreId.TryParse(storeId, out var id) || await stores.GetAsync(caller.TenantId, id, cancellationToken) is null))
            return new ValidationErrors().Add("storeId", "Not one of the workspace's stores.");
        var import = new CustomerImport(caller.TenantId, CustomerImport.NewId(), ImportStatus.Queued, string.IsNullOrEmpty(storeId) ? null : storeId, time.GetUtcNow());
        await store.UploadAsync(caller.TenantId, import.Id, body, cancellationToken);
        await store.SaveAsync(import, cancellationToken);
        return Result<CustomerImport>.Ok(import);
    }

    public async Task<Result<(CustomerImport Import, ReportDownload? Report)>> GetAsync(Caller caller, string importId, CancellationToken cancellationToken = default)
    {
        var import = CustomerImport.IsId(importId) ? await store.GetAsync(caller.TenantId, importId, cancellationToken) : null;
        if (import is null) return Result<(CustomerImport, ReportDownload?)>.NotFound($"No import '{importId}'.");
        var report = import is { Failed: > 0, FinishedAt: { } at } ? await store.ReportLinkAsync(caller.TenantId, importId, at, cancellationToken) : null;
        return Result<(CustomerImport, ReportDownload?)>.Ok((import, report));
    }

    public async Task<CustomerImport?> RunAsync(TenantId tenantId, string importId, CancellationToken cancellationToken = default)
    {
        var import = await store.GetAsync(tenantId, importId, cancellationToken);
        if (import is null || import.Status is ImportStatus.Done or ImportStatus.Failed) return import;
        var sites = (await stores.ListAsync(tenantId, cancellationToken)).ToDictionary(s => s.Id, s => s.Site);
        await using var source = await store.OpenSourceAsync(tenantId, importId, cancellationToken);
        using var reader = new StreamReader(source, detectEncodingFromByteOrderMarks: true);
        var opened = await CustomerCsvImport.OpenAsync(reader, new CustomerImportOptions(sites, import.DefaultStoreId), cancellationToken);
        if (!opened.IsOk)
        {
            var failed = import with { Status = ImportStatus.Failed, FinishedAt = time.GetUtcNow(), Error = string.Join(" ", opened.Errors!.SelectMany(e => e.Value)) };
            await store.SaveAsync(failed, cancellationToken);
            return failed;
        }

        var csv = opened.Value!;
        import = import with { Status = ImportStatus.Running, IgnoredColumns = csv.IgnoredColumns };
        await store.SaveAsync(import, cancellationToken);
        var now = time.GetUtcNow();
        var valid = Channel.CreateBounded<CustomerFields>(new BoundedChannelOptions(5_000) { SingleReader = true, SingleWriter = true });
        var errors = Channel.CreateBounded<FailureReportRow>(new BoundedChannelOptions(1_000) { SingleReader = true, SingleWriter = true });
        var upserts = customers.UpsertManyAsync(tenantId, valid.Reader.ReadAllAsync(cancellationToken), csv.Fields, now, cancellationToken);
        var reportStream = await store.OpenReportAsync(tenantId, importId, cancellationToken);
        var report = FailureReportCsv.WriteAsync(reportStream, errors.Reader.ReadAllAsync(cancellationToken), cancellationToken);
        long rows = 0, failedRows = 0;
        var firstErrors = new List<FailureReportRow>(CustomerImport.MaxFirstErrors);
        try
        {
            await foreach (var row in csv.ReadAsync(now, cancellationToken))
            {
                rows++;
                if (row.Customer is { } fields) await valid.Writer.WriteAsync(fields, cancellationToken);
                else
                {
                    failedRows++;
                    if (firstErrors.Count < CustomerImport.MaxFirstErrors) firstErrors.Add(row.Error!);
                    await errors.Writer.WriteAsync(row.Error!, cancellationToken);
                }

                if (rows % ProgressEvery == 0) await store.SaveAsync(import with { RowsRead = rows, Failed = failedRows, FirstErrors = firstErrors.ToArray() }, cancellationToken);
            }
        }
        finally
        {
            valid.Writer.TryComplete();
            errors.Writer.TryComplete();
        }

        var counts = await upserts;
        await report;
        await reportStream.DisposeAsync();
        var done = import with
        {
            Status = ImportStatus.Done, RowsRead = rows, Failed = failedRows, Created = counts.Created, Updated = counts.Updated, Unchanged = counts.Unchanged,
            FinishedAt = time.GetUtcNow(), FirstErrors = firstErrors,
        };
        await store.SaveAsync(done, cancellationToken);
        return done;
    }
}
