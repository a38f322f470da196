using System.Globalization;
using System.Text.Json;
using CouponFunctions.Sandbox.Common;
using Microsoft.AspNetCore.Http;
using static CouponFunctions.Sandbox.Shopee.ShopeeSandboxResults;

namespace CouponFunctions.Sandbox.Shopee;

/// <summary>One verified call: who made it, for which shop, and the fault plan in force.</summary>
/// <param name="Body">The JSON object body of a POST (default for GET).</param>
internal sealed record ShopeeCall(long PartnerId, long ShopId, string RequestId, FaultPlan Plan, HttpContext Http, JsonElement Body);

/// <summary>What every Shopee call goes through before its handler: faults, common params, timestamp window, signature,
/// throttling and (shop APIs) the shop link and access token, each answered with Shopee's own error.</summary>
internal static class ShopeeSandboxGate
{
    public static async Task<IResult> RunAsync(ShopeeSandbox sandbox, HttpContext http, string apiPath, bool shopApi, Func<ShopeeCall, IResult> handler)
    {
        sandbox.Stats.Call();
        var requestId = sandbox.NewRequestId();
        var query = http.Request.Query;
        var (plan, fault) = sandbox.Faults.Next(query["shop_id"].ToString() is { Length: > 0 } s ? s : null, apiPath);
        var injected = await SandboxFaultResponder.ApplyAsync(http, plan, fault, Instance, sandbox.Stats, requestId).ConfigureAwait(false);
        if (injected is not null) return injected;

        if (!query.TryGetValue("partner_id", out var partnerText)) return Param("There is no partner_id in query", requestId);
        if (!long.TryParse(partnerText, NumberStyles.None, CultureInfo.InvariantCulture, out var partnerId)) return Error(400, "error_param", "Invalid partner_id.", requestId);
        if (!query.TryGetValue("timestamp", out var timestampText)) return Error(400, "error_param", "no timestamp", requestId);
        if (!long.TryParse(timestampText, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp)) return Error(400, "error_param", "Invalid timestamp", requestId);
        if (!query.TryGetValue("sign", out var sign)) return Error(400, "error_param", "There is no sign in query.", requestId);
        if (!sandbox.TryGetPartnerKey(partnerId, out var partnerKey)) return Error(403, "invalid_partner_id", "Invalid partner_id, please have a check.", requestId);
        var age = sandbox.Clock.GetUtcNow().ToUnixTimeSeconds() - timestamp;
        if (Math.Abs(age) > sandbox.Options.TimestampWindow.TotalSeconds) return Error(400, "error_param", "Timestamp is expired.", requestId);

        long shopId = 0;
        string? accessToken = null;
        if (shopApi)
        {
            if (!query.TryGetValue("access_token", out var token)) return Error(400, "error_param", "There is no access_token in query.", requestId);
            if (!query.TryGetValue("shop_id", out var shopText)) return Error(400, "error_param", "There is no shop_id in query.", requestId);
            if (!long.TryParse(shopText, NumberStyles.None, CultureInfo.InvariantCulture, out shopId))
                return Error(400, "error_param", "shop_id is invalid, should be an integer between 0 and 4294967295.", requestId);
            accessToken = token.ToString();
        }

        // Independent of the connectors' signer on purpose: partner_id + path + timestamp (+ access_token + shop_id).
        var baseString = shopApi ? $"{partnerId}{apiPath}{timestamp}{accessToken}{shopId}" : $"{partnerId}{apiPath}{timestamp}";
        if (!SandboxSignature.HmacSha256HexEquals(partnerKey, baseString, sign.ToString())) return Error(403, "error_sign", "Wrong sign.", requestId);

        if (!sandbox.Throttle.TryAcquire(partnerId.ToString(CultureInfo.InvariantCulture), shopApi ? shopId.ToString(CultureInfo.InvariantCulture) : null))
        {
            sandbox.Stats.Throttle();
            return Instance.Throttled(requestId, plan.RetryAfter);
        }

        var body = default(JsonElement);
        if (HttpMethods.IsPost(http.Request.Method))
        {
            try
            {
                using var document = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted).ConfigureAwait(false);
                body = document.RootElement.Clone();
            }
            catch (JsonException)
            {
                return Param("the body is not valid JSON", requestId);
            }
            if (body.ValueKind != JsonValueKind.Object) return Param("the body must be a JSON object", requestId);
        }

        lock (sandbox.Gate)
        {
            if (shopApi)
            {
                if (!sandbox.TryGetShop(shopId, out var shop) || !shop.Partners.Contains(partnerId))
                    return Error(403, "error_auth", "Invalid partner_id or shopid.", requestId);
                var grant = sandbox.AccessToken(accessToken!);
                if (plan.ExpiredTokens || grant is null || grant.PartnerId != partnerId || grant.ShopId != shopId || grant.ExpiresAt <= sandbox.Clock.GetUtcNow())
                    return Error(403, "invalid_access_token", "Invalid access_token, please have a check.", requestId);
            }
            return handler(new ShopeeCall(partnerId, shopId, requestId, plan, http, body));
        }
    }
}
