using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using static CouponFunctions.Sandbox.Shopee.ShopeeSandboxResults;

namespace CouponFunctions.Sandbox.Shopee;

/// <summary>auth_partner (the seller's approval, simulated), token/get (single-use code, 10 min) and access_token/get
/// (single-use refresh token; a new pair comes back). All are public APIs: signed without token or shop.</summary>
internal sealed class ShopeeAuthHandlers(ShopeeSandbox sandbox)
{
    private DateTimeOffset Now => sandbox.Clock.GetUtcNow();

    public IResult AuthPartner(ShopeeCall call)
    {
        var redirect = call.Http.Request.Query["redirect"].ToString();
        if (!Uri.TryCreate(redirect, UriKind.Absolute, out var target)) return Param("redirect is required", call.RequestId);
        if (sandbox.AuthorizingShopId is not { } shopId) return Param("the sandbox has no shop to authorize", call.RequestId);
        var code = sandbox.IssueAuthCode(call.PartnerId, shopId);
        var separator = string.IsNullOrEmpty(target.Query) ? "?" : "&";
        return Results.Redirect($"{target.AbsoluteUri}{separator}code={code}&shop_id={shopId}");
    }

    public IResult TokenGet(ShopeeCall call)
    {
        if (!TryRead(call, "code", out var code, out var shopId, out var invalid)) return invalid;
        var grant = sandbox.Code(code);
        if (grant is null || grant.Used || grant.ExpiresAt <= Now || grant.PartnerId != call.PartnerId || grant.ShopId != shopId)
            return Error(403, "error_auth", "Invalid code.", call.RequestId);
        grant.Used = true;
        var tokens = sandbox.IssueTokensLocked(call.PartnerId, shopId);
        return TopLevel(call.RequestId, new Dictionary<string, object?>
        {
            ["access_token"] = tokens.AccessToken,
            ["refresh_token"] = tokens.RefreshToken,
            ["expire_in"] = (long)sandbox.Options.AccessTokenLifetime.TotalSeconds,
            ["shop_id_list"] = new[] { shopId },
            ["merchant_id_list"] = Array.Empty<long>(),
        });
    }

    public IResult AccessTokenGet(ShopeeCall call)
    {
        if (!TryRead(call, "refresh_token", out var refreshToken, out var shopId, out var invalid)) return invalid;
        var grant = sandbox.RefreshToken(refreshToken);
        if (grant is null || grant.Used || grant.PartnerId != call.PartnerId || grant.ShopId != shopId)
            return Error(403, "error_auth", "Invalid refresh_token.", call.RequestId);
        if (grant.ExpiresAt <= Now) return Error(403, "refresh_token_expired", "The refresh_token has expired; authorize the shop again.", call.RequestId);
        // Single use: the old refresh token dies now; the old access token lives until its own expiry.
        grant.Used = true;
        var tokens = sandbox.IssueTokensLocked(call.PartnerId, shopId);
        return TopLevel(call.RequestId, new Dictionary<string, object?>
        {
            ["access_token"] = tokens.AccessToken,
            ["refresh_token"] = tokens.RefreshToken,
            ["expire_in"] = (long)sandbox.Options.AccessTokenLifetime.TotalSeconds,
            ["partner_id"] = call.PartnerId,
            ["shop_id"] = shopId,
        });
    }

    private static bool TryRead(ShopeeCall call, string secretField, out string secret, out long shopId, out IResult invalid)
    {
        secret = string.Empty;
        shopId = 0;
        invalid = null!;
        var body = call.Body;
        if (!body.TryGetProperty(secretField, out var s) || s.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(s.GetString()))
            invalid = Param($"{secretField} is required", call.RequestId);
        else if (!body.TryGetProperty("partner_id", out var p) || !p.TryGetInt64(out var partnerId) || partnerId != call.PartnerId)
            invalid = Param("partner_id in the body must match the query", call.RequestId);
        else if (!body.TryGetProperty("shop_id", out var shop) || !shop.TryGetInt64(out shopId))
            invalid = Param("shop_id is required", call.RequestId);
        else
            secret = s.GetString()!;
        return invalid is null;
    }
}
