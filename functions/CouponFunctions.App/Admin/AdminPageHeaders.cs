namespace CouponFunctions.App.Admin;

/// <summary>
/// The security headers of every admin page response. The page runs only its own module scripts (no inline script, no
/// eval), fetches only this origin's API and is never framed. Inline style attributes stay allowed because the outbox
/// shows a sent email's HTML in a sandboxed srcdoc iframe, which inherits this policy, and emails style with attributes.
/// </summary>
internal static class AdminPageHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; img-src 'self' data:; " +
        "connect-src 'self'; font-src 'self'; frame-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static void Apply(HttpResponse response)
    {
        var headers = response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers.CacheControl = "no-cache";
    }
}
