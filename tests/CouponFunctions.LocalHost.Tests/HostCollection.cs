using CouponFunctions.Testing;

namespace CouponFunctions.LocalHost.Tests;

/// <summary>One Azurite for every test here (the test command's shared one when set); the tests run one after the other.</summary>
[CollectionDefinition(Name)]
public sealed class HostCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Local host on Azurite";
}
