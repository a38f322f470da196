using Azure.Storage.Blobs;
using Azure.Storage.Sas;

namespace CouponFunctions.Storage.Reports;

/// <summary>
/// Read-only, expiring download links to report blobs (failure reports, exports). With the account key (a connection
/// string, Azurite) the link is a service SAS signed locally; with a managed identity there is no key, so the link is a
/// user-delegation SAS signed with a delegation key the service issues for the link's lifetime.
/// </summary>
internal sealed class ReportLinks(BlobServiceClient blobs, TimeProvider time)
{
    /// <summary>A user-delegation key lives at most 7 days, so no link can outlive that.</summary>
    public static readonly TimeSpan MaxValidity = TimeSpan.FromDays(7);

    // Started a little in the past: a link used at once must not be refused for a clock a few seconds ahead.
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>A link that ends exactly at <paramref name="expiresOn"/> (its report's own end), whenever it is asked for.</summary>
    public async Task<Uri> CreateReadLinkAsync(string containerName, string blobName, DateTimeOffset expiresOn, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        if (expiresOn <= now || expiresOn - now > MaxValidity)
        {
            throw new ArgumentOutOfRangeException(nameof(expiresOn), expiresOn, $"A report link is valid for more than zero and at most {MaxValidity.TotalDays} days.");
        }

        var blob = blobs.GetBlobContainerClient(containerName).GetBlobClient(blobName);
        var sas = new BlobSasBuilder(BlobSasPermissions.Read, expiresOn)
        {
            BlobContainerName = containerName,
            BlobName = blobName,
            Resource = "b",
            StartsOn = now - ClockSkew,
        };
        if (blob.CanGenerateSasUri) return blob.GenerateSasUri(sas);

        sas.Protocol = SasProtocol.Https;
        var key = await blobs.GetUserDelegationKeyAsync(sas.StartsOn, sas.ExpiresOn, cancellationToken);
        return new BlobUriBuilder(blob.Uri) { Sas = sas.ToSasQueryParameters(key.Value, blobs.AccountName) }.ToUri();
    }
}
