namespace CouponFunctions.Storage.Clients.Blobs;

/// <summary>A key obtained with a bearer token that signs user delegation SAS URLs (no account key needed).</summary>
internal sealed record UserDelegationKey(
    string SignedObjectId,
    string SignedTenantId,
    string SignedStartsOn,
    string SignedExpiresOn,
    string SignedService,
    string SignedVersion,
    string Value);
