using System.Runtime.CompilerServices;
using Azure;

namespace CouponFunctions.Storage.Clients.Pipeline;

/// <summary>An <see cref="AsyncPageable{T}"/> that asks for the next page with the previous page's continuation token until there is none.</summary>
internal sealed class FuncAsyncPageable<T>(
    Func<string?, int?, CancellationToken, Task<Page<T>>> fetchPage,
    CancellationToken cancellationToken)
    : AsyncPageable<T>(cancellationToken)
    where T : notnull
{
    public override IAsyncEnumerable<Page<T>> AsPages(string? continuationToken = null, int? pageSizeHint = null) =>
        EnumeratePages(continuationToken, pageSizeHint, CancellationToken);

    private async IAsyncEnumerable<Page<T>> EnumeratePages(
        string? continuationToken,
        int? pageSizeHint,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var token = continuationToken;
        do
        {
            // Pages may be empty and still carry a continuation token (Table queries past a partition boundary).
            var page = await fetchPage(token, pageSizeHint, cancellationToken).ConfigureAwait(false);
            yield return page;
            token = page.ContinuationToken;
        }
        while (!string.IsNullOrEmpty(token));
    }
}
