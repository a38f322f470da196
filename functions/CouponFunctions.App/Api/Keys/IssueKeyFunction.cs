using CouponFunctions.App.Auth;
using CouponFunctions.Core.Tenancy;
using Microsoft.Azure.Functions.Worker;

namespace CouponFunctions.App.Api.Keys;

/// <summary>POST /api/keys (admin, not store-scoped): issues a key; its text is shown this once.</summary>
internal sealed class IssueKeyFunction(ManageApiKeysHandler handler)
{
    [Function("IssueKey")]
    [WorkspaceWide]
    [RequiresRole(ApiKeyRole.Admin)]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "keys")] HttpRequest request, CancellationToken cancellationToken)
    {
        var caller = request.Caller();
        var (input, problem) = await request.ReadJsonAsync<ApiKeyRequest>(cancellationToken);
        if (problem is not null) return problem;
        return (await handler.IssueAsync(caller.TenantId, input!, cancellationToken))
            .ToHttp(issued => Results.Created($"/api/keys/{issued.Key.KeyId}", new { key = issued.Text, details = ApiKeyResponse.From(issued.Key) }));
    }
}
