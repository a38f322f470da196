using System.Globalization;
using CouponFunctions.Sandbox.Common;
using Microsoft.AspNetCore.Http;
using static CouponFunctions.Sandbox.Lazada.LazadaSandboxResults;

namespace CouponFunctions.Sandbox.Lazada;

/// <summary>One verified call: which app, for which seller (0 for app-level calls), its parameters and the fault plan.</summary>
/// <param name="Parameters">Query and form parameters together, as the gateway reads them.</param>
internal sealed record LazadaCall(string AppKey, long SellerId, string RequestId, FaultPlan Plan, HttpContext Http, IReadOnlyDictionary<string, string> Parameters)
{
    public string? Param(string name) => Parameters.TryGetValue(name, out var value) && value.Length > 0 ? value : null;
}

/// <summary>What every Lazada call goes through before its handler: faults, system parameters, app, timestamp window,
/// signature, (seller APIs) the access token, and throttling; each refused with Lazada's own gateway error.</summary>
internal static class LazadaSandboxGate
{
    private static readonly string[] SystemParameters = ["app_key", "timestamp", "sign_method", "sign"];

    public static async Task<IResult> RunAsync(LazadaSandbox sandbox, HttpContext http, string apiPath, bool sellerApi, Func<LazadaCall, IResult> handler)
    {
        sandbox.Stats.Call();
        var requestId = sandbox.NewRequestId();
        var parameters = await ReadParametersAsync(http).ConfigureAwait(false);
        // Lazada calls name no seller: the token does. A fault plan set for one seller applies to calls with its tokens.
        var tokenSeller = parameters.TryGetValue("access_token", out var token) ? sandbox.AccessToken(token)?.SellerId : null;
        var (plan, fault) = sandbox.Faults.Next(tokenSeller?.ToString(CultureInfo.InvariantCulture));
        var injected = await SandboxFaultResponder.ApplyAsync(http, plan, fault, Instance, sandbox.Stats, requestId).ConfigureAwait(false);
        if (injected is not null) return injected;

        foreach (var name in SystemParameters)
        {
            if (!parameters.ContainsKey(name)) return MissingParameter(name, requestId);
        }
        if (sellerApi && string.IsNullOrEmpty(token)) return MissingParameter("access_token", requestId);
        var appKey = parameters["app_key"];
        // The gateway codes below other than IncompleteSignature, IllegalAccessToken, ApiCallLimit and MISSING_PARAMETER are
        // not in the reference (UNCERTAIN); clients treat them all as caller errors (Rejected).
        if (!sandbox.TryGetAppSecret(appKey, out var secret)) return Gateway("InvalidAppKey", "ISV", "The app_key is invalid.", requestId);
        if (!long.TryParse(parameters["timestamp"], NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp)
            || Math.Abs(sandbox.Clock.GetUtcNow().ToUnixTimeMilliseconds() - timestamp) > sandbox.Options.TimestampWindow.TotalMilliseconds)
            return Gateway("InvalidTimestamp", "ISV", "The timestamp is invalid: it must be in milliseconds and within 7200 s of UTC.", requestId);
        if (parameters["sign_method"] != "sha256") return Gateway("InvalidSignMethod", "ISV", "sign_method must be sha256.", requestId);

        // Independent of the connectors' signer on purpose: the API path, then every parameter but sign sorted by name in
        // ASCII order as name+value, HMAC-SHA256 with the app secret, UPPER-case hex.
        var baseString = apiPath + string.Concat(parameters
            .Where(p => p.Key != "sign")
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => p.Key + p.Value));
        if (!SandboxSignature.HmacSha256HexEquals(secret, baseString, parameters["sign"], upperCase: true))
            return Gateway("IncompleteSignature", "ISV", "The request signature does not conform to platform standards", requestId);

        long sellerId = 0;
        if (sellerApi)
        {
            var grant = sandbox.AccessToken(token!);
            lock (sandbox.Gate)
            {
                if (plan.ExpiredTokens || grant is null || grant.AppKey != appKey || grant.ExpiresAt <= sandbox.Clock.GetUtcNow()
                    || !sandbox.TryGetSeller(grant.SellerId, out var seller) || !seller.Apps.Contains(appKey))
                    return Gateway("IllegalAccessToken", "ISV", "The specified access token is invalid or expired", requestId);
                sellerId = grant.SellerId;
            }
        }

        if (!sandbox.Throttle.TryAcquire(appKey, sellerApi ? sellerId.ToString(CultureInfo.InvariantCulture) : null))
        {
            sandbox.Stats.Throttle();
            return Instance.Throttled(requestId, plan.RetryAfter);
        }

        lock (sandbox.Gate) return handler(new LazadaCall(appKey, sellerId, requestId, plan, http, parameters));
    }

    /// <summary>The query, then (POST) the form: the docs' curl sends everything as form fields, the SDKs put the system
    /// parameters in the query; the gateway takes both.</summary>
    private static async Task<Dictionary<string, string>> ReadParametersAsync(HttpContext http)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in http.Request.Query) parameters[key] = value.ToString();
        if (http.Request.HasFormContentType)
        {
            var form = await http.Request.ReadFormAsync(http.RequestAborted).ConfigureAwait(false);
            foreach (var (key, value) in form) parameters[key] = value.ToString();
        }
        return parameters;
    }
}
