using System.Text.Json;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Platforms.Common.Http;
using static CouponFunctions.Platforms.Lazada.LazadaJson;

namespace CouponFunctions.Platforms.Lazada;

/// <summary>
/// Reads Lazada's envelope. Gateway errors: <c>code</c> other than "0" with <c>type</c> (ISV caller, ISP business, SYSTEM
/// platform) and <c>message</c>. The voucher APIs also carry <c>success</c>, <c>error_code</c> and <c>error_msg</c>, so a
/// <c>code</c> of "0" with <c>success</c> false is an error too. Lazada answers errors with HTTP 200 in practice; the status
/// only decides when the body has no code.
/// </summary>
internal sealed class LazadaResponseReader : IPlatformResponseReader
{
    public static LazadaResponseReader Instance { get; } = new();

    public PlatformFault? Read(int httpStatus, JsonElement root)
    {
        var code = String(root, "code");
        var requestId = String(root, "request_id");
        if (code is not null && code != "0")
            return Classify(code, String(root, "message") ?? String(root, "error_msg") ?? string.Empty, String(root, "type"), requestId);
        if (IsFalse(root, "success"))
            return Classify(String(root, "error_code") ?? "voucher_error", String(root, "error_msg") ?? String(root, "message") ?? string.Empty, null, requestId);
        if (code is not null) return null;
        return httpStatus switch
        {
            >= 200 and < 300 => null,
            429 => new PlatformFault(PlatformErrorKind.Throttled, "http_429", "Too many requests.", requestId, NotProcessed: true),
            401 or 403 => new PlatformFault(PlatformErrorKind.Unauthorized, $"http_{httpStatus}", "Access denied.", requestId),
            404 => new PlatformFault(PlatformErrorKind.NotFound, "http_404", "Not found.", requestId),
            >= 500 => new PlatformFault(PlatformErrorKind.Transient, $"http_{httpStatus}", "Lazada server error.", requestId),
            _ => new PlatformFault(PlatformErrorKind.Rejected, $"http_{httpStatus}", "Lazada refused the request.", requestId),
        };
    }

    internal static PlatformFault Classify(string code, string message, string? type, string? requestId) => code switch
    {
        // The throttle answer means "not processed": safe to retry, even for /promotion/voucher/create.
        "ApiCallLimit" => new(PlatformErrorKind.Throttled, code, message, requestId, NotProcessed: true),
        // Despite its name, not a rate limit: "MP3 sellers cannot call the current API" (vouchers/get error table).
        "Mp3SellerApiLimit" => new(PlatformErrorKind.Rejected, code, message, requestId),
        "IllegalAccessToken" or "IllegalRefreshToken" or "InvalidCode"
            => new(PlatformErrorKind.Unauthorized, code, message, requestId),
        // E025 "UMP exception": UMP is Lazada's promotion engine failing on its side, so worth a retry later.
        "E025" or "ServiceUnavailable" or "ServiceTimeout" or "InternalError" or "SystemError"
            => new(PlatformErrorKind.Transient, code, message, requestId),
        _ when string.Equals(type, "SYSTEM", StringComparison.OrdinalIgnoreCase) => new(PlatformErrorKind.Transient, code, message, requestId),
        // E024 "illegal parameter" is also how an unknown voucher id comes back ("Query result is empty.").
        "E024" when message.Contains("empty", StringComparison.OrdinalIgnoreCase) || message.Contains("not exist", StringComparison.OrdinalIgnoreCase)
            || message.Contains("not found", StringComparison.OrdinalIgnoreCase)
            => new(PlatformErrorKind.NotFound, code, message, requestId),
        // E021 bad voucher_type, E023 business validation, E024 illegal parameter; E026 "seller unauthorized" is about the
        // seller's voucher permission, which a new token does not change. Signature, parameter and app errors land here too.
        _ => new(PlatformErrorKind.Rejected, code, message, requestId),
    };
}
