using System.Globalization;
using System.Text.Json;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Platforms.Common.Http;

namespace CouponFunctions.Platforms.TikTok;

/// <summary>Reads TikTok's envelope <c>{code, message, request_id, data}</c>: code 0 is success.</summary>
internal sealed class TikTokResponseReader : IPlatformResponseReader
{
    public const long TooManyRequests = 36009002;
    public const long InternalError = 36009003;
    public const long InvalidParameter = 36009004;
    public const long InvalidSign = 106001;
    public const long InvalidCredential = 105001;
    public const long TokenExpired = 105002;
    public const long NoPermission = 105005;

    public static TikTokResponseReader Instance { get; } = new();

    public PlatformFault? Read(int httpStatus, JsonElement root)
    {
        var code = Code(root);
        var message = String(root, "message") ?? string.Empty;
        var requestId = String(root, "request_id");
        if (code is 0 && httpStatus is >= 200 and < 300) return null;
        if (code is { } known and not 0) return Classify(known, httpStatus, message, requestId);
        return httpStatus switch
        {
            429 => new PlatformFault(PlatformErrorKind.Throttled, "http_429", "Too many requests.", requestId, NotProcessed: true),
            401 => new PlatformFault(PlatformErrorKind.Unauthorized, "http_401", message, requestId),
            404 => new PlatformFault(PlatformErrorKind.NotFound, "http_404", message, requestId),
            >= 500 => new PlatformFault(PlatformErrorKind.Transient, $"http_{httpStatus}", message, requestId),
            >= 200 and < 300 => new PlatformFault(PlatformErrorKind.Transient, "missing_code", "The answer has no code.", requestId),
            _ => new PlatformFault(PlatformErrorKind.Rejected, $"http_{httpStatus}", message, requestId),
        };
    }

    private static PlatformFault Classify(long code, int httpStatus, string message, string? requestId)
    {
        var text = code.ToString(CultureInfo.InvariantCulture);
        return code switch
        {
            // 36009002 means "not processed": safe to retry even a call that must not act twice.
            TooManyRequests => new(PlatformErrorKind.Throttled, text, message, requestId, NotProcessed: true),
            InternalError => new(PlatformErrorKind.Transient, text, message, requestId),
            TokenExpired or InvalidCredential => new(PlatformErrorKind.Unauthorized, text, message, requestId),
            // 36009004 covers every bad parameter; a missing coupon comes as 36009004 with HTTP 404 (UNCERTAIN).
            InvalidParameter when httpStatus == 404 || message.Contains("not exist", StringComparison.OrdinalIgnoreCase)
                || message.Contains("not found", StringComparison.OrdinalIgnoreCase)
                => new(PlatformErrorKind.NotFound, text, message, requestId),
            _ when httpStatus >= 500 => new(PlatformErrorKind.Transient, text, message, requestId),
            _ when httpStatus == 429 => new(PlatformErrorKind.Throttled, text, message, requestId, NotProcessed: true),
            // 106001 bad sign, 105005 no permission, 36009004 invalid parameter (stale timestamp, bad app_key, ...).
            _ => new(PlatformErrorKind.Rejected, text, message, requestId),
        };
    }

    private static long? Code(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("code", out var code)) return null;
        if (code.ValueKind == JsonValueKind.Number && code.TryGetInt64(out var number)) return number;
        return code.ValueKind == JsonValueKind.String && long.TryParse(code.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number) ? number : null;
    }

    private static string? String(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
