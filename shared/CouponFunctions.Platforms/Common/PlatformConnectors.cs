using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Stores;

namespace CouponFunctions.Platforms.Common;

/// <summary>Finds the registered connector of a platform (one per platform, registered by <c>AddPlatformConnectors</c>).</summary>
internal sealed class PlatformConnectors : IPlatformConnectors
{
    private readonly Dictionary<Platform, IPlatformConnector> _connectors;

    public PlatformConnectors(IEnumerable<IPlatformConnector> connectors)
    {
        _connectors = [];
        foreach (var connector in connectors)
        {
            if (!_connectors.TryAdd(connector.Platform, connector))
                throw new InvalidOperationException($"Two connectors are registered for {connector.Platform.ToWire()}.");
        }
    }

    public IPlatformConnector For(Platform platform) =>
        _connectors.TryGetValue(platform, out var connector)
            ? connector
            : throw new InvalidOperationException($"No connector is registered for {platform.ToWire()}.");
}
