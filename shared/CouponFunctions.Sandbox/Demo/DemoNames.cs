using System.Globalization;
using CouponFunctions.Core.Coupons;

namespace CouponFunctions.Sandbox.Demo;

/// <summary>A promotion theme: a short tag for codes and its name in each demo language.</summary>
internal sealed record DemoCampaign(string Tag, string English, string Thai, string Vietnamese, string Indonesian, string Taiwan, string HongKong)
{
    public string In(DemoLanguage language) => language switch
    {
        DemoLanguage.Thai => Thai,
        DemoLanguage.Vietnamese => Vietnamese,
        DemoLanguage.Indonesian => Indonesian,
        DemoLanguage.ChineseTaiwan => Taiwan,
        DemoLanguage.ChineseHongKong => HongKong,
        _ => English,
    };
}

/// <summary>Coupon names as sellers in each market write them: a campaign, then the terms in the local language.</summary>
internal static class DemoNames
{
    public static IReadOnlyList<DemoCampaign> Campaigns { get; } =
    [
        new("PD", "Payday Sale", "โปรเงินเดือนออก", "Sale Ngày Lương", "Gajian Sale", "發薪日優惠", "出糧優惠"),
        new("WK", "Weekend Deal", "ดีลสุดสัปดาห์", "Ưu Đãi Cuối Tuần", "Promo Akhir Pekan", "週末限定", "週末優惠"),
        new("NF", "New Follower", "ผู้ติดตามใหม่", "Người Theo Dõi Mới", "Pengikut Baru", "新客禮", "新客優惠"),
        new("MG", "Mega Sale", "เมกะเซล", "Siêu Sale", "Mega Sale", "週年慶", "週年慶"),
        new("FS", "Flash Sale", "แฟลชเซล", "Flash Sale", "Flash Sale", "限時快閃", "限時閃購"),
        new("VP", "VIP Member", "สมาชิก VIP", "Thành Viên VIP", "Member VIP", "VIP專屬", "VIP專享"),
        new("BD", "Brand Day", "วันแบรนด์", "Ngày Hội Thương Hiệu", "Brand Day", "品牌日", "品牌日"),
        new("LV", "Live Exclusive", "ไลฟ์สดเท่านั้น", "Độc Quyền Livestream", "Live Eksklusif", "直播限定", "直播限定"),
        new("DD", "12.12 Sale", "12.12 ลดใหญ่", "Sale 12.12", "Promo 12.12", "雙12", "雙12"),
        new("SM", "Mid-Month Sale", "ลดกลางเดือน", "Sale Giữa Tháng", "Promo Tengah Bulan", "月中特賣", "月中特賣"),
    ];

    public static string Name(DemoCampaign campaign, DemoMoney money, RewardType reward, decimal amount, decimal percentage, decimal? cap, decimal minSpend) =>
        $"{campaign.In(money.Language)} · {Terms(money, reward, amount, percentage, cap, minSpend)}";

    private static string Terms(DemoMoney m, RewardType reward, decimal amount, decimal p, decimal? cap, decimal min)
    {
        var percent = p.ToString("0.##", CultureInfo.InvariantCulture);
        return (m.Language, reward) switch
        {
            (DemoLanguage.Thai, RewardType.FixedAmount) => min > 0 ? $"ลด {m.Show(amount)} เมื่อช้อปครบ {m.Show(min)}" : $"ลด {m.Show(amount)} ไม่มีขั้นต่ำ",
            (DemoLanguage.Thai, RewardType.CoinCashback) => $"เงินคืน {percent}% เป็น Coins",
            (DemoLanguage.Thai, _) => $"ลด {percent}%" + (cap is { } c ? $" สูงสุด {m.Show(c)}" : ""),
            (DemoLanguage.Vietnamese, RewardType.FixedAmount) => min > 0 ? $"Giảm {m.Show(amount)} đơn từ {m.Show(min)}" : $"Giảm {m.Show(amount)} không tối thiểu",
            (DemoLanguage.Vietnamese, RewardType.CoinCashback) => $"Hoàn {percent}% Xu",
            (DemoLanguage.Vietnamese, _) => $"Giảm {percent}%" + (cap is { } c ? $" tối đa {m.Show(c)}" : ""),
            (DemoLanguage.Indonesian, RewardType.FixedAmount) => min > 0 ? $"Diskon {m.Show(amount)} min. belanja {m.Show(min)}" : $"Diskon {m.Show(amount)} tanpa min.",
            (DemoLanguage.Indonesian, RewardType.CoinCashback) => $"Cashback {percent}% Koin",
            (DemoLanguage.Indonesian, _) => $"Diskon {percent}%" + (cap is { } c ? $" s.d. {m.Show(c)}" : ""),
            (DemoLanguage.ChineseTaiwan, RewardType.FixedAmount) => min > 0 ? $"滿{m.Show(min)}折{m.Show(amount)}" : $"現折{m.Show(amount)}",
            (DemoLanguage.ChineseTaiwan, _) => $"全館{Zhe(p)}折" + (min > 0 ? $" 滿{m.Show(min)}" : ""),
            (DemoLanguage.ChineseHongKong, RewardType.FixedAmount) => min > 0 ? $"滿{m.Show(min)}減{m.Show(amount)}" : $"即減{m.Show(amount)}",
            (DemoLanguage.ChineseHongKong, _) => $"全店{Zhe(p)}折" + (min > 0 ? $" 滿{m.Show(min)}" : ""),
            (_, RewardType.FixedAmount) => min > 0 ? $"{m.Show(amount)} off min. spend {m.Show(min)}" : $"{m.Show(amount)} off, no min. spend",
            (_, RewardType.CoinCashback) => $"{percent}% coins cashback",
            _ => $"{percent}% off" + (cap is { } c ? $" up to {m.Show(c)}" : ""),
        };
    }

    // Chinese discounts name what is paid: 10% off is 9折, 15% off is 85折.
    private static string Zhe(decimal percentOff)
    {
        var paid = (int)(100 - percentOff);
        return paid % 10 == 0 ? (paid / 10).ToString(CultureInfo.InvariantCulture) : paid.ToString(CultureInfo.InvariantCulture);
    }
}
