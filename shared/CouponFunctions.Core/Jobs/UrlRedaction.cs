namespace CouponFunctions.Core.Jobs;

/// <summary>A second line of defence before a URL is stored in an item row or a report: connectors already redact, but a
/// secret in a file an operator downloads must not depend on one place alone.</summary>
public static class UrlRedaction
{
    private static readonly string[] SecretNames =
        ["sign", "signature", "access_token", "refresh_token", "token", "app_secret", "client_secret", "secret", "code", "password", "key", "api_key"];

    /// <summary>The URL with the value of every query parameter that can carry a secret replaced by "***".</summary>
    public static string? Redact(string? url)
    {
        if (string.IsNullOrEmpty(url)) return url;
        var q = url.IndexOf('?', StringComparison.Ordinal);
        if (q < 0) return url;
        var hash = url.IndexOf('#', q);
        var query = hash < 0 ? url[(q + 1)..] : url[(q + 1)..hash];
        var parts = query.Split('&').Select(part =>
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(eq < 0 ? part : part[..eq]);
            return eq >= 0 && SecretNames.Contains(name, StringComparer.OrdinalIgnoreCase) ? part[..(eq + 1)] + "***" : part;
        });
        return url[..(q + 1)] + string.Join('&', parts) + (hash < 0 ? "" : url[hash..]);
    }
}
