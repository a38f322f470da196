using CouponFunctions.App.Auth;
using CouponFunctions.Core.Customers;
using Microsoft.Azure.Functions.Worker;

namespace CouponFunctions.App.Api.Customers;

/// <summary>GET /api/customers[?storeId=&amp;search=&amp;pageSize=&amp;continuation=]: a page of customers in id order.</summary>
internal sealed class ListCustomersFunction(ManageCustomersHandler handler)
{
    [Function("ListCustomers")]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "customers")] HttpRequest request, CancellationToken cancellationToken)
    {
        var q = request.Query;
        if (!QueryParameters.TryPageSize(request, out var size, out var problem)) return problem;
        return (await handler.ListAsync(request.Caller(), q["storeId"], q["search"], size, q["continuation"], cancellationToken))
            .ToHttp(p => Results.Ok(new { items = p.Items.Select(CustomerResponse.From), continuation = p.Continuation }));
    }
}
