using Azure.Core;
using Azure.Core.Pipeline;

namespace CouponFunctions.Storage.Clients.Auth;

/// <summary>Signs Table requests with SharedKeyLite, like Azure.Data.Tables. Runs after <see cref="StorageDatePolicy"/>.</summary>
internal sealed class TableSharedKeyLitePolicy(StorageSharedKeyCredential credential) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        var request = message.Request;
        request.Headers.TryGetValue("x-ms-date", out var date);
        var uri = request.Uri.ToUri();
        var stringToSign = SharedKeyStringToSign.ForTableLite(date ?? string.Empty, credential.AccountName, uri.AbsolutePath, uri.Query);
        request.Headers.SetValue("Authorization", $"SharedKeyLite {credential.AccountName}:{credential.ComputeHmacSha256(stringToSign)}");
    }
}
