using System.Security.Cryptography;
using CouponFunctions.Core.Security;
using CouponFunctions.Core.Stores;
using CouponFunctions.Storage.ReadModel;
using CouponFunctions.Storage.Stores;
using CouponFunctions.Testing;

namespace CouponFunctions.Storage.Tests.Infrastructure;

/// <summary>A coupon read-model cache as one app instance has it (its own memory over the shared storage), and the store repository beside it.</summary>
internal static class ReadModelCaches
{
    private static readonly AesGcmSecretProtector Protector = new(RandomNumberGenerator.GetBytes(32));

    public static IStoreRepository Stores(AzuriteFixture azurite) =>
        new StoreRepository(azurite.Tables, new StoreEntityMapper(Protector), new ReadModelVersion(azurite.Blobs));

    public static CouponReadModelCache New(AzuriteFixture azurite, TimeProvider? time = null) =>
        new(azurite.Blobs, Stores(azurite), new ReadModelVersion(azurite.Blobs), time ?? TimeProvider.System);
}
