using Azure.Core;
using Azure.Core.Pipeline;

namespace CouponFunctions.Storage.Notifications.Acs;

/// <summary>Signs each attempt (per retry: a fresh x-ms-date) with the ACS access key.</summary>
internal sealed class AcsHmacPolicy(byte[] accessKey, TimeProvider timeProvider) : HttpPipelinePolicy
{
    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        await SignAsync(message).ConfigureAwait(false);
        await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        throw new NotSupportedException("The ACS client is async-only.");

    private async ValueTask SignAsync(HttpMessage message)
    {
        var request = message.Request;
        using var body = new MemoryStream();
        if (request.Content is not null) await request.Content.WriteToAsync(body, message.CancellationToken).ConfigureAwait(false);
        var contentHash = AcsHmacSigner.ContentHash(body.GetBuffer().AsSpan(0, (int)body.Length));
        var date = timeProvider.GetUtcNow().UtcDateTime.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        var uri = request.Uri.ToUri();
        var stringToSign = AcsHmacSigner.StringToSign(request.Method.Method, uri.PathAndQuery, date, AcsHmacSigner.Host(uri), contentHash);
        request.Headers.SetValue("x-ms-date", date);
        request.Headers.SetValue("x-ms-content-sha256", contentHash);
        request.Headers.SetValue("Authorization", AcsHmacSigner.AuthorizationHeader(AcsHmacSigner.Signature(accessKey, stringToSign)));
    }
}
