using System.Globalization;
using CouponFunctions.Benchmarks.Platforms;
using CouponFunctions.Core.Stores;

namespace CouponFunctions.Benchmarks.Deploy;

/// <summary>
/// The least time the QPS limits allow for the calls a job made: per platform the larger of (its calls / the app limit)
/// and (one store's calls / the shop limit), the platforms running side by side, so the slowest platform is the bound.
/// One store's calls are the platform's calls over its stores (the stores are alike). Also the bound under our own wave
/// limit: at most <c>ConcurrentPerPlatform[p]</c> stores of platform p at once (derived from its rates, see
/// <see cref="Core.Jobs.StoresInFlight"/>), so a platform gets at most that many shop limits.
/// </summary>
internal sealed record RateBound(IReadOnlyDictionary<Platform, long> Calls, ListingSetup Fleet, IReadOnlyDictionary<Platform, int> ConcurrentPerPlatform)
{
    public double Seconds => Calls.Keys.Max(p => PlatformSeconds(p, int.MaxValue));

    /// <summary>The bound if the platforms ran only <see cref="ConcurrentPerPlatform"/> stores at once each.</summary>
    public double WithWaveLimit => Calls.Keys.Max(p => PlatformSeconds(p, ConcurrentPerPlatform[p]));

    public double PlatformSeconds(Platform platform, int concurrent)
    {
        var limits = Fleet.For(platform);
        var calls = Calls[platform];
        var rate = Math.Min(limits.AppQps, limits.ShopQps * Math.Min(concurrent, Fleet.StoresPerPlatform));
        return Math.Max(calls / rate, calls / (double)Fleet.StoresPerPlatform / limits.ShopQps);
    }

    /// <summary>The computation, one line per platform, for the report.</summary>
    public IEnumerable<string> Lines() => Calls.Keys.Select(p =>
    {
        var l = Fleet.For(p);
        var calls = Calls[p];
        return string.Create(CultureInfo.InvariantCulture,
            $"{p.ToWire()}: {calls:N0} calls; app {calls:N0}/{l.AppQps:0.#} = {calls / l.AppQps:0.00} s; one store {calls / (double)Fleet.StoresPerPlatform:0.#}/{l.ShopQps:0.#} = {calls / (double)Fleet.StoresPerPlatform / l.ShopQps:0.00} s; " +
            $"with {ConcurrentPerPlatform[p]} stores at once {PlatformSeconds(p, ConcurrentPerPlatform[p]):0.00} s");
    });
}
