using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Stores;
using CouponFunctions.Platforms.Common.Http;
using Microsoft.Extensions.Logging;

namespace CouponFunctions.Platforms.Shopline;

/// <summary>
/// The SHOPLINE Open Platform connector: a coupon is a price rule (the discount) with its discount code(s).
/// Rate limits: HTTP 429 (with Retry-After, honoured) at 4 requests per second per store with a burst of 40
/// (platform-apis.md §4.1, UNCERTAIN); we pace at <see cref="ShoplineClientOptions.ShopQps"/> per store.
/// Paging: the list takes <c>limit</c> (1–250) and pages by cursor. SHOPLINE offers two cursors: <c>page_info</c> from the
/// Link header (rel="next") and <c>since_id</c> (ids ascending, greater than the given one). The shared call path hands
/// connectors the body, not the headers, so we page by since_id: keyset paging that neither skips nor repeats a rule when
/// others are added or deleted meanwhile. A page shorter than the limit is the last.
/// Counts: usage_count lives on each discount code, so listing costs one list call per page plus one discount-code call
/// per rule (1,000 rules at 100 per page: 10 + 1,000 calls). Status: price rules have none; it is derived from
/// starts_at/ends_at (scheduled, active, expired) on our clock.
/// </summary>
internal sealed partial class ShoplineClient : IPlatformConnector
{
    public const string HttpClientName = "CouponFunctions.Platforms.Shopline";
    private const string PriceRulesPath = "/sales/price_rules.json";
    private const int CodePageSize = 250;

    private readonly ShoplineClientOptions _options;
    private readonly TimeProvider _time;
    private readonly ShoplineApi _api;

    public ShoplineClient(ShoplineClientOptions options, IHttpClientFactory httpClients, TimeProvider time, IPlatformCallRecorder recorder, ILogger<ShoplineClient> logger)
    {
        _options = options;
        _time = time;
        Caller = new PlatformCaller(Platform.Shopline, HttpClientName, options, ShoplineResponseReader.Instance, httpClients, time, recorder, logger);
        _api = new ShoplineApi(options, Caller, time);
    }

    public Platform Platform => Platform.Shopline;

    public PlatformRate Rate => new(_options.AppQps, _options.ShopQps);

    /// <summary>A list page per <see cref="ShoplineClientOptions.PageSize"/> price rules, and a discount-code call per rule.</summary>
    public double CallsPerCoupon => 1.0 / _options.PageSize + 1;

    public static PlatformCapabilities Capabilities => PlatformCapabilities.Shopline;

    internal PlatformCaller Caller { get; }

    public async IAsyncEnumerable<IReadOnlyList<Coupon>> ListCouponsAsync(StoreConnection store, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? sinceId = null;
        // A page ahead: the next page is listed, and its rules' codes read, while the caller takes this one.
        await using var codes = new DetailReads(_options.DetailConcurrency, cancellationToken);
        Task<Coupon[]>? previous = null;
        while (true)
        {
            var result = await _api.CallAsync(store, "sales/price_rules.list", HttpMethod.Get, PriceRulesPath, Page(_options.PageSize, sinceId), null,
                RetryMode.Safe, root => Items(root, "price_rules").Select(r => (Rule: r.Deserialize<ShoplinePriceRule>(PlatformJson.SnakeCase)!, Raw: r)).ToList(),
                cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded) throw new PlatformException(result.Error);

            var rules = result.Value;
            if (rules.Count > 0)
            {
                var reading = codes.ReadAsync(rules, async (rule, token) =>
                {
                    var read = await CodesAsync(store, rule.Rule.Id ?? string.Empty, token).ConfigureAwait(false);
                    if (!read.Succeeded) throw new PlatformException(read.Error);
                    return ToCoupon(rule.Rule, read.Value, rule.Raw, store);
                });
                if (previous is not null) yield return await previous.ConfigureAwait(false);
                previous = reading;
            }

            if (rules.Count < _options.PageSize) break;
            var last = MaxId(rules.Select(r => r.Rule.Id));
            if (sinceId is not null && CompareIds(last, sinceId) <= 0)
            {
                if (previous is not null) yield return await previous.ConfigureAwait(false);
                throw new PlatformException(new PlatformError(Platform.Shopline, PlatformErrorKind.Transient, "cursor_stuck", "The price rule list did not move past since_id; listing stopped."));
            }
            sinceId = last;
        }
        if (previous is not null) yield return await previous.ConfigureAwait(false);
    }

