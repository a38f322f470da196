using System.Text.RegularExpressions;
using CouponFunctions.Core.Common;
using CouponFunctions.Core.Platforms;

namespace CouponFunctions.Core.Stores;

/// <summary>Checks store input field by field, naming every bad field in the request's own (camelCase) terms.</summary>
public static partial class StoreValidator
{
    /// <summary>Shopee shop_id, Lazada seller_id and TikTok Shop shop id are numbers (Shopee's a 64-bit integer).</summary>
    [GeneratedRegex("^[1-9][0-9]{0,19}$", RegexOptions.CultureInvariant)]
    private static partial Regex NumericShopId();

    /// <summary>What any platform's shop id looks like (when the platform itself is not known).</summary>
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex AnyShopId();

    /// <summary>A SHOPLINE store handle: the store's subdomain of myshopline.com.</summary>
    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex ShoplineHandle();

    /// <summary>Token expiry dates outside these are typing mistakes (year 1, year 9999), not tokens.</summary>
    public static readonly DateTimeOffset EarliestExpiry = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset LatestExpiry = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static ValidationErrors Validate(StoreInput input, out Platform platform, out Site? site)
    {
        var errors = new ValidationErrors();
        site = null;
        if (!PlatformNames.TryParse(input.Platform, out platform))
            errors.Add("platform", $"Platform must be one of: {string.Join(", ", PlatformNames.All)}.");

        if (string.IsNullOrWhiteSpace(input.Site) || !Sites.TryGet(input.Site, out var known))
            errors.Add("site", $"Site must be a country code the product knows: {string.Join(", ", Sites.Known.Select(s => s.Code))}.");
        else if (!errors.ContainsKey("platform") && !PlatformSites.Operates(platform, known.Code))
            errors.Add("site", $"{platform} does not operate in {known.Name} ({known.Code}); its sites are {string.Join(", ", PlatformSites.For(platform))}.");
        else
            site = known;

        if (string.IsNullOrWhiteSpace(input.ShopId))
            errors.Add("shopId", "Shop id is required: the platform's id of the shop.");
        else if (errors.ContainsKey("platform") ? !AnyShopId().IsMatch(input.ShopId.Trim()) : ShopIdProblem(platform, input.ShopId.Trim()) is not null)
            errors.Add("shopId", errors.ContainsKey("platform") ? "Not a shop id of any platform." : ShopIdProblem(platform, input.ShopId.Trim())!);

        ValidateDisplayName(input.DisplayName, required: true, errors);
        ValidateTimeZone(input.TimeZone, errors);
        ValidateCredentials(input.Credentials, errors);
        return errors;
    }

    public static ValidationErrors Validate(StoreChangeInput input)
    {
        var errors = new ValidationErrors();
        ValidateDisplayName(input.DisplayName, required: false, errors);
        ValidateTimeZone(input.TimeZone, errors);
        ValidateCredentials(input.Credentials, errors);
        if (input is { DisplayName: null, TimeZone: null, Credentials: null })
            errors.Add("body", "Nothing to change: send displayName, timeZone or credentials.");
        return errors;
    }

    public static StoreCredentials ToCredentials(CredentialsInput? input) => input is null
        ? StoreCredentials.None
        : new StoreCredentials(input.AccessToken?.Trim(), input.AccessTokenExpiresAt, input.RefreshToken?.Trim(), input.RefreshTokenExpiresAt, input.ShopCipher?.Trim());

    /// <summary>Why <paramref name="shopId"/> cannot be a shop of <paramref name="platform"/>, or null when it can.</summary>
    public static string? ShopIdProblem(Platform platform, string shopId) => platform switch
    {
        Platform.Shopee => NumericShopId().IsMatch(shopId) && long.TryParse(shopId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _)
            ? null : "A Shopee shop_id is a number (digits only, for example 880100001).",
        Platform.Lazada => NumericShopId().IsMatch(shopId) ? null : "A Lazada seller id is a number (digits only, for example 100200300).",
        Platform.TikTok => NumericShopId().IsMatch(shopId) ? null : "A TikTok Shop shop id is a number (digits only, for example 7495100000000000001).",
        Platform.Shopline => ShoplineHandle().IsMatch(shopId) ? null : "A SHOPLINE shop id is the store handle, its myshopline.com subdomain (lower-case letters, digits and hyphens, for example acme-tw).",
        _ => "Unknown platform.",
    };

    private static void ValidateDisplayName(string? name, bool required, ValidationErrors errors)
    {
        if (name is null && !required) return;
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100)
            errors.Add("displayName", "Display name is required, at most 100 characters.");
        else if (StrictNames.HasUnsafeCharacters(name))
            errors.Add("displayName", "The display name may not contain control characters (such as line breaks) or text-direction overrides.");
    }

    private static void ValidateTimeZone(string? zone, ValidationErrors errors)
    {
        if (zone is null) return;
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zone.Trim(), out var found) || !found.HasIanaId)
            errors.Add("timeZone", $"'{zone}' is not an IANA time zone (for example Asia/Bangkok); leave it out to use the site's zone.");
    }

    private static void ValidateCredentials(CredentialsInput? credentials, ValidationErrors errors)
    {
        if (credentials is null) return;
        if (string.IsNullOrWhiteSpace(credentials.AccessToken) || credentials.AccessToken.Length > 2048)
            errors.Add("credentials.accessToken", "An access token is required when credentials are given (at most 2048 characters).");
        if (credentials.RefreshToken is { Length: > 2048 })
            errors.Add("credentials.refreshToken", "The refresh token is longer than 2048 characters.");
        if (credentials.ShopCipher is { Length: > 256 })
            errors.Add("credentials.shopCipher", "The shop cipher is longer than 256 characters.");
        ValidateExpiry(credentials.AccessTokenExpiresAt, "credentials.accessTokenExpiresAt", errors);
        ValidateExpiry(credentials.RefreshTokenExpiresAt, "credentials.refreshTokenExpiresAt", errors);
    }

    private static void ValidateExpiry(DateTimeOffset? at, string field, ValidationErrors errors)
    {
        if (at is { } value && (value < EarliestExpiry || value >= LatestExpiry))
            errors.Add(field, $"An expiry date must be between {EarliestExpiry:yyyy-MM-dd} and {LatestExpiry:yyyy-MM-dd}.");
    }
}
