using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Stores;
using CouponFunctions.Platforms.Common.Errors;
using CouponFunctions.Platforms.Common.Throttling;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;

namespace CouponFunctions.Platforms.Common.Http;

/// <summary>
/// The one HTTP call path of a platform: token buckets, retry with backoff, circuit breaker, per-attempt timeout,
/// error mapping and failure recording. Each connector owns one (so each platform has its own limiter and circuit).
/// </summary>
internal sealed class PlatformCaller
{
    private readonly Platform _platform;
    private readonly string _httpClientName;
    private readonly PlatformClientOptions _options;
    private readonly IPlatformResponseReader _reader;
    private readonly IHttpClientFactory _httpClients;
    private readonly TimeProvider _time;
    private readonly IPlatformCallRecorder _recorder;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline<CallOutcome> _pipeline;

    public PlatformCaller(
        Platform platform,
        string httpClientName,
        PlatformClientOptions options,
        IPlatformResponseReader reader,
        IHttpClientFactory httpClients,
        TimeProvider time,
        IPlatformCallRecorder recorder,
        ILogger logger)
    {
        options.Validate();
        _platform = platform;
        _httpClientName = httpClientName;
        _options = options;
        _reader = reader;
        _httpClients = httpClients;
        _time = time;
        _recorder = recorder;
        _logger = logger;
        Limiter = new PlatformRateLimiter(options, time);
        _pipeline = PlatformResilience.Build(platform, options, time, logger);
    }

    public PlatformRateLimiter Limiter { get; }

    /// <summary>Sends the call with throttling and retries; a failure is recorded (with its redacted URL) and returned.</summary>
    public async Task<PlatformResult<JsonElement>> SendAsync(PlatformRequest request, CancellationToken cancellationToken = default)
    {
        CallOutcome outcome;
        try
        {
            outcome = await _pipeline.ExecuteAsync(
                static (state, token) => state.Self.AttemptAsync(state.Request, token),
                (Self: this, Request: request),
                cancellationToken).ConfigureAwait(false);
        }
        catch (BrokenCircuitException)
        {
            using var message = request.CreateMessage();
            outcome = CallOutcome.Failure(
                new PlatformError(_platform, PlatformErrorKind.CircuitOpen, "circuit_open",
                    $"{_platform.ToWire()} calls are paused after repeated platform faults; the call was not made. Try again later.",
                    RequestUrl: SecretRedactor.RedactUrl(message.RequestUri)),
                retryable: false);
        }

        if (outcome.Error is null) return PlatformResult<JsonElement>.Ok(outcome.Body);
        await RecordAsync(request, outcome.Error, cancellationToken).ConfigureAwait(false);
        return outcome.Error;
    }

