using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Handler.Api.Auth;

namespace CouponFunctions.Handler.Api.Stores;

/// <summary>/api/stores: add, list, get, update, disable and enable the stores of the caller's workspace.</summary>
internal static class StoresEndpoints
{
    public static RouteGroupBuilder MapStores(this RouteGroupBuilder api)
    {
        var stores = api.MapGroup("/stores").WithTags("Stores");

        stores.MapGet("/", async (HttpContext http, ManageStoresHandler handler, CancellationToken ct) =>
            Results.Ok(new { items = (await handler.ListAsync(http.Caller(), ct)).OrderBy(s => s.DisplayName, StringComparer.OrdinalIgnoreCase).Select(StoreResponse.From) }));

        stores.MapGet("/{storeId}", async (string storeId, HttpContext http, ManageStoresHandler handler, CancellationToken ct) =>
            !StoreId.TryParse(storeId, out var id)
                ? ApiResults.BadField("storeId", "Not a store id.")
                : (await handler.GetAsync(http.Caller(), id, ct)).ToHttp(s => Results.Ok(StoreResponse.From(s))));

        stores.MapPost("/", async (HttpContext http, ManageStoresHandler handler, CancellationToken ct) =>
        {
            var (input, problem) = await http.Request.ReadJsonAsync<StoreInput>(ct);
            if (problem is not null) return problem;
            return (await handler.AddAsync(http.Caller(), input!, ct))
                .ToHttp(s => Results.Created($"/api/stores/{s.Id}", StoreResponse.From(s)));
        }).Requires(ApiKeyRole.Editor);

        stores.MapPatch("/{storeId}", async (string storeId, HttpContext http, ManageStoresHandler handler, CancellationToken ct) =>
        {
            if (!StoreId.TryParse(storeId, out var id)) return ApiResults.BadField("storeId", "Not a store id.");
            var (input, problem) = await http.Request.ReadJsonAsync<StoreChangeInput>(ct);
            if (problem is not null) return problem;
            return (await handler.UpdateAsync(http.Caller(), id, input!, ct)).ToHttp(s => Results.Ok(StoreResponse.From(s)));
        }).Requires(ApiKeyRole.Editor);

        stores.MapPost("/{storeId}/disable", (string storeId, HttpContext http, ManageStoresHandler handler, CancellationToken ct) =>
            SetEnabled(storeId, enabled: false, http, handler, ct)).Requires(ApiKeyRole.Editor);

        stores.MapPost("/{storeId}/enable", (string storeId, HttpContext http, ManageStoresHandler handler, CancellationToken ct) =>
            SetEnabled(storeId, enabled: true, http, handler, ct)).Requires(ApiKeyRole.Editor);

        return api;
    }

    private static async Task<IResult> SetEnabled(string storeId, bool enabled, HttpContext http, ManageStoresHandler handler, CancellationToken ct) =>
        !StoreId.TryParse(storeId, out var id)
            ? ApiResults.BadField("storeId", "Not a store id.")
            : (await handler.SetEnabledAsync(http.Caller(), id, enabled, ct)).ToHttp(s => Results.Ok(StoreResponse.From(s)));
}
