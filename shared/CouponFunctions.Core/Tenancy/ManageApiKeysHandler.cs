using CouponFunctions.Core.Common;
using CouponFunctions.Core.Stores;

namespace CouponFunctions.Core.Tenancy;

/// <summary>What an admin asks for when issuing a key.</summary>
public sealed record ApiKeyRequest(string? Name, string? Role, IReadOnlyList<string>? StoreScope);

/// <summary>A key just issued: the only time its text is shown.</summary>
public sealed record IssuedApiKey(ApiKey Key, string Text);

/// <summary>Issues, lists and revokes the API keys of a tenant.</summary>
public sealed class ManageApiKeysHandler(IApiKeyRepository keys, IStoreRepository stores, TimeProvider time)
{
    /// <summary>The most stores one key may be scoped to (the scope is stored on the key's row).</summary>
    public const int MaxScope = 200;

    public async Task<Result<IssuedApiKey>> IssueAsync(TenantId tenantId, ApiKeyRequest request, CancellationToken cancellationToken = default)
    {
        var errors = new ValidationErrors();
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 100) errors.Add("name", "Give the key a name of 1–100 characters (who or what uses it).");
        else if (StrictNames.HasUnsafeCharacters(name)) errors.Add("name", "The name may not contain control characters (such as line breaks) or text-direction overrides.");
        if (!StrictNames.TryParseEnum<ApiKeyRole>(request.Role, out var role))
            errors.Add("role", $"Role must be one of: {StrictNames.Names<ApiKeyRole>()}.");

        List<StoreId>? scope = null;
        if (request.StoreScope is { Count: > MaxScope })
        {
            errors.Add("storeScope", $"A key may be scoped to at most {MaxScope} stores; leave storeScope out for all stores.");
        }
        else if (request.StoreScope is not null)
        {
            scope = [];
            var known = (await stores.ListAsync(tenantId, cancellationToken)).Select(s => s.Id).ToHashSet();
            foreach (var (raw, index) in request.StoreScope.Select((s, i) => (s, i)))
            {
                if (StoreId.TryParse(raw, out var id) && known.Contains(id))
                {
                    if (scope.Contains(id)) errors.Add($"storeScope[{index}]", $"'{raw}' is listed twice.");
                    else scope.Add(id);
                }
                else errors.Add($"storeScope[{index}]", $"'{raw}' is not a store of this workspace.");
            }
            if (scope.Count == 0 && request.StoreScope.Count == 0) errors.Add("storeScope", "A scoped key needs at least one store; leave storeScope out for all stores.");
        }
        if (!errors.IsEmpty) return errors;

        var token = ApiKeyToken.Create(tenantId);
        var key = new ApiKey(tenantId, token.KeyId, name!, role, scope, token.Hash(), time.GetUtcNow());
        await keys.AddAsync(key, cancellationToken);
        return Result<IssuedApiKey>.Ok(new IssuedApiKey(key, token.Text));
    }

    public Task<IReadOnlyList<ApiKey>> ListAsync(TenantId tenantId, CancellationToken cancellationToken = default) =>
        keys.ListAsync(tenantId, cancellationToken);

    public async Task<Result<bool>> RevokeAsync(Caller caller, string keyId, CancellationToken cancellationToken = default)
    {
        if (keyId == caller.KeyId) return Result<bool>.Rejected("A key cannot revoke itself; use another admin key.");
        return await keys.RevokeAsync(caller.TenantId, keyId, time.GetUtcNow(), cancellationToken)
            ? Result<bool>.Ok(true)
            : Result<bool>.NotFound($"No key '{keyId}' in this workspace.");
    }
}
