using CouponFunctions.App.Auth;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;
using Microsoft.Azure.Functions.Worker;

namespace CouponFunctions.App.Api.Stores;

/// <summary>POST /api/stores (editor): adds a store, optionally with its platform credentials.</summary>
internal sealed class AddStoreFunction(ManageStoresHandler handler, TimeProvider time)
{
    [Function("AddStore")]
    [WorkspaceWide]
    [RequiresRole(ApiKeyRole.Editor)]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "stores")] HttpRequest request, CancellationToken cancellationToken)
    {
        var (input, problem) = await request.ReadJsonAsync<StoreInput>(cancellationToken);
        if (problem is not null) return problem;
        return (await handler.AddAsync(request.Caller(), input!, cancellationToken))
            .ToHttp(s => Results.Created($"/api/stores/{s.Id}", StoreResponse.From(s, time.GetUtcNow())));
    }
}
