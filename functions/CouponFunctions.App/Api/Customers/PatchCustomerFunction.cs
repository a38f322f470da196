using CouponFunctions.App.Auth;
using CouponFunctions.Core.Customers;
using CouponFunctions.Core.Tenancy;
using Microsoft.Azure.Functions.Worker;

namespace CouponFunctions.App.Api.Customers;

/// <summary>PATCH /api/customers/{externalId} (editor): changes the fields given, keeps the rest.</summary>
internal sealed class PatchCustomerFunction(ManageCustomersHandler handler)
{
    [Function("PatchCustomer")]
    [RequiresRole(ApiKeyRole.Editor)]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "customers/{externalId}")] HttpRequest request, string externalId, CancellationToken cancellationToken)
    {
        if (!CustomerId.TryParse(externalId, out var id)) return ApiResults.BadField("externalId", CustomerId.Rule);
        var (input, problem) = await request.ReadJsonAsync<CustomerInput>(cancellationToken);
        if (problem is not null) return problem;
        return (await handler.PatchAsync(request.Caller(), id, input!, cancellationToken)).ToHttp(c => Results.Ok(CustomerResponse.From(c)));
    }
}
