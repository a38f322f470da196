namespace CouponFunctions.App.Api;

/// <summary>The pageSize query parameter: absent takes the default; otherwise a whole number from 1 to 1000.</summary>
internal static class PageSize
{
    public static bool TryRead(HttpRequest request, int fallback, out int pageSize)
    {
        pageSize = fallback;
        var text = request.Query["pageSize"].ToString();
        return text.Length == 0 || (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out pageSize) && pageSize is >= 1 and <= 1000);
    }
}

/// <summary>The If-Match header as the version it names (the ETag as we sent it); null when absent or "*".</summary>
internal static class IfMatch
{
    public static string? Read(HttpRequest request)
    {
        var value = request.Headers.IfMatch.ToString().Trim();
        return value.Length == 0 || value == "*" ? null : value;
    }
}
