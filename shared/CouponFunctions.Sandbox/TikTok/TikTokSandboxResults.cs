using System.Text.Json;
using System.Text.Json.Serialization;
using CouponFunctions.Sandbox.Common;
using Microsoft.AspNetCore.Http;

namespace CouponFunctions.Sandbox.TikTok;

/// <summary>TikTok's answer envelope <c>{code, message, request_id, data}</c> (code 0 = success). HTTP statuses: 429 for
/// throttling and 401 for a bad sign (documented); 401 for token errors, 403 for permission, 404 for a missing coupon,
/// 400 for other parameters and 500 for its own faults are the sandbox's choice. A client must read <c>code</c>.</summary>
internal sealed class TikTokSandboxResults : ISandboxDialect
{
    public const long TooManyRequests = 36009002;
    public const long InternalErrorCode = 36009003;
    public const long InvalidParameter = 36009004;
    public const long InvalidSign = 106001;
    public const long InvalidCredential = 105001;
    public const long TokenExpired = 105002;
    public const long NoPermission = 105005;

    public static TikTokSandboxResults Instance { get; } = new();

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public IResult InternalError(string requestId) => Error(500, InternalErrorCode, "Internal error, please try again later.", requestId);

    public IResult Throttled(string requestId, TimeSpan? retryAfter) => SandboxFaultResponder.WithRetryAfter(
        Error(429, TooManyRequests, "Too many requests. The API call frequency exceeds the limit.", requestId), retryAfter);

    public static IResult Ok(string requestId, object data) =>
        Results.Json(new Dictionary<string, object?> { ["code"] = 0, ["message"] = "Success", ["request_id"] = requestId, ["data"] = data }, Json);

    public static IResult Error(int status, long code, string message, string requestId) =>
        Results.Json(new Dictionary<string, object?> { ["code"] = code, ["message"] = message, ["request_id"] = requestId, ["data"] = null }, Json, statusCode: status);

    public static IResult Param(string message, string requestId) => Error(400, InvalidParameter, message, requestId);
}
