using CouponFunctions.App.Auth;
using CouponFunctions.Core.Customers;
using CouponFunctions.Core.Tenancy;
using Microsoft.Azure.Functions.Worker;

namespace CouponFunctions.App.Api.Customers;

/// <summary>DELETE /api/customers/{externalId} (editor): 204, or 404 when there is no such customer.</summary>
internal sealed class DeleteCustomerFunction(ManageCustomersHandler handler)
{
    [Function("DeleteCustomer")]
    [RequiresRole(ApiKeyRole.Editor)]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "customers/{externalId}")] HttpRequest request, string externalId, CancellationToken cancellationToken)
    {
        if (!CustomerId.TryParse(externalId, out var id)) return ApiResults.BadField("externalId", CustomerId.Rule);
        return (await handler.DeleteAsync(request.Caller(), id, cancellationToken)).ToHttp(_ => Results.NoContent());
    }
}
