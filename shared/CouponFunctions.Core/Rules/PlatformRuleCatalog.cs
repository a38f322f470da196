using System.Collections.Concurrent;
using CouponFunctions.Core.Stores;

namespace CouponFunctions.Core.Rules;

/// <summary>The one place that knows each platform's coupon rules per site; read by preview, validation and inspection.</summary>
public sealed class PlatformRuleCatalog
{
    // Options are read once: rules are built on first use per platform and site, then shared.
    private readonly ConcurrentDictionary<(Platform, string), PlatformRules> _cache = new();

    /// <exception cref="ArgumentException">An option is out of range (a cap above 100%, a minimum above its maximum...).</exception>
    public PlatformRuleCatalog(RuleCatalogOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = RuleCatalogOptionsCheck.Errors(options);
        if (errors.Count > 0)
            throw new ArgumentException("Invalid rule catalog options: " + string.Join(" ", errors), nameof(options));
        Options = options;
    }

    /// <summary>The catalog with every documented default.</summary>
    public static PlatformRuleCatalog Default { get; } = new(new RuleCatalogOptions());

    public RuleCatalogOptions Options { get; }

    /// <summary>The rules for a platform on a site.</summary>
    /// <exception cref="ArgumentException">The site code is not one of <see cref="Sites.Known"/>.</exception>
    public PlatformRules For(Platform platform, string site)
    {
        var known = Sites.Get(site);
        return _cache.GetOrAdd((platform, known.Code), key => key.Item1 switch
        {
            Platform.Shopee => ShopeeRules.Build(known, Options),
            Platform.Lazada => LazadaRules.Build(known, Options),
            Platform.TikTok => TikTokRules.Build(known, Options),
            Platform.Shopline => ShoplineRules.Build(known, Options),
            _ => throw new ArgumentOutOfRangeException(nameof(platform), platform, null),
        });
    }

    internal static decimal? SiteCap(RuleCatalogOptions options, Platform platform, Site site) =>
        options.SiteDiscountCapPercent.TryGetValue(platform, out var bySite) && TryGetSite(bySite, site, out var cap) && cap < 100m
            ? cap
            : null;

    internal static int Decimals(RuleCatalogOptions options, Platform platform, Site site, int fallback) =>
        options.CurrencyDecimals.TryGetValue(platform, out var bySite) && TryGetSite(bySite, site, out var decimals)
            ? decimals
            : fallback;

    internal static int NameMaxLength(RuleCatalogOptions options, Platform platform) =>
        options.NameMaxLength.TryGetValue(platform, out var max) ? max : 100;

    internal static int? MaxQuantity(RuleCatalogOptions options, Platform platform) =>
        options.MaxTotalQuantity.TryGetValue(platform, out var max) ? max : null;

    // Configuration binding may create the inner dictionaries with an ordinal comparer, so match site codes by hand.
    private static bool TryGetSite<T>(Dictionary<string, T> bySite, Site site, out T value)
    {
        foreach (var (code, v) in bySite)
        {
            if (!string.Equals(code.Trim(), site.Code, StringComparison.OrdinalIgnoreCase)) continue;
            value = v;
            return true;
        }

        value = default!;
        return false;
    }
}
