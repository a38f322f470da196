using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using CouponFunctions.Core.Common;
using CouponFunctions.Core.Customers.Import;
using CouponFunctions.Core.Reports;
using CouponFunctions.Core.Sends;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Storage.Blobs;
using CouponFunctions.Storage.Reports;

namespace CouponFunctions.Storage.Customers;

/// <summary>
/// A customer import's blobs in the reports container, under "imports/{tenant}/{import}/": source.csv (the upload, streamed in
/// blocks), import.json (the state, overwritten as it progresses) and failures.csv (the row errors), shared through a read-only
/// link that ends 7 days after the import finished.
/// </summary>
internal sealed class CustomerImportStore(BlobServiceClient blobs, ReportLinks links, TimeProvider time) : ICustomerImportStore
{
    private readonly BlobContainerClient _container = blobs.GetBlobContainerClient(ContainerNames.Reports);

    public async Task UploadAsync(TenantId tenantId, string importId, Stream content, CancellationToken cancellationToken = default) =>
        await Blob(tenantId, importId, "source.csv").UploadAsync(content, new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "text/csv" },
            TransferOptions = new Azure.Storage.StorageTransferOptions { InitialTransferSize = 4 << 20, MaximumTransferSize = 4 << 20, MaximumConcurrency = 2 },
        }, cancellationToken);

    public async Task<Stream> OpenSourceAsync(TenantId tenantId, string importId, CancellationToken cancellationToken = default) =>
        await Blob(tenantId, importId, "source.csv").OpenReadAsync(new BlobOpenReadOptions(allowModifications: false) { BufferSize = 1 << 20 }, cancellationToken);

    public async Task SaveAsync(CustomerImport import, CancellationToken cancellationToken = default)
    {
        using var content = new MemoryStream(JsonSerializer.SerializeToUtf8Bytes(import, MessageJson.Options));
        await Blob(import.TenantId, import.Id, "import.json").UploadAsync(content, overwrite: true, cancellationToken);
    }

    public async Task<CustomerImport?> GetAsync(TenantId tenantId, string importId, CancellationToken cancellationToken = default)
    {
        await using var stream = await Blob(tenantId, importId, "import.json").OpenReadIfExistsAsync(cancellationToken);
        return stream is null ? null : await JsonSerializer.DeserializeAsync<CustomerImport>(stream, MessageJson.Options, cancellationToken);
    }

    public async Task<Stream> OpenReportAsync(TenantId tenantId, string importId, CancellationToken cancellationToken = default) =>
        await Blob(tenantId, importId, "failures.csv").OpenWriteAsync(overwrite: true, new BlobOpenWriteOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "text/csv; charset=utf-8", ContentDisposition = $"attachment; filename=\"import-{importId}-failures.csv\"" },
        }, cancellationToken);

    public async Task<ReportDownload> ReportLinkAsync(TenantId tenantId, string importId, DateTimeOffset finishedAt, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var expiresAt = ReportValidity.ExpiresAt(finishedAt);
        if (ReportValidity.Check(finishedAt, now) == ReportAccess.Expired) return new ReportDownload(ReportAccess.Expired, null, expiresAt);
        var link = await links.CreateReadLinkAsync(ContainerNames.Reports, Name(tenantId, importId, "failures.csv"), expiresAt, cancellationToken);
        return new ReportDownload(ReportAccess.Available, link, expiresAt);
    }

    private BlobClient Blob(TenantId tenantId, string importId, string file) => _container.GetBlobClient(Name(tenantId, importId, file));

    private static string Name(TenantId tenantId, string importId, string file) => $"imports/{tenantId.Value}/{importId}/{file}";
}
