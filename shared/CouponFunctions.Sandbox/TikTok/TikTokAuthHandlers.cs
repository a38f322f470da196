using Microsoft.AspNetCore.Http;
using static CouponFunctions.Sandbox.TikTok.TikTokSandboxResults;

namespace CouponFunctions.Sandbox.TikTok;

/// <summary>The authorization page (the seller's approval, simulated), token get (single-use code), token refresh (the
/// refresh token is rotated: the old one stops working) and the seller's shops with their ciphers.</summary>
internal sealed class TikTokAuthHandlers(TikTokSandbox sandbox)
{
    private DateTimeOffset Now => sandbox.Clock.GetUtcNow();

    /// <summary>GET /open/authorize?service_id&amp;state: redirects to the app's registered URL with code and state.</summary>
    public IResult Authorize(HttpContext http)
    {
        var serviceId = http.Request.Query["service_id"].ToString();
        var state = http.Request.Query["state"].ToString();
        lock (sandbox.Gate)
        {
            var app = sandbox.AppByServiceId(serviceId);
            if (app?.RedirectUri is null) return Results.BadRequest("Unknown service_id, or the app has no redirect URL registered.");
            if (sandbox.AuthorizingSellerId is not { } sellerId) return Results.BadRequest("The sandbox has no seller to authorize.");
            var code = sandbox.IssueAuthCode(app.AppKey, sellerId);
            var region = sandbox.Seller(sellerId)!.Region;
            var separator = string.IsNullOrEmpty(app.RedirectUri.Query) ? "?" : "&";
            return Results.Redirect($"{app.RedirectUri.AbsoluteUri}{separator}app_key={Uri.EscapeDataString(app.AppKey)}&code={code}&locale=en&shop_region={region}&state={Uri.EscapeDataString(state)}");
        }
    }

    public IResult TokenGet(TikTokCall call)
    {
        var query = call.Http.Request.Query;
        if (query["grant_type"] != "authorized_code") return Param("grant_type must be authorized_code.", call.RequestId);
        var grant = sandbox.Code(query["auth_code"].ToString());
        if (grant is null || grant.Used || grant.AppKey != call.AppKey || grant.ExpiresAt <= Now)
            return Error(401, InvalidCredential, "Invalid auth_code: it is unknown, used or expired.", call.RequestId);
        grant.Used = true;
        return Tokens(call, grant.SellerId);
    }

    public IResult TokenRefresh(TikTokCall call)
    {
        var query = call.Http.Request.Query;
        if (query["grant_type"] != "refresh_token") return Param("grant_type must be refresh_token.", call.RequestId);
        var grant = sandbox.RefreshToken(query["refresh_token"].ToString());
        if (grant is null || grant.Used || grant.AppKey != call.AppKey) return Error(401, InvalidCredential, "Invalid refresh_token.", call.RequestId);
        if (grant.ExpiresAt <= Now) return Error(401, TokenExpired, "The refresh_token is expired; authorize again.", call.RequestId);
        // Rotated: the old refresh token dies now; the old access token lives until its own expiry.
        grant.Used = true;
        return Tokens(call, grant.SellerId);
    }

    public IResult Shops(TikTokCall call)
    {
        var seller = sandbox.Seller(call.SellerId)!;
        var shops = seller.ShopIds.Select(id => sandbox.Shop(id)).Select(s => new Dictionary<string, object?>
        {
            ["id"] = s.ShopId,
            ["name"] = s.Name,
            ["region"] = s.Region,
            ["seller_type"] = "LOCAL",
            ["cipher"] = s.Cipher,
            ["code"] = "SB" + s.ShopId[^Math.Min(6, s.ShopId.Length)..],
        });
        return Ok(call.RequestId, new Dictionary<string, object?> { ["shops"] = shops.ToList() });
    }

    private IResult Tokens(TikTokCall call, string sellerId)
    {
        var tokens = sandbox.IssueTokensLocked(call.AppKey, sellerId);
        var seller = sandbox.Seller(sellerId)!;
        return Ok(call.RequestId, new Dictionary<string, object?>
        {
            ["access_token"] = tokens.AccessToken,
            // Absolute Unix times, not lifetimes.
            ["access_token_expire_in"] = tokens.AccessTokenExpiresAt.ToUnixTimeSeconds(),
            ["refresh_token"] = tokens.RefreshToken,
            ["refresh_token_expire_in"] = tokens.RefreshTokenExpiresAt.ToUnixTimeSeconds(),
            ["open_id"] = seller.SellerId,
            ["seller_name"] = seller.Name,
            ["seller_base_region"] = seller.Region,
            ["user_type"] = 0,
            ["granted_scopes"] = new[] { "seller.authorization.info", "seller.promotion.info" },
        });
    }
}
