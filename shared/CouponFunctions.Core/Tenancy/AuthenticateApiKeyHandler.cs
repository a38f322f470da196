namespace CouponFunctions.Core.Tenancy;

/// <summary>Turns the text of an API key into the <see cref="Caller"/> it stands for, or null when it is not a live key.</summary>
public sealed class AuthenticateApiKeyHandler(IApiKeyRepository keys)
{
    public async Task<Caller?> HandleAsync(string? keyText, CancellationToken cancellationToken = default)
    {
        if (!ApiKeyToken.TryParse(keyText, out var token)) return null;
        var key = await keys.GetAsync(token.TenantId, token.KeyId, cancellationToken);
        if (key is null || key.IsRevoked || !token.Matches(key.SecretHash)) return null;
        return new Caller(key.TenantId, key.KeyId, key.Role, key.StoreScope?.ToHashSet());
    }
}
