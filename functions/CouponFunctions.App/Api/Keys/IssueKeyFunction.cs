using CouponFunctions.App.Auth;
using CouponFunctions.Core.Tenancy;
using Microsoft.Azure.Functions.Worker;

namespace CouponFunctions.App.Api.Keys;

/// <summary>POST /api/keys (admin, not store-scoped): issues a key; its text is shown this once.</summary>
internal sealed class IssueKeyFunction(ManageApiKeysHandler handler)
{
    [Function("IssueKey")]
    [RequiresRole(ApiKeyRole.Admin)]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "keys")] HttpRequest request, CancellationToken cancellationToken)
    {
        var caller = request.Caller();
        if (caller.IsScoped) return Results.Problem(statusCode: 403, title: "Forbidden", detail: "A key scoped to some stores cannot issue keys.");
        var (input, problem) = await request.ReadJsonAsync<ApiKeyRequest>(cancellationToken);
        if (problem is not null) return problem;
        return (await handler.IssueAsync(caller.TenantId, input!, cancellationToken))
            .ToHttp(issued => Results.Created($"/api/keys/{issued.Key.KeyId}", new { key = issued.Text, details = ApiKeyResponse.From(issued.Key) }));
    }
}
