using CouponFunctions.App.Auth;
using CouponFunctions.Core.Customers;
using Microsoft.Azure.Functions.Worker;

namespace CouponFunctions.App.Api.Customers;

/// <summary>GET /api/customers/{externalId}.</summary>
internal sealed class GetCustomerFunction(ManageCustomersHandler handler)
{
    [Function("GetCustomer")]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "customers/{externalId}")] HttpRequest request, string externalId, CancellationToken cancellationToken)
    {
        if (!CustomerId.TryParse(externalId, out var id)) return ApiResults.BadField("externalId", CustomerId.Rule);
        return (await handler.GetAsync(request.Caller(), id, cancellationToken)).ToHttp(c => Results.Ok(CustomerResponse.From(c)));
    }
}
