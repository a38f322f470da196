namespace CouponFunctions.Core.Stores;

/// <summary>A marketplace site (country) with its currency and default IANA time zone.</summary>
/// <param name="Code">ISO 3166 alpha-2 code as the platforms use it (SG, MY, PH, TH, VN, ID, TW, ...).</param>
/// <param name="CurrencyDecimals">ISO 4217 minor units; platform-specific overrides live in the rule catalog.</param>
public sealed record Site(string Code, string Name, string Currency, int CurrencyDecimals, string TimeZoneId)
{
    public TimeZoneInfo TimeZone => TimeZoneInfo.FindSystemTimeZoneById(TimeZoneId);
}

/// <summary>The sites the product knows, keyed by code.</summary>
public static class Sites
{
    // Default zones per site: SG/MY/PH/TW/HK +8, TH/VN/ID(WIB) +7; GB and US observe daylight saving.
    private static readonly Site[] All =
    [
        new("SG", "Singapore", "SGD", 2, "Asia/Singapore"),
        new("MY", "Malaysia", "MYR", 2, "Asia/Kuala_Lumpur"),
        new("PH", "Philippines", "PHP", 2, "Asia/Manila"),
        new("TH", "Thailand", "THB", 2, "Asia/Bangkok"),
        new("VN", "Vietnam", "VND", 0, "Asia/Ho_Chi_Minh"),
        new("ID", "Indonesia", "IDR", 0, "Asia/Jakarta"),
        new("TW", "Taiwan", "TWD", 0, "Asia/Taipei"),
        new("HK", "Hong Kong", "HKD", 2, "Asia/Hong_Kong"),
        new("BR", "Brazil", "BRL", 2, "America/Sao_Paulo"),
        new("MX", "Mexico", "MXN", 2, "America/Mexico_City"),
        new("GB", "United Kingdom", "GBP", 2, "Europe/London"),
        new("US", "United States", "USD", 2, "America/Los_Angeles"),
    ];

    private static readonly Dictionary<string, Site> ByCode = All.ToDictionary(s => s.Code, StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyCollection<Site> Known => All;

    public static bool TryGet(string? code, out Site site)
    {
        site = null!;
        return code is not null && ByCode.TryGetValue(code.Trim(), out site!);
    }

    public static Site Get(string code) =>
        TryGet(code, out var site) ? site : throw new ArgumentException($"Unknown site '{code}'.", nameof(code));
}
