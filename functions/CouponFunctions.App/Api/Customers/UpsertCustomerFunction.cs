using CouponFunctions.App.Auth;
using CouponFunctions.Core.Customers;
using CouponFunctions.Core.Tenancy;
using Microsoft.Azure.Functions.Worker;

namespace CouponFunctions.App.Api.Customers;

/// <summary>POST /api/customers (editor): creates the customer (201) or replaces the one with this external id (200); safe to repeat.</summary>
internal sealed class UpsertCustomerFunction(ManageCustomersHandler handler)
{
    [Function("UpsertCustomer")]
    [RequiresRole(ApiKeyRole.Editor)]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "customers")] HttpRequest request, CancellationToken cancellationToken)
    {
        var (input, problem) = await request.ReadJsonAsync<CustomerInput>(cancellationToken);
        if (problem is not null) return problem;
        return (await handler.UpsertAsync(request.Caller(), input!, cancellationToken)).ToHttp(r => r.Created
            ? Results.Created($"/api/customers/{r.Customer.Id}", CustomerResponse.From(r.Customer))
            : Results.Ok(CustomerResponse.From(r.Customer)));
    }
}
