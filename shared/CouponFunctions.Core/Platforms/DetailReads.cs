using System.Runtime.ExceptionServices;

namespace CouponFunctions.Core.Platforms;

/// <summary>
/// The per-coupon reads of one listing, a few at a time across its pages. A page's reads start as soon as the page is
/// listed and queue behind the earlier pages' reads (first come, first served), so a listing one page ahead keeps its
/// shop's calls going over page boundaries: the next page's reads take places as the last of the previous page's
/// finish, instead of every page waiting for its slowest read and then for the next list call. A store running at its
/// shop's limit loses a call's round trip or two at every page otherwise.
/// A read that throws stops the reads that have not started (those in flight finish); the pages that had every read
/// started complete, the rest fail with that first fault. Dispose when the listing ends: what has not started never
/// starts, and what is in flight is waited for, so no call outlives the listing.
/// </summary>
public sealed class DetailReads : IAsyncDisposable
{
    private readonly SemaphoreSlim _places;
    private readonly CancellationTokenSource _stop;
    private readonly CancellationToken _cancellationToken;
    private readonly List<Task> _pages = [];
    private ExceptionDispatchInfo? _fault;

    /// <param name="concurrency">Reads in flight at once (≥ 1).</param>
    /// <param name="cancellationToken">The listing's token, handed to every read.</param>
    public DetailReads(int concurrency, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(concurrency, 1);
        _places = new SemaphoreSlim(concurrency, concurrency);
        _cancellationToken = cancellationToken;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
    }

    /// <summary>Starts one page's reads (each waits for a place) and returns their results in the page's order.</summary>
    public Task<TResult[]> ReadAsync<TItem, TResult>(IReadOnlyList<TItem> items, Func<TItem, CancellationToken, Task<TResult>> read)
    {
        var reads = new Task<TResult>[items.Count];
        for (var i = 0; i < items.Count; i++) reads[i] = ReadOneAsync(items[i], read);
        var page = PageAsync(reads);
        _pages.Add(page);
        return page;
    }

    private async Task<TResult> ReadOneAsync<TItem, TResult>(TItem item, Func<TItem, CancellationToken, Task<TResult>> read)
    {
        await _places.WaitAsync(_stop.Token).ConfigureAwait(false);
        if (_stop.IsCancellationRequested)
        {
            // A place handed over as the stop came (the semaphore's wait does not lose that race): give it back unused.
            _places.Release();
            _stop.Token.ThrowIfCancellationRequested();
        }
        try
        {
            // The listing's token, not the stop: a fault elsewhere leaves the reads in flight to finish whole.
            return await read(item, _cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !_cancellationToken.IsCancellationRequested)
        {
            Interlocked.CompareExchange(ref _fault, ExceptionDispatchInfo.Capture(e), null);
            _stop.Cancel();
            throw;
        }
        finally
        {
            _places.Release();
        }
    }

    private async Task<TResult[]> PageAsync<TResult>(Task<TResult>[] reads)
    {
        try
        {
            return await Task.WhenAll(reads).ConfigureAwait(false);
        }
        catch when (_fault is not null && !_cancellationToken.IsCancellationRequested)
        {
            // A page whose reads a fault stopped (or a page with the fault itself) fails with that fault.
            _fault.Throw();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(_pages).ConfigureAwait(false);
        }
        catch
        {
            // Observed here; the listing has its own fault to report (or none, when it stopped early).
        }
        _stop.Dispose();
        _places.Dispose();
    }
}
