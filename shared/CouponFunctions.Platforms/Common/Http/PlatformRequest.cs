using CouponFunctions.Core.Platforms;

namespace CouponFunctions.Platforms.Common.Http;

/// <summary>How a call may be retried after a failure.</summary>
internal enum RetryMode
{
    /// <summary>Reads, and writes that converge on the same state when repeated (update to given values, end, delete):
    /// retried on throttling and on transient faults.</summary>
    Safe,

    /// <summary>Calls that must not take effect twice (create; exchange of a single-use code or refresh token): retried only
    /// when the platform certainly did not act, i.e. an explicit throttle answer or no connection made. After a timeout,
    /// a 5xx or a garbled answer the outcome is unknown, so the failure is returned for the caller to check.</summary>
    OnlyIfNotProcessed,
}

/// <summary>One logical platform call; <see cref="CreateMessage"/> runs per attempt so each attempt is signed with a fresh timestamp.</summary>
/// <param name="Operation">The platform API name, recorded with failures (for example <c>voucher.get_voucher_list</c>).</param>
/// <param name="AppKey">The app whose bucket the call takes a token from.</param>
/// <param name="ShopKey">The shop (seller) whose bucket the call takes a token from; null for app-level calls.</param>
/// <param name="Store">The store to record failures against; null for calls made before a store exists (code exchange).</param>
internal sealed record PlatformRequest(
    string Operation,
    string AppKey,
    string? ShopKey,
    RetryMode Retry,
    Func<HttpRequestMessage> CreateMessage,
    StoreConnection? Store)
{
    /// <summary>Secret values sent outside the query (in a body or header) that must be scrubbed from any error text.</summary>
    public IReadOnlyList<string?> BodySecrets { get; init; } = [];
}

/// <summary>A platform's reading of one answer that parsed as JSON: null for success, else the error it carries.</summary>
/// <param name="NotProcessed">True when the answer says the request was not acted on (a throttle answer).</param>
/// <param name="Retryable">Overrides the default (throttled and transient are retryable), for example for a daily quota.</param>
internal sealed record PlatformFault(
    PlatformErrorKind Kind,
    string? Code,
    string Message,
    string? RequestId,
    bool NotProcessed = false,
    bool? Retryable = null);

/// <summary>Reads a platform's answer envelope (error codes, request id) once the HTTP layer has a JSON document.</summary>
internal interface IPlatformResponseReader
{
    PlatformFault? Read(int httpStatus, System.Text.Json.JsonElement root);
}
