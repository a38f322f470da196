using Azure.Core;
using Azure.Core.Pipeline;

namespace CouponFunctions.Storage.Notifications.Acs;

/// <summary>
/// Options for <see cref="AcsSmsClient"/>: Azure.Core retry for 408/5xx and transport errors (safe: every recipient carries its
/// repeatability values, so a repeated POST is recognised), but never for 429 — a throttled send is the caller's to pace.
/// </summary>
public sealed class AcsSmsClientOptions : ClientOptions
{
    public const string DefaultApiVersion = "2021-03-07";

    public AcsSmsClientOptions()
    {
        Retry.Mode = RetryMode.Exponential;
        Retry.MaxRetries = 3;
    }

    /// <summary>Clock for <c>x-ms-date</c>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    public string ApiVersion { get; set; } = DefaultApiVersion;
}

/// <summary>Azure.Core's retry, less 429: the orchestration paces throttled sends with durable timers instead of waiting in an activity.</summary>
internal sealed class RetryExceptThrottlePolicy(int maxRetries, DelayStrategy delay) : RetryPolicy(maxRetries, delay)
{
    protected override bool ShouldRetry(HttpMessage message, Exception? exception) =>
        !IsThrottled(message, exception) && base.ShouldRetry(message, exception);

    protected override ValueTask<bool> ShouldRetryAsync(HttpMessage message, Exception? exception) =>
        IsThrottled(message, exception) ? ValueTask.FromResult(false) : base.ShouldRetryAsync(message, exception);

    private static bool IsThrottled(HttpMessage message, Exception? exception) =>
        exception is null && message.HasResponse && message.Response.Status == 429;
}
