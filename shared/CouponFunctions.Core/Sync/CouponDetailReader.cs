using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Platforms;

namespace CouponFunctions.Core.Sync;

/// <summary>
/// Completes the listed pages of a sync run: reads the details <see cref="CouponDetailPolicy"/> asks for, a few at a time
/// across pages (<see cref="DetailReads"/>: the next page's reads start while the last of this page's are in flight; the
/// connector's per-app and per-shop token buckets pace them within the platform's limits), and carries the rest over
/// from what is stored. A detail that cannot be read now leaves the coupon as listed (unknown stays unknown, never zero)
/// and is tried again on the next sync; a revoked token or an open circuit stops the run like a failed page does.
/// </summary>
internal sealed class CouponDetailReader(IPlatformConnector connector, StoreConnection store, SyncOptions options, CancellationToken cancellationToken)
    : IAsyncDisposable
{
    // Enough requests in flight to use a shop's QPS while the app's limit makes each wait its turn (a store running
    // alone at 50 calls/s with 4 in flight needed every call answered within 80 ms, and ran at 45/s), few enough to
    // stay polite. The connector's token buckets pace them either way.
    private const int Concurrency = 8;

    private readonly DetailReads _reads = new(Concurrency, cancellationToken);
    private int _readCount;
    private int _failures;
    private PlatformError? _firstFailure;

    public int Reads => _readCount;

    /// <summary>What the run's record says about details it could not read, or null when every read succeeded.</summary>
    public string? Note => _failures == 0 ? null
        : $"{_failures} coupon detail(s) could not be read ({_firstFailure!.Kind}: {_firstFailure.Message}); their minimum spend, cap or products stay unknown until the next sync reads them.";

    /// <summary>
    /// Starts completing a page (its reads queue behind the earlier pages'): the page's coupons as sync should store them,
    /// and those gone from the platform since the listing. What is stored is read now, before this returns, so the caller
    /// may move its copy of other coupons on while the reads run.
    /// </summary>
    public async Task<(List<Coupon> Complete, List<string> Gone)> CompleteAsync(
        IReadOnlyList<Coupon> page, IReadOnlyDictionary<string, StoredCoupon> stored, DateTimeOffset now)
    {
        var complete = new Coupon?[page.Count];
        var toRead = new List<(int Index, Coupon? Known)>();
        for (var i = 0; i < page.Count; i++)
        {
            var known = stored.GetValueOrDefault(page[i].PlatformCouponId);
            if (CouponDetailPolicy.NeedsDetail(page[i], known, now, options)) toRead.Add((i, known?.Coupon));
            else complete[i] = CouponDetailPolicy.CarryOver(page[i], known?.Coupon);
        }

        await _reads.ReadAsync(toRead, async (item, token) =>
        {
            var listed = page[item.Index];
            var detail = await connector.GetCouponAsync(store, listed.PlatformCouponId, token);
            Interlocked.Increment(ref _readCount);
            if (detail.Succeeded)
            {
                complete[item.Index] = detail.Value;
                return true;
            }
            switch (detail.Error.Kind)
            {
                case PlatformErrorKind.NotFound:
                    return false;
                case PlatformErrorKind.Unauthorized or PlatformErrorKind.CircuitOpen:
                    throw new PlatformException(detail.Error);
                default:
                    if (Interlocked.Increment(ref _failures) == 1) _firstFailure = detail.Error;
                    complete[item.Index] = CouponDetailPolicy.CarryOver(listed, item.Known);
                    return false;
            }
        });

        var result = new List<Coupon>(page.Count);
        var gone = new List<string>();
        for (var i = 0; i < page.Count; i++)
        {
            if (complete[i] is { } coupon) result.Add(coupon);
            else gone.Add(page[i].PlatformCouponId);
        }
        return (result, gone);
    }

    public ValueTask DisposeAsync() => _reads.DisposeAsync();
}
