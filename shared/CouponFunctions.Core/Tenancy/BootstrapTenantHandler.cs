namespace CouponFunctions.Core.Tenancy;

/// <summary>What the local bootstrap did: the tenant, and an admin key's text when it issued one.</summary>
public sealed record BootstrapOutcome(Tenant Tenant, bool TenantCreated, IssuedApiKey? IssuedKey);

/// <summary>Creates the first tenant and an admin key for a local run; safe to run at every start.</summary>
public sealed class BootstrapTenantHandler(ITenantRepository tenants, IApiKeyRepository keys, TimeProvider time)
{
    /// <param name="issueKey">Issue a new admin key even when the tenant exists (the previous key text was lost).</param>
    public async Task<BootstrapOutcome> HandleAsync(TenantId tenantId, string name, bool issueKey, CancellationToken cancellationToken = default)
    {
        var tenant = await tenants.GetAsync(tenantId, cancellationToken);
        var created = false;
        if (tenant is null)
        {
            tenant = new Tenant(tenantId, name, time.GetUtcNow());
            created = await tenants.AddAsync(tenant, cancellationToken);
            tenant = await tenants.GetAsync(tenantId, cancellationToken) ?? tenant;
        }
        if (!created && !issueKey) return new BootstrapOutcome(tenant, false, null);

        var token = ApiKeyToken.Create(tenantId);
        var key = new ApiKey(tenantId, token.KeyId, "bootstrap admin", ApiKeyRole.Admin, null, token.Hash(), time.GetUtcNow());
        await keys.AddAsync(key, cancellationToken);
        return new BootstrapOutcome(tenant, created, new IssuedApiKey(key, token.Text));
    }
}
