using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Rules;
using CouponFunctions.Core.Stores;
using CouponFunctions.Platforms.Common.Http;
using Microsoft.Extensions.Logging;

namespace CouponFunctions.Platforms.Shopee;

/// <summary>
/// The Shopee Open Platform v2 voucher connector.
/// Rate limits: Shopee publishes no QPS figures and no HTTP status for throttling; it answers <c>error_rate_limit</c>
/// (retried with backoff; it means "not processed") and <c>error_limit</c> for the daily quota (reset 00:00 UTC+8, not
/// retried). We pace ourselves with <see cref="ShopeeClientOptions.AppQps"/> per partner and <see cref="ShopeeClientOptions.ShopQps"/> per shop.
/// Paging: get_voucher_list needs a status (upcoming | ongoing | expired), takes page_no 1–5000 and page_size 1–100, and
/// returns only <c>more</c> (no total). We list upcoming → ongoing → expired, the order time moves vouchers in, so a voucher
/// that starts or ends during the pass shows up in a later list; ids seen before are skipped. Offset paging can still
/// skip a voucher that leaves a list mid-pass; the next sync picks it up.
/// Vouchers carry no status: it is derived from start_time/end_time (Unix seconds, UTC) on our clock.
/// Detail: a get_voucher_list item has no min_basket_price, max_price, display_channel_list, usecase or item_id_list
/// (platform-apis.md §1, "Correction"), so listed coupons carry them as <see cref="Coupon.Unknown"/>; sync reads
/// get_voucher (one call per voucher, through the same token buckets) for the vouchers CouponDetailPolicy picks.
/// </summary>
internal sealed partial class ShopeeClient : IPlatformConnector
{
    public const string HttpClientName = "CouponFunctions.Platforms.Shopee";
    private const string VoucherListPath = "/api/v2/voucher/get_voucher_list";
    private const string VoucherPath = "/api/v2/voucher/get_voucher";
    private const int MaxPageNo = 5000;
    private static readonly string[] ListedStatuses = ["upcoming", "ongoing", "expired"];

    private readonly ShopeeClientOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<ShopeeClient> _logger;
    private readonly ShopeeApi _api;
    private readonly CouponRuleValidator _rules;

    public ShopeeClient(
        ShopeeClientOptions options,
        IHttpClientFactory httpClients,
        TimeProvider time,
        IPlatformCallRecorder recorder,
        ILogger<ShopeeClient> logger,
        CouponRuleValidator? rules = null)
    {
        _options = options;
        _rules = rules ?? CouponRuleValidator.Default;
        _time = time;
        _logger = logger;
        Caller = new PlatformCaller(Platform.Shopee, HttpClientName, options, ShopeeResponseReader.Instance, httpClients, time, recorder, logger);
        _api = new ShopeeApi(options, Caller, time);
    }

    public Platform Platform => Platform.Shopee;

    public PlatformRate Rate => new(_options.AppQps, _options.ShopQps);

    /// <summary>A list page per <see cref="ShopeeClientOptions.PageSize"/> vouchers, and a get_voucher per voucher: a first sync
    /// reads every listed voucher's detail (the list leaves out minimum spend, cap and items).</summary>
    public double CallsPerCoupon => 1.0 / _options.PageSize + 1;

    public static PlatformCapabilities Capabilities => PlatformCapabilities.Shopee;

    internal PlatformCaller Caller { get; }

    public async IAsyncEnumerable<IReadOnlyList<Coupon>> ListCouponsAsync(
        StoreConnection store, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var seen = new HashSet<long>();
        foreach (var status in ListedStatuses)
        {
            for (var page = 1; ; page++)
            {
                var query = new KeyValuePair<string, string>[]
                {
                    new("status", status),
                    new("page_no", page.ToString(CultureInfo.InvariantCulture)),
                    new("page_size", _options.PageSize.ToString(CultureInfo.InvariantCulture)),
                };
                var result = await _api.ShopCallAsync(store, HttpMethod.Get, VoucherListPath, query, null, RetryMode.Safe,
                    response => ReadPage(response, store), cancellationToken).ConfigureAwait(false);
                if (!result.Succeeded) throw new PlatformException(result.Error);

                var fresh = result.Value.Coupons.Where(c => seen.Add(long.Parse(c.PlatformCouponId, CultureInfo.InvariantCulture))).ToList();
                if (fresh.Count > 0) yield return fresh;
                if (!result.Value.More) break;
                if (page == MaxPageNo)
                {
                    _logger.LogWarning("Shopee store {Store} has more {Status} vouchers than page_no 5000 reaches; the rest are not listed.", store, status);
                    break;
                }
            }
        }
    }

    public async Task<PlatformResult<Coupon>> GetCouponAsync(StoreConnection store, string platformCouponId, CancellationToken cancellationToken = default)
    {
        if (!TryParseId(platformCouponId, out var voucherId)) return NotFound(platformCouponId);
        return await _api.ShopCallAsync(store, HttpMethod.Get, VoucherPath, [new("voucher_id", voucherId.ToString(CultureInfo.InvariantCulture))],
            null, RetryMode.Safe, response => ReadVoucher(Response(response), store, detail: true), cancellationToken).ConfigureAwait(false);
    }

    private (List<Coupon> Coupons, bool More) ReadPage(JsonElement envelope, StoreConnection store)
    {
        var response = Response(envelope);
        var more = response.TryGetProperty("more", out var m) && m.ValueKind == JsonValueKind.True;
        var coupons = response.TryGetProperty("voucher_list", out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(v => ReadVoucher(v, store, detail: false)).ToList()
            : [];
        return (coupons, more);
    }

    private Coupon ReadVoucher(JsonElement raw, StoreConnection store, bool detail)
    {
        var voucher = raw.Deserialize<ShopeeVoucher>(PlatformJson.SnakeCase) ?? throw new JsonException("Empty voucher.");
        return ShopeeVoucherMapper.ToCoupon(voucher, raw, store.Site, _time.GetUtcNow(), detail);
    }

    private static JsonElement Response(JsonElement envelope) =>
        envelope.TryGetProperty("response", out var response) && response.ValueKind == JsonValueKind.Object
            ? response
            : throw new JsonException("The answer has no \"response\" object.");

    private static bool TryParseId(string id, out long voucherId) =>
        long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out voucherId);

    private static PlatformError NotFound(string id) =>
        new(Platform.Shopee, PlatformErrorKind.NotFound, "invalid_voucher_id", $"'{id}' is not a Shopee voucher_id.");

    private static PlatformError NotSupported(string reason) =>
        new(Platform.Shopee, PlatformErrorKind.NotSupported, null, reason);
}
