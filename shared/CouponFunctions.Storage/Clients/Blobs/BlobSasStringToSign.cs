using System.Globalization;

namespace CouponFunctions.Storage.Clients.Blobs;

/// <summary>
/// Blob SAS string-to-sign layouts for <c>sv=2020-12-06</c>. Unused fields stay as empty lines. The canonical resource is
/// <c>/blob/{account}/{container}/{blob}</c> with the blob name unencoded, also on Azurite (no repeated account there).
/// </summary>
internal static class BlobSasStringToSign
{
    public const string Version = "2020-12-06";

    public static string FormatTime(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string CanonicalResource(string account, string container, string blobName) => $"/blob/{account}/{container}/{blobName}";

    /// <summary>Service SAS signed with the account key: 16 fields.</summary>
    public static string Service(string permissions, string start, string expiry, string canonicalResource, string protocol, string signedResource) =>
        string.Join('\n', permissions, start, expiry, canonicalResource, /*si*/ string.Empty, /*sip*/ string.Empty, protocol, Version,
            signedResource, /*snapshot*/ string.Empty, /*ses*/ string.Empty, /*rscc*/ string.Empty, /*rscd*/ string.Empty,
            /*rsce*/ string.Empty, /*rscl*/ string.Empty, /*rsct*/ string.Empty);

    /// <summary>User delegation SAS signed with the delegation key's value: 24 fields.</summary>
    public static string UserDelegation(
        string permissions, string start, string expiry, string canonicalResource, UserDelegationKey key, string protocol, string signedResource) =>
        string.Join('\n', permissions, start, expiry, canonicalResource,
            key.SignedObjectId, key.SignedTenantId, key.SignedStartsOn, key.SignedExpiresOn, key.SignedService, key.SignedVersion,
            /*saoid*/ string.Empty, /*suoid*/ string.Empty, /*scid*/ string.Empty, /*sip*/ string.Empty, protocol, Version, signedResource,
            /*snapshot*/ string.Empty, /*ses*/ string.Empty, /*rscc*/ string.Empty, /*rscd*/ string.Empty, /*rsce*/ string.Empty,
            /*rscl*/ string.Empty, /*rsct*/ string.Empty);
}
