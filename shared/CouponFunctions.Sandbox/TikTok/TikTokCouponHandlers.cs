using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using static CouponFunctions.Sandbox.TikTok.TikTokSandboxResults;

namespace CouponFunctions.Sandbox.TikTok;

/// <summary>SearchCoupons and GetCoupon (the only coupon APIs TikTok has); each runs inside <see cref="TikTokSandboxGate"/> under the lock.</summary>
internal sealed class TikTokCouponHandlers(TikTokSandbox sandbox)
{
    private static readonly string[] Statuses = ["NOT_START", "ONGOING", "EXPIRED", "DEACTIVATED"];
    private static readonly string[] DisplayTypes = ["REGULAR", "LIVE", "CREATOR_EXCLUSIVE", "CHAT", "PROMO_CODE"];

    public IResult Search(TikTokCall call)
    {
        var query = call.Http.Request.Query;
        var pageSize = sandbox.Options.DefaultPageSize;
        if (query["page_size"].ToString() is { Length: > 0 } sizeText
            && (!int.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out pageSize) || pageSize < 1 || pageSize > sandbox.Options.MaxPageSize))
            return Param($"page_size must be between 1 and {sandbox.Options.MaxPageSize}.", call.RequestId);
        if (!TryStrings(call.Body, "status", Statuses, out var statuses) || !TryStrings(call.Body, "display_type", DisplayTypes, out var displayTypes))
            return Param("status and display_type must be arrays of known values.", call.RequestId);
        var keyword = call.Body.TryGetProperty("title_keyword", out var k) && k.ValueKind == JsonValueKind.String ? k.GetString() : null;

        var fingerprint = TikTokPageToken.Fingerprint(keyword, statuses, displayTypes);
        var after = long.MaxValue;
        if (query["page_token"].ToString() is { Length: > 0 } token && !TikTokPageToken.TryDecode(token, fingerprint, out after))
            return Param("Invalid page_token: it does not continue this search.", call.RequestId);

        var now = sandbox.Clock.GetUtcNow();
        var matching = sandbox.CouponsLocked(call.Shop!.ShopId)
            .Where(c => statuses.Count == 0 || statuses.Contains(c.StatusAt(now)))
            .Where(c => displayTypes.Count == 0 || displayTypes.Contains(c.DisplayType))
            .Where(c => keyword is null || c.Title.Contains(keyword, StringComparison.OrdinalIgnoreCase))
            .ToList();
        var page = matching.Where(c => Id(c) < after).Take(pageSize + 1).ToList();
        var more = page.Count > pageSize;
        if (more) page.RemoveAt(pageSize);
        return Ok(call.RequestId, new Dictionary<string, object?>
        {
            ["coupons"] = page.Select(c => TikTokCouponJson.Write(c, call.Shop.Region, now, withStats: false)).ToList(),
            ["next_page_token"] = more ? TikTokPageToken.Encode(Id(page[^1]), fingerprint) : string.Empty,
            ["total_count"] = matching.Count,
        });
    }

    public IResult Get(TikTokCall call, string couponId)
    {
        var coupon = sandbox.FindLocked(call.Shop!.ShopId, couponId);
        return coupon is null
            ? Error(404, InvalidParameter, "The coupon does not exist.", call.RequestId)
            : Ok(call.RequestId, new Dictionary<string, object?> { ["coupon"] = TikTokCouponJson.Write(coupon, call.Shop.Region, sandbox.Clock.GetUtcNow(), withStats: true) });
    }

    private static long Id(TikTokSandboxCoupon coupon) => long.Parse(coupon.CouponId, CultureInfo.InvariantCulture);

    private static bool TryStrings(JsonElement body, string name, string[] allowed, out List<string> values)
    {
        values = [];
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty(name, out var array) || array.ValueKind == JsonValueKind.Null) return true;
        if (array.ValueKind != JsonValueKind.Array) return false;
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String || !allowed.Contains(item.GetString())) return false;
            values.Add(item.GetString()!);
        }
        return true;
    }
}
