using System.Globalization;
using System.Text;
using System.Text.Json;
using CouponFunctions.Sandbox.Common;
using Microsoft.AspNetCore.Http;
using static CouponFunctions.Sandbox.TikTok.TikTokSandboxResults;

namespace CouponFunctions.Sandbox.TikTok;

/// <summary>One verified call: the app, the seller the token belongs to, the shop (shop APIs) and the fault plan in force.</summary>
/// <param name="Body">The JSON object body of a POST (default for GET).</param>
internal sealed record TikTokCall(string AppKey, string SellerId, TikTokSandboxShop? Shop, string RequestId, FaultPlan Plan, HttpContext Http, JsonElement Body);

/// <summary>What every TikTok call goes through before its handler: faults, common params, timestamp window, signature,
/// throttling, then the access token and shop_cipher, each answered with TikTok's own code.</summary>
internal static class TikTokSandboxGate
{
    public static async Task<IResult> RunAsync(TikTokSandbox sandbox, HttpContext http, string prefix, bool shopApi, Func<TikTokCall, IResult> handler)
    {
        sandbox.Stats.Call();
        var requestId = sandbox.NewRequestId();
        var query = http.Request.Query;
        var cipher = query["shop_cipher"].ToString();
        TikTokSandboxShop? shop;
        lock (sandbox.Gate) shop = cipher.Length > 0 ? sandbox.ShopByCipher(cipher) : null;
        var (plan, fault) = sandbox.Faults.Next(shop?.ShopId);
        var injected = await SandboxFaultResponder.ApplyAsync(http, plan, fault, Instance, sandbox.Stats, requestId).ConfigureAwait(false);
        if (injected is not null) return injected;

        var appKey = query["app_key"].ToString();
        TikTokSandboxApp? app;
        lock (sandbox.Gate) app = sandbox.App(appKey);
        if (app is null) return Param("Invalid app_key.", requestId);
        if (!long.TryParse(query["timestamp"], NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp)) return Param("timestamp is required.", requestId);
        if (Math.Abs(sandbox.Clock.GetUtcNow().ToUnixTimeSeconds() - timestamp) > sandbox.Options.TimestampWindow.TotalSeconds)
            return Param("Invalid timestamp: it differs from the server time by more than 5 minutes.", requestId);
        if (query["sign"].ToString() is not { Length: > 0 } sign) return Param("sign is required.", requestId);

        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        var raw = await reader.ReadToEndAsync(http.RequestAborted).ConfigureAwait(false);
        // Independent of the connectors' signer on purpose: secret + path + sorted k+v (no sign, access_token) + body + secret.
        var apiPath = http.Request.Path.Value![prefix.Length..];
        var parameters = string.Concat(query.Where(p => p.Key is not ("sign" or "access_token")).OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Key + p.Value));
        if (!SandboxSignature.HmacSha256HexEquals(app.AppSecret, app.AppSecret + apiPath + parameters + raw + app.AppSecret, sign))
            return Error(401, InvalidSign, "Invalid signature.", requestId);

        if (!sandbox.Throttle.TryAcquire(appKey, shop?.ShopId))
        {
            sandbox.Stats.Throttle();
            return Instance.Throttled(requestId, plan.RetryAfter);
        }

        var body = default(JsonElement);
        if (HttpMethods.IsPost(http.Request.Method))
        {
            if (http.Request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
                return Param("Content-Type must be application/json.", requestId);
            try
            {
                using var document = JsonDocument.Parse(raw.Length == 0 ? "{}" : raw);
                body = document.RootElement.Clone();
            }
            catch (JsonException)
            {
                return Param("The body is not valid JSON.", requestId);
            }
            if (body.ValueKind != JsonValueKind.Object) return Param("The body must be a JSON object.", requestId);
        }

        lock (sandbox.Gate)
        {
            var grant = sandbox.AccessToken(http.Request.Headers["x-tts-access-token"].ToString());
            if (grant is null || grant.AppKey != appKey || sandbox.Seller(grant.SellerId)?.Apps.Contains(appKey) != true)
                return Error(401, InvalidCredential, "Invalid access token.", requestId);
            if (plan.ExpiredTokens || grant.ExpiresAt <= sandbox.Clock.GetUtcNow()) return Error(401, TokenExpired, "Access token is expired.", requestId);
            if (shopApi)
            {
                if (cipher.Length == 0) return Param("shop_cipher is required.", requestId);
                if (shop is null) return Param("Invalid shop_cipher.", requestId);
                if (shop.SellerId != grant.SellerId) return Error(403, NoPermission, "No permission: the shop is not authorized to this seller.", requestId);
            }
            else if (cipher.Length > 0)
            {
                return Param("shop_cipher is not expected by this API.", requestId);
            }
            return handler(new TikTokCall(appKey, grant.SellerId, shop, requestId, plan, http, body));
        }
    }

    /// <summary>The token endpoints: unsigned, authenticated by app_key and app_secret in the query.</summary>
    public static async Task<IResult> RunTokenAsync(TikTokSandbox sandbox, HttpContext http, Func<TikTokCall, IResult> handler)
    {
        sandbox.Stats.Call();
        var requestId = sandbox.NewRequestId();
        var (plan, fault) = sandbox.Faults.Next(null);
        var injected = await SandboxFaultResponder.ApplyAsync(http, plan, fault, Instance, sandbox.Stats, requestId).ConfigureAwait(false);
        if (injected is not null) return injected;

        var query = http.Request.Query;
        var appKey = query["app_key"].ToString();
        lock (sandbox.Gate)
        {
            var app = sandbox.App(appKey);
            if (app is null || !string.Equals(app.AppSecret, query["app_secret"].ToString(), StringComparison.Ordinal))
                return Param("Invalid app_key or app_secret.", requestId);
        }
        if (!sandbox.Throttle.TryAcquire(appKey, null))
        {
            sandbox.Stats.Throttle();
            return Instance.Throttled(requestId, plan.RetryAfter);
        }
        lock (sandbox.Gate) return handler(new TikTokCall(appKey, string.Empty, null, requestId, plan, http, default));
    }
}
