using System.Text.Json;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Platforms.Common.Http;

namespace CouponFunctions.Platforms.Shopee;

/// <summary>Reads Shopee's envelope <c>{error, message, request_id, response}</c>: an empty <c>error</c> is success.</summary>
internal sealed class ShopeeResponseReader : IPlatformResponseReader
{
    public static ShopeeResponseReader Instance { get; } = new();

    public PlatformFault? Read(int httpStatus, JsonElement root)
    {
        var error = String(root, "error");
        var message = String(root, "message") ?? string.Empty;
        var requestId = String(root, "request_id");
        if (!string.IsNullOrEmpty(error)) return Classify(error, message, requestId);
        // The HTTP status of Shopee's errors is not published; an error status without an error code still fails.
        return httpStatus switch
        {
            >= 200 and < 300 => null,
            429 => new PlatformFault(PlatformErrorKind.Throttled, "http_429", "Too many requests.", requestId, NotProcessed: true),
            401 or 403 => new PlatformFault(PlatformErrorKind.Unauthorized, $"http_{httpStatus}", message, requestId),
            404 => new PlatformFault(PlatformErrorKind.NotFound, "http_404", message, requestId),
            >= 500 => new PlatformFault(PlatformErrorKind.Transient, $"http_{httpStatus}", message, requestId),
            _ => new PlatformFault(PlatformErrorKind.Rejected, $"http_{httpStatus}", message, requestId),
        };
    }

    internal static PlatformFault Classify(string error, string message, string? requestId) => error switch
    {
        // Throttle answers mean "not processed": safe to retry even for add_voucher.
        "error_rate_limit" => new(PlatformErrorKind.Throttled, error, message, requestId, NotProcessed: true),
        // The daily quota resets at 00:00 UTC+8: waiting inside one call is pointless.
        "error_limit" => new(PlatformErrorKind.Throttled, error, message, requestId, NotProcessed: true, Retryable: false),
        // invalid_acceess_token is Shopee's own misspelling and appears in real answers next to the correct one.
        "error_auth" or "invalid_access_token" or "invalid_acceess_token" or "error_token" or "invalid_refresh_token"
            or "refresh_token_expired" or "shop_access_expired" or "access_token_expired" or "shop_no_linked" or "partner_shop_no_link"
            => new(PlatformErrorKind.Unauthorized, error, message, requestId),
        "error_server" or "common.error_server" or "error_network" or "error_inner" or "error_busy" or "error_unknown"
            => new(PlatformErrorKind.Transient, error, message, requestId),
        "common.error_not_found" or "error_not_found" => new(PlatformErrorKind.NotFound, error, message, requestId),
        "error_param" or "error_data" when message.Contains("not found", StringComparison.OrdinalIgnoreCase)
            || message.Contains("not exist", StringComparison.OrdinalIgnoreCase)
            => new(PlatformErrorKind.NotFound, error, message, requestId),
        // error_param, error_sign, error_permission, error_shop, voucher.* rule errors, ...
        _ => new(PlatformErrorKind.Rejected, error, message, requestId),
    };

    private static string? String(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
