using System.Security.Cryptography;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Security;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Storage.Stores;
using CouponFunctions.Storage.Tests.Clients;
using CouponFunctions.Testing;

namespace CouponFunctions.Storage.Tests.Stores;

[Collection(AzuriteCollection.Name)]
public sealed class StoreRepositoryTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Read_CredentialsFromAnotherKey_StoreNeedsReauthorizationAndListingStillWorks()
    {
        await azurite.Clients.GetTableClient(TableNames.Stores).CreateIfNotExistsAsync();
        var tenant = TenantId.Parse(azurite.UniqueName("t"));
        var oldKey = new StoreRepository(azurite.Clients, new StoreEntityMapper(new AesGcmSecretProtector(RandomNumberGenerator.GetBytes(32))));
        var newKey = new StoreRepository(azurite.Clients, new StoreEntityMapper(new AesGcmSecretProtector(RandomNumberGenerator.GetBytes(32))));
        var store = new Store
        {
            TenantId = tenant, Id = StoreId.New(), Platform = Platform.Shopee, Site = "SG", ShopId = "1", DisplayName = "x", TimeZoneId = "Asia/Singapore",
            Credentials = new StoreCredentials("secret-token", Now.AddHours(4)), CreatedAt = Now, UpdatedAt = Now,
        };
        Assert.True(await oldKey.AddAsync(store));

        var read = Assert.Single(await newKey.ListAsync(tenant));

        Assert.Equal(StoreStatus.NeedsReauthorization, read.Status);
        Assert.False(read.IsConnected);
        Assert.Contains("cannot be decrypted", read.StatusReason, StringComparison.Ordinal);
        Assert.Equal("secret-token", (await oldKey.GetAsync(tenant, store.Id))!.Credentials.AccessToken);
    }
}