    /// <summary>Sends the call as <see cref="SendAsync(PlatformRequest, CancellationToken)"/> does and maps the answer with
    /// <paramref name="read"/>; an answer of a shape <paramref name="read"/> cannot map is a recorded transient failure.</summary>
    public async Task<PlatformResult<T>> SendAsync<T>(PlatformRequest request, Func<JsonElement, T> read, CancellationToken cancellationToken = default)
    {
        var result = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded) return result.Error;
        try
        {
            return PlatformResult<T>.Ok(read(result.Value));
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            var error = new PlatformError(_platform, PlatformErrorKind.Transient, "unexpected_response",
                $"The {request.Operation} answer has an unexpected shape: {ex.GetType().Name}.");
            await RecordAsync(request, error, cancellationToken).ConfigureAwait(false);
            return error;
        }
    }

    private Task RecordAsync(PlatformRequest request, PlatformError error, CancellationToken cancellationToken) =>
        RecordAsync(request.Store, request.Operation, error, cancellationToken);

    private async Task RecordAsync(StoreConnection? store, string operation, PlatformError error, CancellationToken cancellationToken)
    {
        _logger.LogWarning("{Platform} {Operation} failed for {Store}: {Error}", _platform.ToWire(), operation, store?.ToString() ?? "(no store)", error);
        if (store is null) return;
        try
        {
            await _recorder.RecordFailureAsync(store, operation, error, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Recording is for troubleshooting; losing a record must not turn the call's own result into a crash.
            _logger.LogError(ex, "Could not record the failed {Platform} {Operation} call of {Store}.", _platform.ToWire(), operation, store);
        }
    }

    private async ValueTask<CallOutcome> AttemptAsync(PlatformRequest request, CancellationToken cancellationToken)
    {
        await Limiter.AcquireAsync(request.AppKey, request.ShopKey, cancellationToken).ConfigureAwait(false);
        using var message = request.CreateMessage();
        // The redacted URL and the secrets to scrub are worked out only for a failure (most calls succeed).
        string Url() => SecretRedactor.RedactUrl(message.RequestUri);
        string Redact(string text) => SecretRedactor.RedactText(text, SecretRedactor.SecretValues(message.RequestUri).Concat(request.BodySecrets));
        using var timeout = new CancellationTokenSource(_options.Timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);

        HttpResponseMessage response;
        byte[] body;
        try
        {
            var http = _httpClients.CreateClient(_httpClientName);
            response = await http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            body = await response.Content.ReadAsByteArrayAsync(linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Fail(request, PlatformErrorKind.Transient, "timeout", $"No complete answer within {_options.Timeout.TotalSeconds:0.###} s.", Url(), null, null, notProcessed: false);
        }
        catch (HttpRequestException ex)
        {
            // ConnectionError: no connection was made, so the platform cannot have acted on the request.
            var notProcessed = ex.HttpRequestError == HttpRequestError.ConnectionError;
            return Fail(request, PlatformErrorKind.Transient, notProcessed ? "connection_failed" : "http_error", Redact(ex.Message), Url(), null, null, notProcessed);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var retryAfter = ReadRetryAfter(response.Headers);
            JsonElement root;
            try
            {
                // Parsed from the UTF-8 bytes as they came, into an element that owns its copy.
                root = JsonElement.Parse(body);
            }
            catch (JsonException)
            {
                return NotJson(request, status, Url(), retryAfter);
            }

            var fault = _reader.Read(status, root);
            if (fault is null) return CallOutcome.Success(root);
            var error = new PlatformError(_platform, fault.Kind, fault.Code, Redact(fault.Message), fault.RequestId, status, Url());
            return Outcome(request, error, fault.NotProcessed, fault.Retryable, retryAfter);
        }
    }

    /// <summary>
    /// An answer whose body is not JSON. Only a 2xx is a malformed answer; an error status with a gateway's HTML page (a
    /// 503 from a load balancer, say) is recorded as what it is, an HTTP error, classified by its status.
    /// </summary>
    private CallOutcome NotJson(PlatformRequest request, int status, string url, TimeSpan? retryAfter) => status switch
    {
        >= 200 and < 300 => Fail(request, PlatformErrorKind.Transient, "malformed_response", $"The answer (HTTP {status}) is not valid JSON.", url, status, retryAfter, notProcessed: false),
        (int)HttpStatusCode.TooManyRequests => Fail(request, PlatformErrorKind.Throttled, "http_429", "Too many requests (HTTP 429).", url, status, retryAfter, notProcessed: true),
        >= 500 or (int)HttpStatusCode.RequestTimeout => Fail(request, PlatformErrorKind.Transient, $"http_{status}", $"HTTP {status} from the platform (the body is not JSON).", url, status, retryAfter, notProcessed: false),
        401 or 403 => Fail(request, PlatformErrorKind.Unauthorized, $"http_{status}", $"HTTP {status} from the platform (the body is not JSON).", url, status, retryAfter, notProcessed: false),
        404 => Fail(request, PlatformErrorKind.NotFound, "http_404", "HTTP 404 from the platform (the body is not JSON).", url, status, retryAfter, notProcessed: false),
        _ => Fail(request, PlatformErrorKind.Rejected, $"http_{status}", $"HTTP {status} from the platform (the body is not JSON).", url, status, retryAfter, notProcessed: false),
    };

    private CallOutcome Fail(PlatformRequest request, PlatformErrorKind kind, string code, string message, string url, int? status, TimeSpan? retryAfter, bool notProcessed) =>
        Outcome(request, new PlatformError(_platform, kind, code, message, null, status, url), notProcessed, null, retryAfter);

    private CallOutcome Outcome(PlatformRequest request, PlatformError error, bool notProcessed, bool? retryable, TimeSpan? retryAfter)
    {
        var mayRetry = retryable ?? error.Kind is PlatformErrorKind.Throttled or PlatformErrorKind.Transient;
        if (request.Retry == RetryMode.OnlyIfNotProcessed && !notProcessed) mayRetry = false;
        // Honour Retry-After: never retry sooner; if it is longer than we are willing to wait, give up now.
        if (retryAfter > _options.MaxRetryDelay) mayRetry = false;
        return CallOutcome.Failure(error, mayRetry, retryAfter);
    }

    private TimeSpan? ReadRetryAfter(HttpResponseHeaders headers)
    {
        var value = headers.RetryAfter;
        if (value?.Delta is { } delta) return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        if (value?.Date is { } date)
        {
            var wait = date - _time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }
        return null;
    }
}
