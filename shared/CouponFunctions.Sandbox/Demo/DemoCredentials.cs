using CouponFunctions.Core.Stores;

namespace CouponFunctions.Sandbox.Demo;

/// <summary>
/// The app credentials the connectors are configured with (<c>Platforms:*</c>): the demo registers the same apps in the
/// sandboxes, so the connectors' signatures verify. A platform whose credentials are missing gets no demo stores.
/// </summary>
public sealed record DemoCredentials
{
    public long ShopeePartnerId { get; init; }

    public string ShopeePartnerKey { get; init; } = string.Empty;

    public string LazadaAppKey { get; init; } = string.Empty;

    public string LazadaAppSecret { get; init; } = string.Empty;

    public string TikTokAppKey { get; init; } = string.Empty;

    public string TikTokAppSecret { get; init; } = string.Empty;

    /// <summary>The TikTok service_id of the authorization page; defaults to the app key, as in the sandbox.</summary>
    public string? TikTokServiceId { get; init; }

    public string ShoplineAppKey { get; init; } = string.Empty;

    public string ShoplineAppSecret { get; init; } = string.Empty;

    /// <summary>Whether the credentials of <paramref name="platform"/> are all given.</summary>
    public bool Has(Platform platform) => platform switch
    {
        Platform.Shopee => ShopeePartnerId > 0 && ShopeePartnerKey.Length > 0,
        Platform.Lazada => LazadaAppKey.Length > 0 && LazadaAppSecret.Length > 0,
        Platform.TikTok => TikTokAppKey.Length > 0 && TikTokAppSecret.Length > 0,
        Platform.Shopline => ShoplineAppKey.Length > 0 && ShoplineAppSecret.Length > 0,
        _ => false,
    };

    /// <summary>Never print secrets: records print every property by default.</summary>
    public override string ToString() =>
        $"DemoCredentials {{ ShopeePartnerId = {ShopeePartnerId}, LazadaAppKey = {LazadaAppKey}, TikTokAppKey = {TikTokAppKey}, ShoplineAppKey = {ShoplineAppKey}, secrets = *** }}";
}
