using System.Globalization;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Stores;
using CouponFunctions.Platforms.Common.Http;
using static CouponFunctions.Platforms.Lazada.LazadaJson;

namespace CouponFunctions.Platforms.Lazada;

// A SPECIFIC_PRODUCTS voucher's SKUs live behind their own APIs. The unified model's ProductIds hold Lazada sku_ids,
// the unit these APIs add and remove.
internal sealed partial class LazadaClient
{
    private const string ProductsPath = "/promotion/voucher/products/get";
    private const string SkuAddPath = "/promotion/voucher/product/sku/add";
    private const string SkuRemovePath = "/promotion/voucher/product/sku/remove";

    // Lazada states no batch size for sku_ids (UNCERTAIN); 50 per call keeps each request small.
    private const int SkuBatch = 50;

    /// <summary>Every SKU of the voucher. The answer's shape is UNCERTAIN in the reference; we read
    /// data.{total, data_list[{sku_id}]}, paged like the voucher list.</summary>
    private async Task<PlatformResult<IReadOnlyList<string>>> ListSkusAsync(StoreConnection store, LazadaVoucher voucher, CancellationToken cancellationToken)
    {
        var skus = new List<string>();
        for (var page = 1; page <= MaxPages; page++)
        {
            // The documented parameters: id, cur_page, page_size (no voucher_type, unlike the voucher APIs).
            var query = new KeyValuePair<string, string>[]
            {
                new("id", Number(voucher.Id)), new("cur_page", Number(page)), new("page_size", Number(_options.PageSize)),
            };
            var result = await _api.SellerCallAsync(store, HttpMethod.Get, ProductsPath, query, RetryMode.Safe,
                LazadaPage.Read, cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded) return result.Error;
            skus.AddRange(result.Value.Items.Select(item => String(item, "sku_id") ?? throw new FormatException("A SKU without sku_id.")));
            if (result.Value.IsLast(skus.Count, _options.PageSize)) break;
        }
        return PlatformResult<IReadOnlyList<string>>.Ok(LazadaVoucherMapper.ToProductIds(skus));
    }

    /// <summary>Makes the voucher's SKUs exactly <paramref name="wanted"/>: adds the missing, removes the rest. Adding or
    /// removing the same SKUs again converges, so both are retried like reads.</summary>
    private async Task<PlatformResult> SetSkusAsync(StoreConnection store, LazadaVoucher voucher, IReadOnlyList<string> current, IReadOnlyList<long> wanted, CancellationToken cancellationToken)
    {
        var have = current.Select(s => long.Parse(s, CultureInfo.InvariantCulture)).ToHashSet();
        var add = wanted.Where(id => !have.Contains(id)).Distinct().ToList();
        var remove = have.Where(id => !wanted.Contains(id)).ToList();
        foreach (var (path, ids) in new[] { (SkuAddPath, add), (SkuRemovePath, remove) })
        {
            foreach (var batch in ids.Chunk(SkuBatch))
            {
                var form = new KeyValuePair<string, string>[]
                {
                    new("voucher_type", voucher.VoucherType), new("id", Number(voucher.Id)),
                    new("sku_ids", "[" + string.Join(',', batch.Select(Number)) + "]"),
                };
                var result = await _api.SellerCallAsync(store, HttpMethod.Post, path, form, RetryMode.Safe, _ => true, cancellationToken).ConfigureAwait(false);
                if (!result.Succeeded) return result.Error;
            }
        }
        return PlatformResult.Ok();
    }

    private static PlatformError InvalidSkus() => Rejected("invalid_sku_id", "Lazada product vouchers take sku_ids, which are numbers.");
}
