using System.Globalization;

namespace CouponFunctions.Sandbox.Lazada;

/// <summary>A voucher as Lazada's detail and list APIs show it: the documented types (Number as numbers, money as strings),
/// and the string "null" for an absent string, as in Lazada's own response examples.</summary>
internal static class LazadaVoucherJson
{
    private static readonly Dictionary<string, string> Currencies = new(StringComparer.OrdinalIgnoreCase)
    {
        ["SG"] = "SGD", ["MY"] = "MYR", ["PH"] = "PHP", ["TH"] = "THB", ["VN"] = "VND", ["ID"] = "IDR",
    };

    public static string CurrencyOf(string site) => Currencies.GetValueOrDefault(site, "USD");

    public static Dictionary<string, object?> Voucher(LazadaSandboxVoucher v, LazadaSandboxSeller seller, DateTimeOffset now) => new()
    {
        ["id"] = v.Id,
        ["voucher_type"] = v.VoucherType,
        ["voucher_name"] = v.Name,
        ["voucher_code"] = v.VoucherCode ?? "null",
        ["apply"] = v.Apply,
        ["display_area"] = v.DisplayArea,
        ["voucher_discount_type"] = v.DiscountType,
        ["criteria_over_money"] = Money(v.CriteriaOverMoney),
        ["offering_money_value_off"] = v.MoneyValueOff is { } off ? Money(off) : "null",
        ["offering_percentage_discount_off"] = v.PercentageOff is { } percent ? Money(percent) : "null",
        ["max_discount_offering_money_value"] = v.MaxDiscount is { } cap ? Money(cap) : "null",
        ["period_start_time"] = v.Start.ToUnixTimeMilliseconds(),
        ["period_end_time"] = v.End.ToUnixTimeMilliseconds(),
        ["collect_start"] = (v.CollectStart ?? v.Start).ToUnixTimeMilliseconds(),
        ["limit"] = v.Limit,
        ["issued"] = v.Issued,
        ["order_used_budget"] = v.OrderUsedBudget,
        ["currency"] = v.Currency ?? CurrencyOf(seller.Site),
        ["status"] = v.StatusAt(now),
    };

    public static Dictionary<string, object?> Page(int total, int current, int pageSize, IEnumerable<object> items) => new()
    {
        ["total"] = total,
        ["current"] = current,
        ["page_size"] = pageSize,
        ["data_list"] = items.ToList(),
    };

    private static string Money(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);
}
