using System.Text.Json;
using System.Text.Json.Serialization;
using CouponFunctions.Sandbox.Common;
using Microsoft.AspNetCore.Http;

namespace CouponFunctions.Sandbox.Shopee;

/// <summary>Shopee's answer envelope <c>{error, message, request_id, response}</c>. Shopee does not publish the HTTP
/// status of its errors (UNCERTAIN): we use 400 for parameters and rules, 403 for auth and sign, 404 for not found,
/// 429 for throttling and 500 for its own faults; a client must read <c>error</c>, never the status alone.</summary>
internal sealed class ShopeeSandboxResults : ISandboxDialect
{
    public static ShopeeSandboxResults Instance { get; } = new();

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public IResult InternalError(string requestId) => Error(500, "error_server", "Something wrong. Please try later.", requestId);

    public IResult Throttled(string requestId, TimeSpan? retryAfter) => SandboxFaultResponder.WithRetryAfter(
        Error(429, "error_rate_limit", "Too many requests. You have reached the rate limit. Please try again later.", requestId), retryAfter);

    public static IResult Ok(string requestId, object response) =>
        Results.Json(new Dictionary<string, object?> { ["error"] = "", ["message"] = "", ["request_id"] = requestId, ["response"] = response }, Json);

    /// <summary>Auth answers put their fields at the top level, beside error/message/request_id.</summary>
    public static IResult TopLevel(string requestId, Dictionary<string, object?> fields)
    {
        fields["error"] = "";
        fields["message"] = "";
        fields["request_id"] = requestId;
        return Results.Json(fields, Json);
    }

    public static IResult Error(int status, string error, string message, string requestId) =>
        Results.Json(new Dictionary<string, object?> { ["error"] = error, ["message"] = message, ["request_id"] = requestId, ["response"] = "" }, Json, statusCode: status);

    public static IResult Param(string detail, string requestId) => Error(400, "error_param", $"Wrong parameters, detail: {detail}.", requestId);

    public static IResult Rule(ShopeeRuleError rule, string requestId) => Error(400, rule.Error, rule.Message, requestId);

    public static IResult NotFound(string requestId) => Error(404, "common.error_not_found", "The information you queried is not found.", requestId);
}

/// <summary>A documented Shopee rule error: its code and message.</summary>
internal sealed record ShopeeRuleError(string Error, string Message);
