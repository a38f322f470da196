using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Platforms;

namespace CouponFunctions.Core.Sync;

/// <summary>
/// Completes one listed page for a sync run: reads the details <see cref="CouponDetailPolicy"/> asks for, a few at a time
/// (the connector's per-app and per-shop token buckets pace them within the platform's limits), and carries the rest over
/// from what is stored. A detail that cannot be read now leaves the coupon as listed (unknown stays unknown, never zero)
/// and is tried again on the next sync; a revoked token or an open circuit stops the run like a failed page does.
/// </summary>
internal sealed class CouponDetailReader(IPlatformConnector connector, StoreConnection store, SyncOptions options)
{
    // Enough requests in flight to use a shop's QPS while the app's limit makes each wait its turn (a store running
    // alone at 50 calls/s with 4 in flight needed every call answered within 80 ms, and ran at 45/s), few enough to
    // stay polite. The connector's token buckets pace them either way.
    private const int Concurrency = 8;

    private int _reads;
    private int _failures;
    private PlatformError? _firstFailure;

    public int Reads => _reads;

    /// <summary>What the run's record says about details it could not read, or null when every read succeeded.</summary>
    public string? Note => _failures == 0 ? null
        : $"{_failures} coupon detail(s) could not be read ({_firstFailure!.Kind}: {_firstFailure.Message}); their minimum spend, cap or products stay unknown until the next sync reads them.";

    /// <summary>The page's coupons as sync should store them; coupons gone from the platform since the listing are in <paramref name="gone"/>.</summary>
    public async Task<List<Coupon>> CompleteAsync(
        IReadOnlyList<Coupon> page, IReadOnlyDictionary<string, StoredCoupon> stored, DateTimeOffset now, List<string> gone, CancellationToken cancellationToken)
    {
        var complete = new Coupon?[page.Count];
        var toRead = new List<int>();
        for (var i = 0; i < page.Count; i++)
        {
            var known = stored.GetValueOrDefault(page[i].PlatformCouponId);
            if (CouponDetailPolicy.NeedsDetail(page[i], known, now, options)) toRead.Add(i);
            else complete[i] = CouponDetailPolicy.CarryOver(page[i], known?.Coupon);
        }

        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(toRead, parallel, async (i, token) =>
        {
            var listed = page[i];
            var detail = await connector.GetCouponAsync(store, listed.PlatformCouponId, token);
            Interlocked.Increment(ref _reads);
            if (detail.Succeeded)
            {
                complete[i] = detail.Value;
                return;
            }
            switch (detail.Error.Kind)
            {
                case PlatformErrorKind.NotFound:
                    return;
                case PlatformErrorKind.Unauthorized or PlatformErrorKind.CircuitOpen:
                    throw new PlatformException(detail.Error);
                default:
                    if (Interlocked.Increment(ref _failures) == 1) _firstFailure = detail.Error;
                    complete[i] = CouponDetailPolicy.CarryOver(listed, stored.GetValueOrDefault(listed.PlatformCouponId)?.Coupon);
                    return;
            }
        });

        var result = new List<Coupon>(page.Count);
        for (var i = 0; i < page.Count; i++)
        {
            if (complete[i] is { } coupon) result.Add(coupon);
            else gone.Add(page[i].PlatformCouponId);
        }
        return result;
    }
}
