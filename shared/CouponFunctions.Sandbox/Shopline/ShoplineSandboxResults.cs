using System.Text.Json;
using System.Text.Json.Serialization;
using CouponFunctions.Sandbox.Common;
using Microsoft.AspNetCore.Http;

namespace CouponFunctions.Sandbox.Shopline;

/// <summary>SHOPLINE's answers: the Admin REST API returns resources, with the HTTP status telling the outcome and errors
/// as <c>{"errors": ...}</c> (a traceId header on every answer); the OAuth calls answer <c>{code, i18nCode, message, data}</c>.
/// The i18n codes of OAuth errors are the sandbox's choice (UNCERTAIN).</summary>
internal sealed class ShoplineSandboxResults : ISandboxDialect
{
    public static ShoplineSandboxResults Instance { get; } = new();

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public IResult InternalError(string requestId) => Error(500, "Internal Server Error");

    public IResult Throttled(string requestId, TimeSpan? retryAfter) => SandboxFaultResponder.WithRetryAfter(
        Error(429, "Exceeded 4 calls per second for api client. Reduce request rates to resume uninterrupted service."), retryAfter);

    public static IResult Ok(object body, int status = 200) => Results.Json(body, Json, statusCode: status);

    public static IResult Error(int status, string errors) => Results.Json(new Dictionary<string, object?> { ["errors"] = errors }, Json, statusCode: status);

    public static IResult Invalid(ShoplineRuleError error, int status = 422) =>
        Results.Json(new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [error.Field] = [error.Message] } }, Json, statusCode: status);

    public static IResult NotFound() => Error(404, "Not Found");

    public static IResult OAuthOk(object data) =>
        Results.Json(new Dictionary<string, object?> { ["code"] = 200, ["i18nCode"] = "SUCCESS", ["message"] = null, ["data"] = data }, Json);

    public static IResult OAuthError(int status, string i18nCode, string message) =>
        Results.Json(new Dictionary<string, object?> { ["code"] = status, ["i18nCode"] = i18nCode, ["message"] = message, ["data"] = null }, Json, statusCode: status);
}
