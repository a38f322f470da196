using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Stores;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace CouponFunctions.Platforms.Common.Http;

/// <summary>Builds a platform's Polly 8 pipeline: retry (outer) around a circuit breaker (inner) shared by all of the platform's calls.</summary>
internal static class PlatformResilience
{
    public static ResiliencePipeline<CallOutcome> Build(Platform platform, PlatformClientOptions options, TimeProvider time, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder<CallOutcome> { TimeProvider = time };
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<CallOutcome>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.MaxRetryDelay,
                // Only outcomes the caller marked retryable; exceptions (bugs, cancellation, open circuit) pass through.
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result?.Retryable == true),
                // A platform's Retry-After wins over our backoff (null falls back to exponential backoff with jitter).
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result?.RetryAfter),
                OnRetry = args =>
                {
                    var error = args.Outcome.Result?.Error;
                    logger.LogInformation(
                        "Retrying {Platform} call in {Delay} (retry {Attempt}) after {Kind} {Code}: {Url}",
                        platform.ToWire(), args.RetryDelay, args.AttemptNumber + 1, error?.Kind, error?.Code, error?.RequestUrl);
                    return default;
                },
            });
        }

        // Only faults that say "the platform is unwell" (5xx, timeouts, garbled answers) count against the circuit;
        // throttling, rejections and auth errors are answers from a healthy platform.
        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<CallOutcome>
        {
            FailureRatio = options.CircuitFailureRatio,
            MinimumThroughput = options.CircuitMinimumThroughput,
            SamplingDuration = options.CircuitSamplingDuration,
            BreakDuration = options.CircuitBreakDuration,
            ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result?.Error?.Kind == PlatformErrorKind.Transient),
            OnOpened = args =>
            {
                logger.LogWarning("{Platform} circuit opened for {Duration}: calls fail fast until then.", platform.ToWire(), args.BreakDuration);
                return default;
            },
            OnClosed = _ =>
            {
                logger.LogInformation("{Platform} circuit closed.", platform.ToWire());
                return default;
            },
        });
        return builder.Build();
    }
}
