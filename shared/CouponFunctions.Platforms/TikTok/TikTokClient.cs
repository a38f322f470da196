using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Stores;
using CouponFunctions.Platforms.Common.Http;
using Microsoft.Extensions.Logging;

namespace CouponFunctions.Platforms.TikTok;

/// <summary>
/// The TikTok Shop Partner API coupon connector. Coupons are read-only through the API (made in Seller Center); every
/// write is refused with <see cref="PlatformErrorKind.NotSupported"/> before any call.
/// Rate limits: TikTok publishes no QPS figures. It answers 36009002 (HTTP 429, sometimes with Retry-After), which means
/// "not processed" and is retried with backoff; we pace ourselves with <see cref="TikTokClientOptions.AppQps"/> per app and
/// <see cref="TikTokClientOptions.ShopQps"/> per shop. Timestamps are Unix seconds, accepted within ±5 minutes.
/// Paging: SearchCoupons is cursor paging: page_size and page_token in the query, the filter in the body; each answer
/// carries next_page_token ("" on the last page) and total_count. We search all four statuses in one pass.
/// Counts: claimed/redeemed (usage_stats) come only from GetCoupon, so with <see cref="TikTokClientOptions.FetchUsageStats"/>
/// (default) a listing costs one search call per page plus one detail call per coupon (1,000 coupons at page size 50:
/// 20 + 1,000 calls), paced by the limiter. Operators need claims and usage for stock-out inspections and performance,
/// so we pay it; turning it off lists in 1/50th of the calls with claimed and used counts unknown (null, not zero).
/// </summary>
internal sealed partial class TikTokClient : IPlatformConnector
{
    public const string HttpClientName = "CouponFunctions.Platforms.TikTok";
    private const string SearchPath = "/promotion/202406/coupons/search";
    private const string CouponPath = "/promotion/202406/coupons/";
    private static readonly string[] AllStatuses = ["NOT_START", "ONGOING", "EXPIRED", "DEACTIVATED"];

    private readonly TikTokClientOptions _options;
    private readonly TimeProvider _time;
    private readonly TikTokApi _api;

    public TikTokClient(TikTokClientOptions options, IHttpClientFactory httpClients, TimeProvider time, IPlatformCallRecorder recorder, ILogger<TikTokClient> logger)
    {
        _options = options;
        _time = time;
        Caller = new PlatformCaller(Platform.TikTok, HttpClientName, options, TikTokResponseReader.Instance, httpClients, time, recorder, logger);
        _api = new TikTokApi(options, Caller, time);
    }

    public Platform Platform => Platform.TikTok;

    public PlatformRate Rate => new(_options.AppQps, _options.ShopQps);

    /// <summary>A search page per <see cref="TikTokClientOptions.PageSize"/> coupons, and a GetCoupon per coupon while
    /// <see cref="TikTokClientOptions.FetchUsageStats"/> is on.</summary>
    public double CallsPerCoupon => 1.0 / _options.PageSize + (_options.FetchUsageStats ? 1 : 0);

    public static PlatformCapabilities Capabilities => PlatformCapabilities.TikTok;

    internal PlatformCaller Caller { get; }

    public async IAsyncEnumerable<IReadOnlyList<Coupon>> ListCouponsAsync(StoreConnection store, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pageToken = string.Empty;
        // A page ahead: the next page is searched, and its details read, while the caller takes this one.
        await using var details = new DetailReads(_options.DetailConcurrency, cancellationToken);
        Task<Coupon[]>? previous = null;
        while (true)
        {
            List<KeyValuePair<string, string>> query = [new("page_size", _options.PageSize.ToString(CultureInfo.InvariantCulture))];
            if (pageToken.Length > 0) query.Add(new("page_token", pageToken));
            var result = await _api.ShopCallAsync(store, "promotion/202406/coupons/search", HttpMethod.Post, SearchPath, query,
                new TikTokSearchCouponsBody(AllStatuses), data => ReadPage(data, store), cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded) throw new PlatformException(result.Error);

            // A coupon that changes while we page can come twice; the first copy wins.
            var fresh = result.Value.Coupons.Where(c => seen.Add(c.PlatformCouponId)).ToList();
            if (fresh.Count > 0)
            {
                var reading = _options.FetchUsageStats ? details.ReadAsync(fresh, (coupon, token) => WithUsageAsync(store, coupon, token)) : Task.FromResult(fresh.ToArray());
                if (previous is not null) yield return await previous.ConfigureAwait(false);
                previous = reading;
            }

            var next = result.Value.NextPageToken;
            if (string.IsNullOrEmpty(next)) break;
            if (next == pageToken)
            {
                if (previous is not null) yield return await previous.ConfigureAwait(false);
                throw new PlatformException(new PlatformError(Platform.TikTok, PlatformErrorKind.Transient, "cursor_stuck",
                    "SearchCoupons returned the same next_page_token twice; listing stopped."));
            }
            pageToken = next;
        }
        if (previous is not null) yield return await previous.ConfigureAwait(false);
    }

    public async Task<PlatformResult<Coupon>> GetCouponAsync(StoreConnection store, string platformCouponId, CancellationToken cancellationToken = default)
    {
        if (platformCouponId.Length == 0 || !platformCouponId.All(char.IsAsciiDigit))
            return new PlatformError(Platform.TikTok, PlatformErrorKind.NotFound, "invalid_coupon_id", $"'{platformCouponId}' is not a TikTok coupon id.");
        // The detail sits under data.coupon; read data itself if TikTok ever flattens it (the shape is UNCERTAIN).
        return await _api.ShopCallAsync(store, "promotion/202406/coupons/get", HttpMethod.Get, CouponPath + platformCouponId, [], null,
            data => ReadCoupon(data.TryGetProperty("coupon", out var coupon) && coupon.ValueKind == JsonValueKind.Object ? coupon : data, store),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A listed coupon with its usage_stats, read from its detail (the search leaves them out).</summary>
    private async Task<Coupon> WithUsageAsync(StoreConnection store, Coupon listed, CancellationToken cancellationToken)
    {
        var result = await GetCouponAsync(store, listed.PlatformCouponId, cancellationToken).ConfigureAwait(false);
        if (result.Succeeded) return result.Value;
        // Gone between search and detail: keep the search copy, counts unknown.
        if (result.Error.Kind == PlatformErrorKind.NotFound) return listed;
        throw new PlatformException(result.Error);
    }

    private (List<Coupon> Coupons, string? NextPageToken) ReadPage(JsonElement data, StoreConnection store)
    {
        var coupons = data.TryGetProperty("coupons", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(c => ReadCoupon(c, store)).ToList()
            : [];
        var next = data.TryGetProperty("next_page_token", out var token) && token.ValueKind == JsonValueKind.String ? token.GetString() : null;
        return (coupons, next);
    }

    private static Coupon ReadCoupon(JsonElement raw, StoreConnection store)
    {
        var coupon = raw.Deserialize<TikTokCoupon>(PlatformJson.SnakeCase) ?? throw new JsonException("Empty coupon.");
        return TikTokCouponMapper.ToCoupon(coupon, raw, store.Site);
    }
}
