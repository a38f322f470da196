using Azure.Core;
using Azure.Core.Pipeline;

namespace CouponFunctions.Storage.Clients.Auth;

/// <summary>Signs Blob and Queue requests with the full SharedKey scheme. Runs after <see cref="StorageDatePolicy"/>.</summary>
internal sealed class StorageSharedKeyPolicy(StorageSharedKeyCredential credential) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        var request = message.Request;
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in request.Headers) headers[header.Name] = header.Value;
        if (request.Content is not null && request.Content.TryComputeLength(out var length))
        {
            headers["Content-Length"] = length.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var uri = request.Uri.ToUri();
        var stringToSign = SharedKeyStringToSign.ForBlobOrQueue(request.Method.Method, headers, credential.AccountName, uri.AbsolutePath, uri.Query);
        request.Headers.SetValue("Authorization", $"SharedKey {credential.AccountName}:{credential.ComputeHmacSha256(stringToSign)}");
    }
}
