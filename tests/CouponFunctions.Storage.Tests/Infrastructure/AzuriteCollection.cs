using CouponFunctions.Testing;

namespace CouponFunctions.Storage.Tests.Infrastructure;

/// <summary>Storage tests share one Azurite (or the one named by COUPONFUNCTIONS_TEST_STORAGE); each test uses fresh names.</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
