using System.Runtime.CompilerServices;
using System.Text.Json;
using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Stores;
using CouponFunctions.Platforms.Common.Http;
using Microsoft.Extensions.Logging;
using static CouponFunctions.Platforms.Lazada.LazadaJson;

namespace CouponFunctions.Platforms.Lazada;

/// <summary>
/// The Lazada Open Platform seller voucher connector.
/// Rate limits: Lazada publishes daily caps (test apps 10k calls a day, online apps 10M) but no QPS and no HTTP status for
/// throttling (platform-apis.md §2, UNCERTAIN). It answers <c>ApiCallLimit</c> in the body (retried with backoff; "not
/// processed"). We pace ourselves with <see cref="LazadaClientOptions.AppQps"/> per app and <see cref="LazadaClientOptions.ShopQps"/>
/// per seller. Calls go to the gateway of the seller's country; token calls to the shared auth host.
/// Paging: /promotion/vouchers/get requires a voucher_type and takes an optional status, cur_page (from 1) and page_size; it
/// returns data.{total, current, page_size, data_list}. We list each voucher_type in each status (NOT_START → ONGOING →
/// SUSPEND → FINISH, the order time moves vouchers in, so a voucher that moves during the pass shows up in a later list)
/// and skip ids seen before. Offset paging can still miss a voucher that leaves a list mid-pass; the next sync finds it.
/// A list ends when the vouchers received reach <c>total</c> (or a page comes back empty): counting, not page arithmetic,
/// so a gateway that caps page_size below ours is still read to the end. The list carries no SKUs; only the detail read does.
/// </summary>
internal sealed partial class LazadaClient : IPlatformConnector
{
    public const string HttpClientName = "CouponFunctions.Platforms.Lazada";
    private const string VoucherListPath = "/promotion/vouchers/get";
    private const string VoucherPath = "/promotion/voucher/get";
    // A guard against a gateway that keeps answering full pages; 2,000 pages of 100 is far beyond any seller.
    private const int MaxPages = 2000;
    private static readonly string[] ListedTypes = [LazadaVoucher.Collectible, LazadaVoucher.CodeVoucher];
    private static readonly string[] ListedStatuses = ["NOT_START", "ONGOING", "SUSPEND", "FINISH"];

    private readonly LazadaClientOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<LazadaClient> _logger;
    private readonly LazadaApi _api;

    public LazadaClient(
        LazadaClientOptions options,
        IHttpClientFactory httpClients,
        TimeProvider time,
        IPlatformCallRecorder recorder,
        ILogger<LazadaClient> logger)
    {
        _options = options;
        _time = time;
        _logger = logger;
        Caller = new PlatformCaller(Platform.Lazada, HttpClientName, options, LazadaResponseReader.Instance, httpClients, time, recorder, logger);
        _api = new LazadaApi(options, Caller, time);
    }

    public Platform Platform => Platform.Lazada;

    public PlatformRate Rate => new(_options.AppQps, _options.ShopQps);

    /// <summary>A list page per <see cref="LazadaClientOptions.PageSize"/> vouchers; the list has everything sync keeps but the
    /// SKUs of product vouchers, whose detail reads (a share of the vouchers that no store-wide figure predicts) are left out.</summary>
    public double CallsPerCoupon => 1.0 / _options.PageSize;

    public static PlatformCapabilities Capabilities => PlatformCapabilities.Lazada;

    internal PlatformCaller Caller { get; }

    public async IAsyncEnumerable<IReadOnlyList<Coupon>> ListCouponsAsync(
        StoreConnection store, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in ListedTypes)
        {
            foreach (var status in ListedStatuses)
            {
                var received = 0;
                for (var page = 1; ; page++)
                {
                    var query = new KeyValuePair<string, string>[]
                    {
                        new("voucher_type", type), new("status", status),
                        new("cur_page", Number(page)), new("page_size", Number(_options.PageSize)),
                    };
                    var result = await _api.SellerCallAsync(store, HttpMethod.Get, VoucherListPath, query, RetryMode.Safe,
                        response => ReadPage(response, store), cancellationToken).ConfigureAwait(false);
                    if (!result.Succeeded) throw new PlatformException(result.Error);

                    var (coupons, last) = result.Value;
                    var fresh = coupons.Where(c => seen.Add(c.PlatformCouponId)).ToList();
                    if (fresh.Count > 0) yield return fresh;
                    received += coupons.Count;
                    if (last(received)) break;
                    if (page == MaxPages)
                    {
                        _logger.LogWarning("Lazada store {Store} reports more {Type} {Status} vouchers than {Pages} pages; the rest are not listed.", store, type, status, MaxPages);
                        break;
                    }
                }
            }
        }
    }

    public async Task<PlatformResult<Coupon>> GetCouponAsync(StoreConnection store, string platformCouponId, CancellationToken cancellationToken = default)
    {
        var voucher = await GetVoucherAsync(store, platformCouponId, cancellationToken).ConfigureAwait(false);
        if (!voucher.Succeeded) return voucher.Error;
        var (current, raw) = voucher.Value;
        IReadOnlyList<string>? skus = null;
        if (current.Apply == LazadaVoucher.SpecificProducts)
        {
            var listed = await ListSkusAsync(store, current, cancellationToken).ConfigureAwait(false);
            if (!listed.Succeeded) return listed.Error;
            skus = listed.Value;
        }
        return PlatformResult<Coupon>.Ok(LazadaVoucherMapper.ToCoupon(current, raw, store.Site, _time.GetUtcNow(), skus));
    }

    /// <summary>The voucher as Lazada holds it, for the connector's own checks before a change.</summary>
    private async Task<PlatformResult<(LazadaVoucher Voucher, JsonElement Raw)>> GetVoucherAsync(StoreConnection store, string platformCouponId, CancellationToken cancellationToken)
    {
        if (!LazadaVoucherMapper.TryParseCouponId(platformCouponId, out var type, out var id))
            return new PlatformError(Platform.Lazada, PlatformErrorKind.NotFound, "invalid_voucher_id", $"'{platformCouponId}' is not a Lazada voucher id.");
        return await _api.SellerCallAsync(store, HttpMethod.Get, VoucherPath, [new("voucher_type", type), new("id", Number(id))], RetryMode.Safe,
            response =>
            {
                var raw = Data(response);
                return (LazadaVoucher.Read(raw), raw.Clone());
            }, cancellationToken).ConfigureAwait(false);
    }

    private (List<Coupon> Coupons, Func<int, bool> IsLast) ReadPage(JsonElement envelope, StoreConnection store)
    {
        var page = LazadaPage.Read(envelope);
        var now = _time.GetUtcNow();
        var coupons = page.Items.Select(raw => LazadaVoucherMapper.ToCoupon(LazadaVoucher.Read(raw), raw, store.Site, now)).ToList();
        return (coupons, received => page.IsLast(received, _options.PageSize));
    }

    private static PlatformError NotSupported(string reason) => new(Platform.Lazada, PlatformErrorKind.NotSupported, null, reason);

    private static PlatformError Rejected(string code, string message) => new(Platform.Lazada, PlatformErrorKind.Rejected, code, message);
}
