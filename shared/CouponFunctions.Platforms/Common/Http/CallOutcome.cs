using System.Text.Json;
using CouponFunctions.Core.Platforms;

namespace CouponFunctions.Platforms.Common.Http;

/// <summary>The result of one attempt, as the resilience pipeline sees it.</summary>
internal sealed record CallOutcome(JsonElement Body, PlatformError? Error, bool Retryable, TimeSpan? RetryAfter)
{
    public static CallOutcome Success(JsonElement body) => new(body, null, false, null);

    public static CallOutcome Failure(PlatformError error, bool retryable, TimeSpan? retryAfter = null) =>
        new(default, error, retryable, retryAfter);
}
