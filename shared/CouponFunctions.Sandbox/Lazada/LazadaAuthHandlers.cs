using System.Globalization;
using Microsoft.AspNetCore.Http;
using static CouponFunctions.Sandbox.Lazada.LazadaSandboxResults;

namespace CouponFunctions.Sandbox.Lazada;

/// <summary>The seller's authorization page (simulated: the seller approves at once), /auth/token/create (single-use code)
/// and /auth/token/refresh (single-use refresh token; a new pair comes back, within the same authorization period).</summary>
internal sealed class LazadaAuthHandlers(LazadaSandbox sandbox)
{
    private DateTimeOffset Now => sandbox.Clock.GetUtcNow();

    /// <summary>GET oauth/authorize?response_type=code&amp;force_auth=true&amp;redirect_uri=..&amp;client_id=..&amp;state=..&amp;country=..
    /// Not signed: a browser opens it. Redirects to redirect_uri with code (and state).</summary>
    public IResult Authorize(HttpContext http)
    {
        sandbox.Stats.Call();
        var query = http.Request.Query;
        if (query["response_type"].ToString() != "code") return Results.BadRequest(new { error = "unsupported_response_type" });
        var clientId = query["client_id"].ToString();
        if (!sandbox.TryGetAppSecret(clientId, out _)) return Results.BadRequest(new { error = "invalid_client" });
        if (!Uri.TryCreate(query["redirect_uri"].ToString(), UriKind.Absolute, out var target)) return Results.BadRequest(new { error = "invalid_redirect_uri" });
        if (sandbox.AuthorizingSellerId is not { } sellerId) return Results.BadRequest(new { error = "no_seller_to_authorize" });

        var code = sandbox.IssueAuthCode(clientId, sellerId);
        var state = query["state"].ToString();
        var separator = string.IsNullOrEmpty(target.Query) ? "?" : "&";
        var stateText = string.IsNullOrEmpty(state) ? string.Empty : "&state=" + Uri.EscapeDataString(state);
        return Results.Redirect($"{target.AbsoluteUri}{separator}code={code}{stateText}");
    }

    public IResult TokenCreate(LazadaCall call)
    {
        if (call.Param("code") is not { } code) return MissingParameter("code", call.RequestId);
        var grant = sandbox.Code(code);
        if (grant is null || grant.Used || grant.ExpiresAt <= Now || grant.AppKey != call.AppKey)
            return Gateway("InvalidCode", "ISV", "The authorization code is invalid or expired.", call.RequestId);
        grant.Used = true;
        return Grant(call, sandbox.IssueTokensLocked(call.AppKey, grant.SellerId, Now + sandbox.Options.RefreshTokenLifetime), grant.SellerId);
    }

    public IResult TokenRefresh(LazadaCall call)
    {
        if (call.Param("refresh_token") is not { } refreshToken) return MissingParameter("refresh_token", call.RequestId);
        var grant = sandbox.RefreshToken(refreshToken);
        if (grant is null || grant.Used || grant.AppKey != call.AppKey || grant.ExpiresAt <= Now)
            return Gateway("IllegalRefreshToken", "ISV", "The specified refresh token is invalid or expired", call.RequestId);
        // Single use (UNCERTAIN in the reference; the stricter reading): the old refresh token dies now, the old access
        // token lives until its own expiry. The new pair ends with the authorization the seller granted, not later.
        grant.Used = true;
        return Grant(call, sandbox.IssueTokensLocked(call.AppKey, grant.SellerId, grant.AuthorizedUntil), grant.SellerId);
    }

    private IResult Grant(LazadaCall call, LazadaSandboxTokens tokens, long sellerId)
    {
        sandbox.TryGetSeller(sellerId, out var seller);
        var country = seller.Site.ToLowerInvariant();
        var id = sellerId.ToString(CultureInfo.InvariantCulture);
        return TopLevel(call.RequestId, new Dictionary<string, object?>
        {
            ["access_token"] = tokens.AccessToken,
            ["refresh_token"] = tokens.RefreshToken,
            ["expires_in"] = Seconds(tokens.AccessTokenExpiresAt),
            ["refresh_expires_in"] = Seconds(tokens.RefreshTokenExpiresAt),
            ["country"] = country,
            ["account"] = $"seller{id}@sandbox.invalid",
            ["account_platform"] = "seller_center",
            ["country_user_info"] = new[]
            {
                new Dictionary<string, object?> { ["country"] = country, ["user_id"] = id, ["seller_id"] = id, ["short_code"] = seller.ShortCode },
            },
        });
    }

    private long Seconds(DateTimeOffset until) => Math.Max(0, (long)(until - Now).TotalSeconds);
}
