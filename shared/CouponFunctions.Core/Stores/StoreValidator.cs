using System.Text.RegularExpressions;
using CouponFunctions.Core.Common;
using CouponFunctions.Core.Platforms;

namespace CouponFunctions.Core.Stores;

/// <summary>Checks store input field by field, naming every bad field in the request's own (camelCase) terms.</summary>
public static partial class StoreValidator
{
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex ShopIdPattern();

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

        if (input.ShopId is null || !ShopIdPattern().IsMatch(input.ShopId.Trim()))
            errors.Add("shopId", "Shop id is required: the platform's id of the shop (letters, digits, '.', '_' or '-', at most 64).");

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

    private static void ValidateDisplayName(string? name, bool required, ValidationErrors errors)
    {
        if (name is null && !required) return;
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 100)
            errors.Add("displayName", "Display name is required, at most 100 characters.");
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
    }
}
