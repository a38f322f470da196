using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CouponFunctions.Sandbox.Common;
using Microsoft.AspNetCore.Http;
using static CouponFunctions.Sandbox.Shopline.ShoplineSandboxResults;

namespace CouponFunctions.Sandbox.Shopline;

/// <summary>One verified call: the app the token (or signature) belongs to, the store, and the fault plan in force.</summary>
/// <param name="Body">The JSON object body of a POST or PUT (default otherwise).</param>
internal sealed record ShoplineCall(string AppKey, ShoplineSandboxStore Store, string RequestId, FaultPlan Plan, HttpContext Http, JsonElement Body);

/// <summary>What every SHOPLINE call goes through before its handler: faults, the store and API version, then the Bearer
/// token (Admin API) or the appkey/timestamp/sign headers (OAuth), then throttling per app and store.</summary>
internal static partial class ShoplineSandboxGate
{
    [GeneratedRegex("^v[0-9]{8}$", RegexOptions.CultureInvariant)]
    private static partial Regex ApiVersion();

    public static async Task<IResult> RunAsync(ShoplineSandbox sandbox, HttpContext http, string handle, string version, Func<ShoplineCall, IResult> handler)
    {
        var (traceId, plan, injected) = await StartAsync(sandbox, http, handle).ConfigureAwait(false);
        if (injected is not null) return injected;

        string appKey;
        ShoplineSandboxStore store;
        lock (sandbox.Gate)
        {
            if (sandbox.Store(handle) is not { } found || !ApiVersion().IsMatch(version)) return NotFound();
            store = found;
            var header = http.Request.Headers.Authorization.ToString();
            var grant = header.StartsWith("Bearer ", StringComparison.Ordinal) ? sandbox.Token(header["Bearer ".Length..]) : null;
            if (grant is null || grant.Handle != handle || !store.Apps.Contains(grant.AppKey))
                return Error(401, "[API] Invalid API key or access token (unrecognized login or wrong password)");
            if (plan.ExpiredTokens || grant.ExpiresAt <= sandbox.Clock.GetUtcNow()) return Error(401, "[API] Access token has expired");
            appKey = grant.AppKey;
        }
        if (!sandbox.Throttle.TryAcquire(appKey, handle))
        {
            sandbox.Stats.Throttle();
            return Instance.Throttled(traceId, plan.RetryAfter);
        }

        var body = default(JsonElement);
        if (HttpMethods.IsPost(http.Request.Method) || HttpMethods.IsPut(http.Request.Method))
        {
            if (http.Request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
                return Error(415, "Content-Type must be application/json; charset=utf-8");
            try
            {
                using var document = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted).ConfigureAwait(false);
                body = document.RootElement.Clone();
            }
            catch (JsonException)
            {
                return Error(400, "The body is not valid JSON.");
            }
        }
        lock (sandbox.Gate) return handler(new ShoplineCall(appKey, store, traceId, plan, http, body));
    }

    /// <summary>The OAuth calls: <c>sign = HMAC-SHA256(app secret, body + timestamp)</c>, hex, timestamp in ms within 10 minutes.</summary>
    public static async Task<IResult> RunOAuthAsync(ShoplineSandbox sandbox, HttpContext http, string handle, Func<ShoplineCall, string, IResult> handler)
    {
        var (traceId, plan, injected) = await StartAsync(sandbox, http, handle).ConfigureAwait(false);
        if (injected is not null) return injected;

        var headers = http.Request.Headers;
        var appKey = headers["appkey"].ToString();
        var timestampText = headers["timestamp"].ToString();
        var sign = headers["sign"].ToString();
        if (appKey.Length == 0 || timestampText.Length == 0 || sign.Length == 0) return OAuthError(400, "PARAM_ERROR", "appkey, timestamp and sign headers are required.");
        string? secret;
        lock (sandbox.Gate) secret = sandbox.AppSecret(appKey);
        if (secret is null) return OAuthError(400, "APP_KEY_INVALID", "The appkey is invalid.");
        if (!long.TryParse(timestampText, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp)
            || Math.Abs(sandbox.Clock.GetUtcNow().ToUnixTimeMilliseconds() - timestamp) > sandbox.Options.TimestampWindow.TotalMilliseconds)
            return OAuthError(400, "TIMESTAMP_EXPIRED", "The timestamp is more than 10 minutes away from the server time.");

        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        var raw = await reader.ReadToEndAsync(http.RequestAborted).ConfigureAwait(false);
        // Independent of the connectors' signer on purpose.
        if (!SandboxSignature.HmacSha256HexEquals(secret, raw + timestampText, sign)) return OAuthError(401, "SIGN_INVALID", "The sign is invalid.");
        if (!sandbox.Throttle.TryAcquire(appKey, handle))
        {
            sandbox.Stats.Throttle();
            return Instance.Throttled(traceId, plan.RetryAfter);
        }
        lock (sandbox.Gate)
        {
            if (sandbox.Store(handle) is not { } store) return OAuthError(404, "PARAM_ERROR", "The store does not exist.");
            return handler(new ShoplineCall(appKey, store, traceId, plan, http, default), raw);
        }
    }

    private static async Task<(string TraceId, FaultPlan Plan, IResult? Injected)> StartAsync(ShoplineSandbox sandbox, HttpContext http, string handle)
    {
        sandbox.Stats.Call();
        var traceId = sandbox.NewTraceId();
        http.Response.Headers["traceId"] = traceId;
        var (plan, fault) = sandbox.Faults.Next(handle);
        return (traceId, plan, await SandboxFaultResponder.ApplyAsync(http, plan, fault, Instance, sandbox.Stats, traceId).ConfigureAwait(false));
    }
}
