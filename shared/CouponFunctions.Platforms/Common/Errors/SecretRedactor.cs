using System.Text;

namespace CouponFunctions.Platforms.Common.Errors;

/// <summary>Removes secrets from URLs and text before they reach a log, an exception or a recorded failure.</summary>
internal static class SecretRedactor
{
    public const string Mask = "***";

    // Query parameters that carry a secret on some platform: signatures, tokens, keys, auth codes.
    private static readonly HashSet<string> SecretNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "sign", "signature", "access_token", "refresh_token", "partner_key", "app_secret", "client_secret",
        "secret", "code", "auth_code", "token", "password", "x-tts-access-token",
    };

    public static bool IsSecretName(string name) => SecretNames.Contains(name);

    /// <summary>The URL with every secret query value replaced by <see cref="Mask"/>; the path and other parameters are kept.</summary>
    public static string RedactUrl(Uri? uri)
    {
        if (uri is null) return string.Empty;
        if (!uri.IsAbsoluteUri) return RedactQueryString(uri.OriginalString);
        var withoutQuery = uri.GetLeftPart(UriPartial.Path);
        return uri.Query.Length <= 1 ? withoutQuery : withoutQuery + "?" + RedactQueryString(uri.Query[1..]);
    }

    /// <summary>The values of the secret query parameters of a URL, so they can be scrubbed from any text.</summary>
    public static IEnumerable<string> SecretValues(Uri? uri)
    {
        if (uri is null || !uri.IsAbsoluteUri || uri.Query.Length <= 1) yield break;
        foreach (var pair in uri.Query[1..].Split('&'))
        {
            var eq = pair.IndexOf('=');
            if (eq <= 0 || !IsSecretName(Uri.UnescapeDataString(pair[..eq]))) continue;
            var value = Uri.UnescapeDataString(pair[(eq + 1)..]);
            if (value.Length > 0) yield return value;
        }
    }

    /// <summary>The text with each given secret value replaced by <see cref="Mask"/>.</summary>
    public static string RedactText(string? text, IEnumerable<string?> secrets)
    {
        if (string.IsNullOrEmpty(text)) return text ?? string.Empty;
        var result = new StringBuilder(text);
        // Longest first, so that a secret containing another is masked whole.
        foreach (var secret in secrets.Where(s => !string.IsNullOrEmpty(s) && s.Length >= 4).Distinct().OrderByDescending(s => s!.Length))
            result.Replace(secret!, Mask);
        return result.ToString();
    }

    private static string RedactQueryString(string query)
    {
        var start = query.IndexOf('?');
        var prefix = start >= 0 ? query[..(start + 1)] : string.Empty;
        var parts = (start >= 0 ? query[(start + 1)..] : query).Split('&');
        for (var i = 0; i < parts.Length; i++)
        {
            var eq = parts[i].IndexOf('=');
            if (eq > 0 && IsSecretName(Uri.UnescapeDataString(parts[i][..eq])))
                parts[i] = parts[i][..(eq + 1)] + Mask;
        }
        return prefix + string.Join('&', parts);
    }
}
