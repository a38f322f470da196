using System.Globalization;

namespace CouponFunctions.Sandbox.Demo;

/// <summary>The language coupon names are written in.</summary>
internal enum DemoLanguage
{
    English,
    Thai,
    Vietnamese,
    Indonesian,
    ChineseTaiwan,
    ChineseHongKong,
}

/// <summary>
/// Realistic money per site: the discounts sellers there give, the step minimum spends are rounded to, and how buyers
/// see an amount ("$5", "₱100", "20K", "Rp25rb", "NT$1,000"). Amounts are whole numbers except a few in SGD, so
/// currencies without minor units (VND, IDR, TWD) never get decimals.
/// </summary>
internal sealed record DemoMoney(string Site, DemoLanguage Language, decimal[] Amounts, decimal Step, Func<decimal, string> Show)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static readonly Dictionary<string, DemoMoney> BySite = new[]
    {
        new DemoMoney("SG", DemoLanguage.English, [2, 2.5m, 3, 5, 8, 10, 12, 15, 20], 5, a => "$" + Plain(a)),
        new DemoMoney("MY", DemoLanguage.English, [3, 5, 8, 10, 15, 20, 25, 30], 5, a => "RM" + Plain(a)),
        new DemoMoney("PH", DemoLanguage.English, [30, 50, 80, 100, 150, 200, 300], 50, a => "₱" + Grouped(a)),
        new DemoMoney("TH", DemoLanguage.Thai, [20, 30, 50, 80, 100, 150, 200], 50, a => "฿" + Grouped(a)),
        new DemoMoney("VN", DemoLanguage.Vietnamese, [10_000, 15_000, 20_000, 30_000, 50_000, 80_000, 100_000], 10_000, Dong),
        new DemoMoney("ID", DemoLanguage.Indonesian, [5_000, 10_000, 15_000, 20_000, 25_000, 50_000, 75_000], 10_000, Rupiah),
        new DemoMoney("TW", DemoLanguage.ChineseTaiwan, [30, 50, 80, 100, 150, 200, 300], 50, a => "NT$" + Grouped(a)),
        new DemoMoney("HK", DemoLanguage.ChineseHongKong, [10, 20, 30, 50, 80, 100], 10, a => "HK$" + Grouped(a)),
    }.ToDictionary(m => m.Site, StringComparer.OrdinalIgnoreCase);

    public static DemoMoney For(string site) =>
        BySite.TryGetValue(site, out var money) ? money : throw new ArgumentException($"The demo has no money profile for site {site}.", nameof(site));

    /// <summary>Rounds up to the site's step, so a minimum spend reads like one a seller would set.</summary>
    public decimal RoundUp(decimal amount) => Math.Ceiling(amount / Step) * Step;

    private static string Plain(decimal amount) => amount.ToString(amount == decimal.Truncate(amount) ? "0" : "0.00", Invariant);

    private static string Grouped(decimal amount) => amount.ToString("#,0.##", Invariant);

    // Vietnamese sellers write thousands as K and millions as TR ("Giảm 20K đơn từ 199K", "1.5TR").
    private static string Dong(decimal amount) =>
        amount >= 1_000_000 ? (amount / 1_000_000).ToString("0.#", Invariant) + "TR" : (amount / 1_000).ToString("0.#", Invariant) + "K";

    // Indonesian sellers write ribu (thousand) as rb and juta (million) as jt ("Rp25rb", "Rp1,5jt").
    private static string Rupiah(decimal amount) =>
        amount >= 1_000_000 ? "Rp" + (amount / 1_000_000).ToString("0.#", Invariant).Replace('.', ',') + "jt" : "Rp" + (amount / 1_000).ToString("0.#", Invariant) + "rb";
}
