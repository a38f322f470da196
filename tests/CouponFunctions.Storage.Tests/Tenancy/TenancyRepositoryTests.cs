using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Storage.Tenancy;
using CouponFunctions.Storage.Tests.Infrastructure;
using CouponFunctions.Testing;

namespace CouponFunctions.Storage.Tests.Tenancy;

[Collection(AzuriteCollection.Name)]
public sealed class TenancyRepositoryTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task AddTenant_Twice_SecondReturnsFalseAndKeepsTheFirst()
    {
        await azurite.Tables.CreateTableIfNotExistsAsync(TableNames.Tenants);
        var tenants = new TenantRepository(azurite.Tables);
        var id = TenantId.Parse(azurite.UniqueName("t"));

        Assert.True(await tenants.AddAsync(new Tenant(id, "Acme", Now)));
        Assert.False(await tenants.AddAsync(new Tenant(id, "Impostor", Now)));

        Assert.Equal("Acme", (await tenants.GetAsync(id))!.Name);
        Assert.Contains(await tenants.ListAsync().ToListAsync(), t => t.Id == id && t.CreatedAt == Now);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("k1/../other")]
    [InlineData("k1' or RowKey ne '")]
    [InlineData("0123456789012345678901234567890123456789x")]
    public async Task GetKey_IdThatCannotBeAKeyId_ReturnsNullWithoutAQuery(string keyId)
    {
        var keys = new ApiKeyRepository(azurite.Tables);

        // The table is never created: a query would fail, so null proves the id was refused first.
        Assert.Null(await keys.GetAsync(TenantId.Parse(azurite.UniqueName("t")), keyId));
    }

    [Fact]
    public async Task Keys_AddListRevoke_OnlyTheTenantsKeysAndRevokeMarksThem()
    {
        await azurite.Tables.CreateTableIfNotExistsAsync(TableNames.ApiKeys);
        var keys = new ApiKeyRepository(azurite.Tables);
        var tenant = TenantId.Parse(azurite.UniqueName("t"));
        var other = TenantId.Parse(tenant.Value + "-2");
        var scoped = new ApiKey(tenant, "k1", "ops", ApiKeyRole.Editor, [StoreId.Parse("s-1"), StoreId.Parse("s-2")], "hash1", Now);
        await keys.AddAsync(scoped);
        await keys.AddAsync(new ApiKey(other, "k2", "other", ApiKeyRole.Admin, null, "hash2", Now));

        var revoked = await keys.RevokeAsync(tenant, "k1", Now.AddDays(1));
        var missing = await keys.RevokeAsync(tenant, "k9", Now.AddDays(1));
        var listed = Assert.Single(await keys.ListAsync(tenant));

        Assert.True(revoked);
        Assert.False(missing);
        Assert.Equal(scoped with { RevokedAt = Now.AddDays(1), StoreScope = listed.StoreScope }, listed);
        Assert.Equal(scoped.StoreScope, listed.StoreScope);
        Assert.Null(await keys.GetAsync(tenant, "k9"));
    }
}
