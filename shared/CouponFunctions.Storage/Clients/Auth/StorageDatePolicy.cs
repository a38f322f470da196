using Azure.Core;
using Azure.Core.Pipeline;
using CouponFunctions.Storage.Clients.Pipeline;

namespace CouponFunctions.Storage.Clients.Auth;

/// <summary>Stamps <c>x-ms-date</c> on every attempt (per retry, so a retried request is not signed with a stale date).</summary>
internal sealed class StorageDatePolicy(TimeProvider timeProvider) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message) =>
        message.Request.Headers.SetValue("x-ms-date", StorageHttp.FormatRfc1123(timeProvider.GetUtcNow()));
}
