using System.Security.Cryptography;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Security;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Storage.ReadModel;
using CouponFunctions.Storage.Stores;
using CouponFunctions.Storage.Tests.Infrastructure;
using CouponFunctions.Testing;

namespace CouponFunctions.Storage.Tests.Stores;

[Collection(AzuriteCollection.Name)]
public sealed class StoreRepositoryTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 3, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Read_CredentialsFromAnotherKey_StoreNeedsReauthorizationAndListingStillWorks()
    {
        await azurite.Tables.CreateTableIfNotExistsAsync(TableNames.Stores);
        var tenant = TenantId.Parse(azurite.UniqueName("t"));
        var oldKey = new StoreRepository(azurite.Tables, new StoreEntityMapper(new AesGcmSecretProtector(RandomNumberGenerator.GetBytes(32))), new ReadModelVersion(azurite.Blobs));
        var newKey = new StoreRepository(azurite.Tables, new StoreEntityMapper(new AesGcmSecretProtector(RandomNumberGenerator.GetBytes(32))), new ReadModelVersion(azurite.Blobs));
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

    [Fact]
    public async Task Add_SameShopTwiceInATenant_SecondIsRefusedAndWritesNothing()
    {
        var (repository, tenant) = await SetUpAsync();
        var first = Store(tenant, "shop-1");
        var again = Store(tenant, "shop-1");

        Assert.True(await repository.AddAsync(first));
        Assert.False(await repository.AddAsync(again));

        Assert.Equal([first.Id], (await repository.ListAsync(tenant)).Select(s => s.Id));
        Assert.Null(await repository.GetAsync(tenant, again.Id));
    }

    [Fact]
    public async Task Update_StaleVersion_LosesTheRaceAndKeepsTheWinner()
    {
        var (repository, tenant) = await SetUpAsync();
        await repository.AddAsync(Store(tenant, "shop-1"));
        var read = (await repository.ListAsync(tenant)).Single();

        var winner = await repository.UpdateAsync(read with { DisplayName = "winner" });
        var loser = await repository.UpdateAsync(read with { DisplayName = "loser" });

        Assert.True(winner);
        Assert.False(loser);
        Assert.Equal("winner", (await repository.GetAsync(tenant, read.Id))!.DisplayName);
    }

    [Fact]
    public async Task List_TenantWhoseIdExtendsAnother_SeesOnlyItsOwnStores()
    {
        var (repository, tenant) = await SetUpAsync();
        var longer = TenantId.Parse(tenant.Value + "-2");
        await repository.AddAsync(Store(tenant, "shop-1"));
        await repository.AddAsync(Store(longer, "shop-2"));

        Assert.Equal(["shop-1"], (await repository.ListAsync(tenant)).Select(s => s.ShopId));
        Assert.Equal(["shop-2"], (await repository.ListAsync(longer)).Select(s => s.ShopId));
        var all = await repository.ListAllAsync().Where(s => s.TenantId == tenant || s.TenantId == longer).Select(s => s.ShopId).ToListAsync();
        Assert.Equal(["shop-1", "shop-2"], all.Order());
    }

    private async Task<(StoreRepository, TenantId)> SetUpAsync()
    {
        await azurite.Tables.CreateTableIfNotExistsAsync(TableNames.Stores);
        var repository = new StoreRepository(azurite.Tables, new StoreEntityMapper(new AesGcmSecretProtector(RandomNumberGenerator.GetBytes(32))), new ReadModelVersion(azurite.Blobs));
        return (repository, TenantId.Parse(azurite.UniqueName("t")));
    }

    private static Store Store(TenantId tenant, string shopId) => new()
    {
        TenantId = tenant, Id = StoreId.New(), Platform = Platform.Shopee, Site = "SG", ShopId = shopId, DisplayName = shopId, TimeZoneId = "Asia/Singapore",
        Credentials = new StoreCredentials("token-" + shopId, Now.AddHours(4)), CreatedAt = Now, UpdatedAt = Now,
    };
}
