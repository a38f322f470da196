using CouponFunctions.App.Auth;
using CouponFunctions.Core.Customers;
using CouponFunctions.Core.Tenancy;
using Microsoft.Azure.Functions.Worker;

namespace CouponFunctions.App.Api.Customers;

/// <summary>PATCH /api/customers/{externalId} (editor): JSON merge patch — the members given change, null clears, the rest stays.</summary>
internal sealed class PatchCustomerFunction(ManageCustomersHandler handler)
{
    [Function("PatchCustomer")]
    [RequiresRole(ApiKeyRole.Editor)]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "customers/{externalId}")] HttpRequest request, string externalId, CancellationToken cancellationToken)
    {
        if (!CustomerId.TryParse(externalId, out var id)) return ApiResults.BadField("externalId", CustomerId.Rule);
        var (body, problem) = await request.ReadJsonAsync<CustomerPatchBody>(cancellationToken);
        if (problem is not null) return problem;
        if (body!.ExternalId is { } named && named != id.Value) return ApiResults.BadField("externalId", "The external id is the customer's key and cannot be changed.");
        return (await handler.PatchAsync(request.Caller(), id, body.ToPatch(), cancellationToken)).ToHttp(c => Results.Ok(CustomerResponse.From(c)));
    }
}
