using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using static CouponFunctions.Sandbox.Lazada.LazadaSandboxResults;

namespace CouponFunctions.Sandbox.Lazada;

/// <summary>The SKUs of a SPECIFIC_PRODUCTS voucher: list (GET /promotion/voucher/products/get with id, cur_page and
/// page_size, as the reference lists them; paged like the voucher list; the answer's shape is UNCERTAIN in the reference:
/// data.{total, current, page_size, data_list[{sku_id, product_id}]}), add and remove (sku_ids as a JSON array).</summary>
internal sealed class LazadaProductHandlers(LazadaSandbox sandbox, LazadaVoucherHandlers vouchers)
{
    public IResult List(LazadaCall call)
    {
        if (!vouchers.Find(call, out var voucher, out var seller, out var missing, typeOptional: true)) return missing;
        if (!vouchers.TryPaging(call, out var page, out var size, out var paging)) return paging;
        var items = voucher.SkuIds.Skip((page - 1) * size).Take(size)
            .Select(id => (object)new Dictionary<string, object?> { ["sku_id"] = id, ["product_id"] = seller.Skus.GetValueOrDefault(id)?.ProductId ?? 0 });
        return Ok(call.RequestId, LazadaVoucherJson.Page(voucher.SkuIds.Count, page, size, items));
    }

    public IResult Add(LazadaCall call) => Change(call, adding: true);

    public IResult Remove(LazadaCall call) => Change(call, adding: false);

    private IResult Change(LazadaCall call, bool adding)
    {
        if (!vouchers.Find(call, out var voucher, out var seller, out var missing)) return missing;
        if (voucher.VoucherType == LazadaVoucherRules.CodeVoucher) return Refuse(new("E021", "CODE_VOUCHER cannot be changed through the API."), call.RequestId);
        if (voucher.Apply != LazadaVoucherRules.SpecificProducts)
            return Refuse(LazadaRuleError.Invalid("SKUs belong to SPECIFIC_PRODUCTS vouchers only."), call.RequestId);
        if (voucher.StatusAt(sandbox.Clock.GetUtcNow()) == "FINISH") return Refuse(LazadaRuleError.Invalid("A finished voucher cannot be changed."), call.RequestId);
        if (!TryReadIds(call.Param("sku_ids"), out var ids)) return Refuse(LazadaRuleError.Illegal("sku_ids must be a JSON array of sku ids"), call.RequestId);
        if (adding && ids.FirstOrDefault(id => !seller.Skus.ContainsKey(id)) is var unknown and not 0)
            return Refuse(LazadaRuleError.Invalid($"SKU {unknown} does not belong to the seller."), call.RequestId);

        var skus = adding ? voucher.SkuIds.Union(ids).ToList() : voucher.SkuIds.Except(ids).ToList();
        seller.Vouchers[voucher.Id] = voucher with { SkuIds = skus };
        return Ok(call.RequestId);
    }

    private static bool TryReadIds(string? text, out List<long> ids)
    {
        ids = [];
        if (text is null) return false;
        try
        {
            using var document = JsonDocument.Parse(text);
            if (document.RootElement.ValueKind != JsonValueKind.Array) return false;
            foreach (var item in document.RootElement.EnumerateArray())
            {
                var ok = item.ValueKind == JsonValueKind.Number ? item.TryGetInt64(out var id)
                    : long.TryParse(item.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out id);
                if (!ok || id <= 0) return false;
                ids.Add(id);
            }
            return ids.Count > 0;
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return false;
        }
    }
}