    public async Task<PlatformResult<Coupon>> GetCouponAsync(StoreConnection store, string platformCouponId, CancellationToken cancellationToken = default)
    {
        if (!IsId(platformCouponId)) return NotFound(platformCouponId);
        var rule = await _api.CallAsync(store, "sales/price_rules.get", HttpMethod.Get, $"/sales/price_rules/{platformCouponId}.json", [], null, RetryMode.Safe,
            root => root.GetProperty("price_rule").Clone(), cancellationToken).ConfigureAwait(false);
        if (!rule.Succeeded) return rule.Error;
        var codes = await CodesAsync(store, platformCouponId, cancellationToken).ConfigureAwait(false);
        if (!codes.Succeeded) return codes.Error;
        return PlatformResult<Coupon>.Ok(ToCoupon(rule.Value.Deserialize<ShoplinePriceRule>(PlatformJson.SnakeCase)!, codes.Value, rule.Value, store));
    }

    /// <summary>Every discount code of a rule (usually one), paged by since_id like the rules.</summary>
    private async Task<PlatformResult<List<ShoplineDiscountCode>>> CodesAsync(StoreConnection store, string ruleId, CancellationToken cancellationToken)
    {
        if (!IsId(ruleId))
            return new PlatformError(Platform.Shopline, PlatformErrorKind.Transient, "unexpected_response", "A listed price rule has no numeric id.");
        var codes = new List<ShoplineDiscountCode>();
        string? sinceId = null;
        while (true)
        {
            var page = await _api.CallAsync(store, "sales/discount_codes.list", HttpMethod.Get, $"/sales/price_rules/{ruleId}/discount_codes.json",
                Page(CodePageSize, sinceId), null, RetryMode.Safe,
                root => Items(root, "discount_codes").Select(c => c.Deserialize<ShoplineDiscountCode>(PlatformJson.SnakeCase)!).ToList(),
                cancellationToken).ConfigureAwait(false);
            if (!page.Succeeded) return page.Error;
            codes.AddRange(page.Value);
            if (page.Value.Count < CodePageSize) return PlatformResult<List<ShoplineDiscountCode>>.Ok(codes);
            var last = MaxId(page.Value.Select(c => c.Id));
            if (sinceId is not null && CompareIds(last, sinceId) <= 0) return PlatformResult<List<ShoplineDiscountCode>>.Ok(codes);
            sinceId = last;
        }
    }

    private Coupon ToCoupon(ShoplinePriceRule rule, IReadOnlyList<ShoplineDiscountCode> codes, JsonElement raw, StoreConnection store) =>
        ShoplinePriceRuleMapper.ToCoupon(rule, codes, raw, store.Site, _time.GetUtcNow());

    private static List<KeyValuePair<string, string>> Page(int limit, string? sinceId) =>
        sinceId is null
            ? [new("limit", limit.ToString(CultureInfo.InvariantCulture))]
            : [new("limit", limit.ToString(CultureInfo.InvariantCulture)), new("since_id", sinceId)];

    private static IEnumerable<JsonElement> Items(JsonElement root, string name) =>
        root.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(e => e.Clone()).ToList()
            : throw new JsonException($"The answer has no \"{name}\" array.");

    // Ids are unsigned decimal strings without leading zeros: the longer one is the larger.
    private static int CompareIds(string a, string b) => a.Length != b.Length ? a.Length.CompareTo(b.Length) : string.CompareOrdinal(a, b);

    private static string MaxId(IEnumerable<string?> ids) =>
        ids.Select(id => IsId(id) ? id! : throw new JsonException("An item has no numeric id.")).Aggregate((a, b) => CompareIds(a, b) >= 0 ? a : b);

    private static bool IsId(string? id) => !string.IsNullOrEmpty(id) && id.Length <= 20 && id.All(char.IsAsciiDigit) && id[0] != '0';

    private static PlatformError NotFound(string id) =>
        new(Platform.Shopline, PlatformErrorKind.NotFound, "invalid_price_rule_id", $"'{id}' is not a SHOPLINE price rule id.");
}
