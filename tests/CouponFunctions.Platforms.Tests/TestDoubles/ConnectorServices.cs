using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CouponFunctions.Platforms.Tests.TestDoubles;

/// <summary>A service provider with <c>AddPlatformConnectors</c> bound to in-memory settings (<c>Platforms:&lt;Name&gt;:&lt;Setting&gt;</c>).</summary>
internal static class ConnectorServices
{
    public static ServiceProvider Build(Dictionary<string, string?> settings) =>
        new ServiceCollection().AddPlatformConnectors(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()).BuildServiceProvider();
}
