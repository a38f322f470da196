using CouponFunctions.Core.Stores;

namespace CouponFunctions.Core.Platforms;

/// <summary>What went wrong in a platform call, in one shape for every platform.</summary>
public enum PlatformErrorKind
{
    /// <summary>The platform's throttle answer (Shopee error_rate_limit, Lazada ApiCallLimit, TikTok 36009002 / 429).</summary>
    Throttled,

    /// <summary>The access token is expired, revoked or invalid: refresh it or re-authorize the store.</summary>
    Unauthorized,

    /// <summary>The platform refused the request on its own rules (bad field, rule broken, permission).</summary>
    Rejected,

    /// <summary>Our capability table says the platform's API cannot do this at all.</summary>
    NotSupported,

    NotFound,

    /// <summary>5xx, timeouts, malformed answers: worth a retry later.</summary>
    Transient,

    /// <summary>The circuit for this platform is open after repeated failures; the call was not made.</summary>
    CircuitOpen,
}

/// <summary>A failed platform call: platform code, message, request id, HTTP status and the redacted request URL.</summary>
/// <param name="RequestUrl">The URL with sign, access_token and every secret replaced by "***".</param>
public sealed record PlatformError(
    Platform Platform,
    PlatformErrorKind Kind,
    string? Code,
    string Message,
    string? RequestId = null,
    int? HttpStatus = null,
    string? RequestUrl = null)
{
    public override string ToString() =>
        $"{Platform.ToWire()} {Kind} {Code ?? "-"} (HTTP {HttpStatus?.ToString() ?? "-"}, request {RequestId ?? "-"}): {Message} [{RequestUrl}]";
}

/// <summary>Thrown where a result cannot be returned, such as in the middle of paging; carries the <see cref="PlatformError"/>.</summary>
public sealed class PlatformException(PlatformError error) : Exception(error.ToString())
{
    public PlatformError Error { get; } = error;
}
