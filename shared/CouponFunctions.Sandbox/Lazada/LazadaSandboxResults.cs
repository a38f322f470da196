using System.Text.Json;
using CouponFunctions.Sandbox.Common;
using Microsoft.AspNetCore.Http;

namespace CouponFunctions.Sandbox.Lazada;

/// <summary>
/// Lazada's answers. Gateway errors: <c>{code, type, message, request_id}</c> with type ISV (caller), ISP (business) or
/// SYSTEM. Voucher API results: <c>{code: "0", data, success, error_code, error_msg, request_id}</c>; a business refusal
/// keeps code "0" and sets success false with the E0xx code in error_code (our reading of the voucher docs, which list
/// success/error_code/error_msg as response fields; UNCERTAIN). Lazada's SDKs never look at the HTTP status and the
/// reference gives none for errors (UNCERTAIN): every JSON answer here is HTTP 200, so a client must read the body.
/// </summary>
internal sealed class LazadaSandboxResults : ISandboxDialect
{
    public static LazadaSandboxResults Instance { get; } = new();

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = null };

    public IResult InternalError(string requestId) =>
        Gateway("ServiceUnavailable", "SYSTEM", "The request has failed due to a temporary failure of the server.", requestId);

    public IResult Throttled(string requestId, TimeSpan? retryAfter) => SandboxFaultResponder.WithRetryAfter(
        Gateway("ApiCallLimit", "ISV", "The request has exceeded the allowed limit.", requestId), retryAfter);

    public static IResult Gateway(string code, string type, string message, string requestId) =>
        Results.Json(new Dictionary<string, object?> { ["code"] = code, ["type"] = type, ["message"] = message, ["request_id"] = requestId }, Json);

    public static IResult MissingParameter(string name, string requestId) =>
        Gateway("MISSING_PARAMETER", "ISV", $"missing required parameter: {name}", requestId);

    /// <summary>A voucher API success; <paramref name="data"/> is left out when null (deactivate, activate, SKU changes).</summary>
    public static IResult Ok(string requestId, object? data = null)
    {
        var body = new Dictionary<string, object?> { ["code"] = "0", ["success"] = true, ["request_id"] = requestId };
        if (data is not null) body["data"] = data;
        return Results.Json(body, Json);
    }

    /// <summary>A voucher API business refusal (E021 voucher type, E023 validation, E024 illegal parameter, ...).</summary>
    public static IResult Refuse(LazadaRuleError error, string requestId) => Results.Json(new Dictionary<string, object?>
    {
        ["code"] = "0",
        ["success"] = false,
        ["error_code"] = error.Code,
        ["error_msg"] = error.Message,
        ["request_id"] = requestId,
    }, Json);

    /// <summary>Token answers put their fields at the top level, beside code and request_id.</summary>
    public static IResult TopLevel(string requestId, Dictionary<string, object?> fields)
    {
        fields["code"] = "0";
        fields["request_id"] = requestId;
        return Results.Json(fields, Json);
    }
}

/// <summary>A voucher API refusal: its code and message.</summary>
internal sealed record LazadaRuleError(string Code, string Message)
{
    public static LazadaRuleError Illegal(string detail) => new("E024", $"Illegal parameter: {detail}.");

    public static LazadaRuleError Invalid(string detail) => new("E023", detail);

    public static LazadaRuleError NotFound { get; } = new("E024", "Query result is empty.");
}
