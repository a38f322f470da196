using System.Globalization;
using System.Text.Json;
using CouponFunctions.Sandbox.Common;
using Microsoft.AspNetCore.Http;
using static CouponFunctions.Sandbox.Shopline.ShoplineSandboxResults;

namespace CouponFunctions.Sandbox.Shopline;

/// <summary>The authorize page (the merchant's approval, simulated), token create (single-use code, 10 minutes) and token
/// refresh (no refresh token: a new 10-hour token while the app stays installed on the store).</summary>
internal sealed class ShoplineAuthHandlers(ShoplineSandbox sandbox)
{
    // The real page reads its parameters from the URL fragment (#/oauth/authorize?...), which browsers never send; this
    // page hands them to /approve the same way.
    private const string Page = """
        <!doctype html><html><body><p>SHOPLINE sandbox: authorizing…</p>
        <script>var h = location.hash, i = h.indexOf('?'); location.replace('approve' + (i < 0 ? '' : h.substring(i)));</script>
        </body></html>
        """;

    public static IResult AuthorizePage() => Results.Content(Page, "text/html");

    /// <summary>GET /{handle}/admin/oauth-web/approve?appKey&amp;responseType=code&amp;scope&amp;redirectUri&amp;customField.</summary>
    public IResult Approve(HttpContext http, string handle)
    {
        var query = http.Request.Query;
        var appKey = query["appKey"].ToString();
        if (query["responseType"] != "code" || !Uri.TryCreate(query["redirectUri"], UriKind.Absolute, out var redirect))
            return Results.BadRequest("responseType=code and an absolute redirectUri are required.");
        lock (sandbox.Gate)
        {
            if (sandbox.AppSecret(appKey) is not { } secret || sandbox.Store(handle) is null) return Results.BadRequest("Unknown appKey or store.");
            var back = new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                ["appkey"] = appKey,
                ["code"] = sandbox.IssueAuthCode(appKey, handle),
                ["customField"] = query["customField"].ToString(),
                ["handle"] = handle,
                ["lang"] = "en",
                ["timestamp"] = sandbox.Clock.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            };
            back["sign"] = SandboxSignature.HmacSha256Hex(secret, string.Join('&', back.Select(p => $"{p.Key}={p.Value}")));
            // SHOPLINE sets its own parameters on the redirect: one of the same name already there is replaced, not repeated.
            var kept = redirect.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Where(p => !back.ContainsKey(Uri.UnescapeDataString(p.Split('=')[0])));
            var callback = string.Join('&', kept.Concat(back.Select(p => $"{p.Key}={Uri.EscapeDataString(p.Value)}")));
            return Results.Redirect(redirect.GetLeftPart(UriPartial.Path) + "?" + callback);
        }
    }

    public IResult Create(ShoplineCall call, string body)
    {
        string? code;
        try
        {
            using var json = JsonDocument.Parse(body);
            code = json.RootElement.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
        }
        catch (JsonException)
        {
            code = null;
        }
        if (code is null) return OAuthError(400, "PARAM_ERROR", "code is required.");
        var grant = sandbox.Code(code);
        if (grant is null || grant.Used || grant.AppKey != call.AppKey || grant.Handle != call.Store.Handle || grant.ExpiresAt <= sandbox.Clock.GetUtcNow())
            return OAuthError(400, "CODE_INVALID", "The code is invalid, used or expired.");
        grant.Used = true;
        return Token(call);
    }

    public IResult Refresh(ShoplineCall call, string body) =>
        call.Store.Apps.Contains(call.AppKey)
            ? Token(call)
            : OAuthError(401, "APP_NOT_AUTHORIZED", "The app is not installed on this store; authorize it again.");

    private IResult Token(ShoplineCall call)
    {
        var token = sandbox.IssueTokenLocked(call.AppKey, call.Store.Handle);
        return OAuthOk(new Dictionary<string, object?>
        {
            ["accessToken"] = token.AccessToken,
            ["expireTime"] = token.ExpiresAt.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture),
            ["scope"] = "read_price_rules,write_price_rules,read_discounts,write_discounts",
        });
    }
}
