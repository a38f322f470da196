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
    public async Task<Result<IssuedApiKey>> IssueAsync(TenantId tenantId, ApiKeyRequest request, CancellationToken cancellationToken = default)
    {
        var errors = new ValidationErrors();
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 100) errors.Add("name", "Give the key a name of 1–100 characters (who or what uses it).");
        if (!Enum.TryParse<ApiKeyRole>(request.Role, ignoreCase: true, out var role) || !Enum.IsDefined(role) || int.TryParse(request.Role, out _))
            errors.Add("role", "Role must be one of: viewer, editor, admin.");

        List<StoreId>? scope = null;
        if (request.StoreScope is not null)
        {
            scope = [];
            var known = (await stores.ListAsync(tenantId, cancellationToken)).Select(s => s.Id).ToHashSet();
            foreach (var (raw, index) in request.StoreScope.Select((s, i) => (s, i)))
            {
                if (StoreId.TryParse(raw, out var id) && known.Contains(id)) scope.Add(id);
                else errors.Add($"storeScope[{index}]", $"'{raw}' is not a store of this workspace.");
            }
            if (scope.Count == 0 && !errors.ContainsKey("storeScope[0]")) errors.Add("storeScope", "A scoped key needs at least one store; leave storeScope out for all stores.");
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
