using System.Globalization;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace CouponFunctions.Storage.Notifications.Acs;

/// <summary>
/// Azure Communication Services SMS over REST (Azure.Communication.Sms is not available to us), signed with the same HMAC
/// policy as <see cref="AcsEmailClient"/>. Idempotency is per recipient in the body (repeatabilityRequestId +
/// repeatabilityFirstSent), so the pipeline may retry 5xx and transport errors; 429 comes back as a throttled response.
/// Limits: toll-free 200/min per number, short code 6000/min, alphanumeric sender 600/min per resource.
/// </summary>
public sealed class AcsSmsClient
{
    private readonly HttpPipeline _pipeline;
    private readonly Uri _endpoint;
    private readonly string _apiVersion;
    private readonly TimeProvider _time;

    public AcsSmsClient(string connectionString, AcsSmsClientOptions? options = null)
    {
        var connection = AcsConnectionString.Parse(connectionString);
        options ??= new AcsSmsClientOptions();
        _endpoint = connection.Endpoint;
        _apiVersion = options.ApiVersion;
        _time = options.TimeProvider;
        options.RetryPolicy = new RetryExceptThrottlePolicy(
            options.Retry.MaxRetries, DelayStrategy.CreateExponentialDelayStrategy(options.Retry.Delay, options.Retry.MaxDelay));
        var pipelineOptions = new HttpPipelineOptions(options);
        pipelineOptions.PerRetryPolicies.Add(new AcsHmacPolicy(connection.AccessKey, options.TimeProvider));
        _pipeline = HttpPipelineBuilder.Build(pipelineOptions);
    }

    /// <summary>
    /// POST /sms: 202 with one result per recipient (check each <see cref="SmsRecipientResult.Successful"/>), or 429 with the
    /// Retry-After ACS gave (nothing was sent). Any other status throws <see cref="RequestFailedException"/>.
    /// </summary>
    public async Task<SmsSendResponse> SendAsync(SmsSendRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        using var message = _pipeline.CreateMessage();
        message.Request.Method = RequestMethod.Post;
        message.Request.Uri.Reset(new Uri(_endpoint.AbsoluteUri.TrimEnd('/') + "/sms"));
        message.Request.Uri.AppendQuery("api-version", _apiVersion, escapeValue: true);
        message.Request.Headers.SetValue("Content-Type", "application/json");
        message.Request.Content = RequestContent.Create(SmsJson.Serialize(request));
        var response = await _pipeline.SendRequestAsync(message.Request, cancellationToken).ConfigureAwait(false);
        return response.Status switch
        {
            202 => new SmsSendResponse(202, SmsJson.ReadResults(response.Content), null),
            429 => new SmsSendResponse(429, [], RetryAfter(response) ?? TimeSpan.FromSeconds(60)),
            _ => throw new RequestFailedException(response),
        };
    }

    /// <summary>Retry-After in seconds or as an HTTP date (also retry-after-ms, which Azure services send too).</summary>
    private TimeSpan? RetryAfter(Response response)
    {
        if (response.Headers.TryGetValue("retry-after-ms", out var ms) && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var millis))
            return TimeSpan.FromMilliseconds(Math.Max(0, millis));
        if (!response.Headers.TryGetValue("Retry-After", out var value) || string.IsNullOrWhiteSpace(value)) return null;
        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)) return TimeSpan.FromSeconds(Math.Max(0, seconds));
        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? TimeSpan.FromTicks(Math.Max(0, (at - _time.GetUtcNow()).Ticks))
            : null;
    }
}
