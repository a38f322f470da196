using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace CouponFunctions.Storage.Notifications.Acs;

/// <summary>
/// Azure Communication Services Email over REST with HMAC auth. Sends are idempotent per caller-chosen Operation-Id, so a
/// retried send (pipeline retry on 408/429/5xx with Retry-After, or a re-run handler) does not mail twice.
/// Limits: custom domains 30 sends/min, 100/hour by default; 429 carries Retry-After.
/// </summary>
public sealed class AcsEmailClient
{
    private readonly HttpPipeline _pipeline;
    private readonly Uri _endpoint;
    private readonly string _apiVersion;

    public AcsEmailClient(string connectionString, AcsEmailClientOptions? options = null)
    {
        var connection = AcsConnectionString.Parse(connectionString);
        options ??= new AcsEmailClientOptions();
        _endpoint = connection.Endpoint;
        _apiVersion = options.ApiVersion;
        var pipelineOptions = new HttpPipelineOptions(options);
        pipelineOptions.PerRetryPolicies.Add(new AcsHmacPolicy(connection.AccessKey, options.TimeProvider));
        _pipeline = HttpPipelineBuilder.Build(pipelineOptions);
    }

    /// <summary>A deterministic Operation-Id (a GUID, as ACS expects) from any idempotency key, e.g. "send-42/recipient-7".</summary>
    public static string CreateOperationId(string idempotencyKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(idempotencyKey);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey));
        // Shape it as an RFC 9562 name-based GUID (version 8, RFC variant) so it reads as a valid UUID.
        hash[7] = (byte)((hash[7] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16)).ToString("D");
    }

    /// <summary>
    /// POST /emails:send with <c>Operation-Id: operationId</c> (a GUID; see <see cref="CreateOperationId"/>). Returns the accepted
    /// operation (202); poll <see cref="GetStatusAsync"/> for the final status.
    /// </summary>
    public async Task<Response<EmailSendResult>> SendAsync(EmailMessage message, string operationId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        message.Validate();
        ValidateOperationId(operationId);
        using var request = CreateMessage(RequestMethod.Post, "/emails:send");
        request.Request.Headers.SetValue("Operation-Id", operationId);
        request.Request.Headers.SetValue("Content-Type", "application/json");
        request.Request.Content = RequestContent.Create(EmailJson.Serialize(message));
        var response = await _pipeline.SendRequestAsync(request.Request, cancellationToken).ConfigureAwait(false);
        if (response.Status != 202) throw new RequestFailedException(response);
        return Response.FromValue(EmailJson.ReadResult(response.Content, operationId), response);
    }

    /// <summary>GET /emails/operations/{operationId}: NotStarted, Running, Succeeded, Failed or Canceled.</summary>
    public async Task<Response<EmailSendResult>> GetStatusAsync(string operationId, CancellationToken cancellationToken = default)
    {
        ValidateOperationId(operationId);
        using var request = CreateMessage(RequestMethod.Get, "/emails/operations/" + Uri.EscapeDataString(operationId));
        var response = await _pipeline.SendRequestAsync(request.Request, cancellationToken).ConfigureAwait(false);
        if (response.Status != 200) throw new RequestFailedException(response);
        return Response.FromValue(EmailJson.ReadResult(response.Content, operationId), response);
    }

    private HttpMessage CreateMessage(RequestMethod method, string path)
    {
        var message = _pipeline.CreateMessage();
        message.Request.Method = method;
        message.Request.Uri.Reset(new Uri(_endpoint.AbsoluteUri.TrimEnd('/') + path));
        message.Request.Uri.AppendQuery("api-version", _apiVersion, escapeValue: true);
        return message;
    }

    private static void ValidateOperationId(string operationId)
    {
        if (!Guid.TryParse(operationId, out _))
        {
            throw new ArgumentException("The operation id must be a GUID; derive one with AcsEmailClient.CreateOperationId.", nameof(operationId));
        }
    }
}
