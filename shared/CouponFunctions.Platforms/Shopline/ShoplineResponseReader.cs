using System.Globalization;
using System.Text.Json;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Platforms.Common.Http;

namespace CouponFunctions.Platforms.Shopline;

/// <summary>
/// Reads SHOPLINE's two answer shapes: the Admin REST API's resource bodies, where the HTTP status tells the outcome and
/// errors come as <c>{"errors": string | [..] | {field: [..]}}</c> (or <c>{code, message}</c>); and the OAuth envelope
/// <c>{code, i18nCode, message, data}</c>, where code 200 is success.
/// </summary>
internal sealed class ShoplineResponseReader : IPlatformResponseReader
{
    public static ShoplineResponseReader Instance { get; } = new();

    public PlatformFault? Read(int httpStatus, JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("i18nCode", out var i18n))
            return ReadOAuth(httpStatus, root, i18n.ValueKind == JsonValueKind.String ? i18n.GetString() : null);
        var hasErrors = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("errors", out _);
        if (httpStatus is >= 200 and < 300 && !hasErrors) return null;
        var code = String(root, "code") ?? $"http_{httpStatus}";
        return ByStatus(httpStatus, code, Message(root), requestId: null);
    }

    private static PlatformFault? ReadOAuth(int httpStatus, JsonElement root, string? i18nCode)
    {
        var code = String(root, "code");
        if (code == "200" && httpStatus is >= 200 and < 300) return null;
        var message = String(root, "message") ?? String(root, "msg") ?? string.Empty;
        var name = i18nCode ?? code ?? $"http_{httpStatus}";
        // The i18n codes are the sandbox's reading (UNCERTAIN); unknown ones fall back to the numeric code as a status.
        return i18nCode switch
        {
            "SIGN_INVALID" or "TIMESTAMP_EXPIRED" or "PARAM_ERROR" or "APP_KEY_INVALID" => new(PlatformErrorKind.Rejected, name, message, null),
            "CODE_INVALID" or "APP_NOT_AUTHORIZED" => new(PlatformErrorKind.Unauthorized, name, message, null),
            _ => ByStatus(int.TryParse(code, NumberStyles.None, CultureInfo.InvariantCulture, out var status) && status >= 400 ? status : httpStatus, name, message, null),
        };
    }

    private static PlatformFault ByStatus(int status, string code, string message, string? requestId) => status switch
    {
        // 429 means "not processed": safe to retry even a create.
        429 => new(PlatformErrorKind.Throttled, code, message, requestId, NotProcessed: true),
        401 => new(PlatformErrorKind.Unauthorized, code, message, requestId),
        404 => new(PlatformErrorKind.NotFound, code, message, requestId),
        >= 500 => new(PlatformErrorKind.Transient, code, message, requestId),
        >= 200 and < 300 => new(PlatformErrorKind.Rejected, code, message, requestId),
        // 400/422 validation, 403 missing scope, 406 ...
        _ => new(PlatformErrorKind.Rejected, code, message, requestId),
    };

    private static string Message(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object) return string.Empty;
        if (root.TryGetProperty("errors", out var errors))
        {
            return errors.ValueKind switch
            {
                JsonValueKind.String => errors.GetString() ?? string.Empty,
                JsonValueKind.Array => string.Join("; ", errors.EnumerateArray().Select(Text)),
                JsonValueKind.Object => string.Join("; ", errors.EnumerateObject().Select(p => $"{p.Name}: {(p.Value.ValueKind == JsonValueKind.Array ? string.Join(", ", p.Value.EnumerateArray().Select(Text)) : Text(p.Value))}")),
                _ => errors.GetRawText(),
            };
        }
        return String(root, "message") ?? string.Empty;
    }

    private static string Text(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString() ?? string.Empty : value.GetRawText();

    private static string? String(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            }
            : null;
}
