using Azure.Core;
using CouponFunctions.Storage.Clients.Pipeline;

namespace CouponFunctions.Storage.Clients.Blobs;

public sealed partial class BlobContainerClient
{
    /// <summary>True when the connection holds the account key, so <see cref="GenerateReadSasUri"/> can sign locally.</summary>
    public bool CanGenerateSasUri => _service.Connection.HasAccountKey;

    /// <summary>
    /// A read-only service SAS URL for one blob (<c>sv=2020-12-06, sr=b, sp=r</c>), signed with the account key; no start time,
    /// so clock skew cannot make a fresh link invalid. HTTPS-only when the endpoint is HTTPS.
    /// </summary>
    public Uri GenerateReadSasUri(string blobName, DateTimeOffset expiresOn)
    {
        StorageNames.ValidateBlobName(blobName);
        var key = _service.Connection.SharedKey
            ?? throw new InvalidOperationException("A service SAS needs the account key; use GenerateUserDelegationReadSasUriAsync with a token credential.");
        var expiry = BlobSasStringToSign.FormatTime(expiresOn);
        var protocol = Protocol();
        var stringToSign = BlobSasStringToSign.Service(
            "r", string.Empty, expiry, BlobSasStringToSign.CanonicalResource(key.AccountName, Name, blobName), protocol, "b");
        var query = $"sv={BlobSasStringToSign.Version}&se={Uri.EscapeDataString(expiry)}&sr=b&sp=r"
            + (protocol.Length > 0 ? "&spr=" + protocol : string.Empty)
            + "&sig=" + Uri.EscapeDataString(key.ComputeHmacSha256(stringToSign));
        return new Uri(GetBlobUri(blobName).AbsoluteUri + "?" + query);
    }

    /// <summary>
    /// A read-only user delegation SAS URL (managed identity, no account key): fetches a delegation key valid until
    /// <paramref name="expiresOn"/> (at most 7 days ahead) and signs with it. Needs the Storage Blob Delegator role or a data role.
    /// </summary>
    public async Task<Uri> GenerateUserDelegationReadSasUriAsync(string blobName, DateTimeOffset expiresOn, CancellationToken cancellationToken = default)
    {
        StorageNames.ValidateBlobName(blobName);
        var now = _service.Options.TimeProvider.GetUtcNow();
        // Start the key a little in the past so a service clock behind ours does not see it as not-yet-valid; key life is at most 7 days.
        var keyStart = now.AddMinutes(-5);
        if (expiresOn <= now || expiresOn > keyStart.AddDays(7))
        {
            throw new ArgumentOutOfRangeException(nameof(expiresOn), expiresOn, "A user delegation SAS must expire within the next 7 days.");
        }

        var delegationKey = await GetUserDelegationKeyAsync(keyStart, expiresOn, cancellationToken).ConfigureAwait(false);
        var expiry = BlobSasStringToSign.FormatTime(expiresOn);
        var protocol = Protocol();
        var resource = BlobSasStringToSign.CanonicalResource(_service.Connection.AccountName, Name, blobName);
        var stringToSign = BlobSasStringToSign.UserDelegation("r", string.Empty, expiry, resource, delegationKey, protocol, "b");
        var signature = Convert.ToBase64String(System.Security.Cryptography.HMACSHA256.HashData(
            Convert.FromBase64String(delegationKey.Value), System.Text.Encoding.UTF8.GetBytes(stringToSign)));
        var query = $"sv={BlobSasStringToSign.Version}&se={Uri.EscapeDataString(expiry)}&sr=b&sp=r"
            + $"&skoid={Uri.EscapeDataString(delegationKey.SignedObjectId)}&sktid={Uri.EscapeDataString(delegationKey.SignedTenantId)}"
            + $"&skt={Uri.EscapeDataString(delegationKey.SignedStartsOn)}&ske={Uri.EscapeDataString(delegationKey.SignedExpiresOn)}"
            + $"&sks={Uri.EscapeDataString(delegationKey.SignedService)}&skv={Uri.EscapeDataString(delegationKey.SignedVersion)}"
            + (protocol.Length > 0 ? "&spr=" + protocol : string.Empty)
            + "&sig=" + Uri.EscapeDataString(signature);
        return new Uri(GetBlobUri(blobName).AbsoluteUri + "?" + query);
    }

    private async Task<UserDelegationKey> GetUserDelegationKeyAsync(DateTimeOffset start, DateTimeOffset expiry, CancellationToken cancellationToken)
    {
        if (_service.Connection.TokenCredential is null)
        {
            throw new InvalidOperationException("A user delegation key needs a token credential (StorageConnection.FromServiceUris).");
        }

        using var message = _service.CreateMessage(RequestMethod.Post, "/");
        message.Request.Uri.AppendQuery("restype", "service", escapeValue: false);
        message.Request.Uri.AppendQuery("comp", "userdelegationkey", escapeValue: false);
        message.Request.Headers.SetValue("Content-Type", "application/xml");
        message.Request.Content = RequestContent.Create(System.Text.Encoding.UTF8.GetBytes(
            $"<?xml version=\"1.0\" encoding=\"utf-8\"?><KeyInfo><Start>{BlobSasStringToSign.FormatTime(start)}</Start><Expiry>{BlobSasStringToSign.FormatTime(expiry)}</Expiry></KeyInfo>"));
        var response = await _service.Pipeline.GetResponseAsync(message, cancellationToken).ConfigureAwait(false);
        return response.Status == 200 ? BlobResponseReader.DelegationKey(response.Content) : throw StorageHttp.Failure(response);
    }

    private string Protocol() => _service.Endpoint.Scheme == Uri.UriSchemeHttps ? "https" : string.Empty;
}
