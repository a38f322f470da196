namespace CouponFunctions.Core.Stores;

/// <summary>A store as an operator submits it (all text, validated by <see cref="StoreValidator"/>).</summary>
public sealed record StoreInput(
    string? Platform,
    string? Site,
    string? ShopId,
    string? DisplayName,
    string? TimeZone,
    CredentialsInput? Credentials);

/// <summary>Changes to a store; null leaves a field as it is.</summary>
public sealed record StoreChangeInput(string? DisplayName, string? TimeZone, CredentialsInput? Credentials);

/// <summary>Tokens typed in by hand (for a store authorized outside this app); normally the authorization flow sets them.</summary>
public sealed record CredentialsInput(
    string? AccessToken,
    DateTimeOffset? AccessTokenExpiresAt,
    string? RefreshToken,
    DateTimeOffset? RefreshTokenExpiresAt,
    string? ShopCipher)
{
    public override string ToString() => "CredentialsInput { *** }";
}
