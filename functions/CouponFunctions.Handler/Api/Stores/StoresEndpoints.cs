using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Queues;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Sync;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Handler.Api.Auth;

namespace CouponFunctions.Handler.Api.Stores;

/// <summary>/api/stores: add, list, get, update, disable and enable the stores of the caller's workspace.</summary>
internal static class StoresEndpoints
{
    public static RouteGroupBuilder MapStores(this RouteGroupBuilder api, TimeProvider time)
    {
        var stores = api.MapGroup("/stores").WithTags("Stores");

        stores.MapGet("/", async (HttpContext http, ManageStoresHandler handler, ISyncStateRepository syncStates, CancellationToken ct) =>
        {
            var caller = http.Caller();
            var statesTask = syncStates.ListAsync(caller.TenantId, ct);
            var list = await handler.ListAsync(caller, ct);
            var states = (await statesTask).ToDictionary(s => s.StoreId);
            return Results.Ok(new
            {
                items = list.OrderBy(s => s.DisplayName, StringComparer.OrdinalIgnoreCase).Select(s => StoreResponse.From(s, time.GetUtcNow(), states.GetValueOrDefault(s.Id))),
            });
        });

        stores.MapGet("/{storeId}", async (string storeId, HttpContext http, ManageStoresHandler handler, ISyncStateRepository syncStates, CancellationToken ct) =>
        {
            if (!StoreId.TryParse(storeId, out var id)) return ApiResults.BadField("storeId", "Not a store id.");
            var result = await handler.GetAsync(http.Caller(), id, ct);
            var state = result.IsOk ? await syncStates.GetAsync(http.Caller().TenantId, id, ct) : null;
            return result.ToHttp(s => Results.Ok(StoreResponse.From(s, time.GetUtcNow(), state)));
        });

        stores.MapPost("/{storeId}/sync", async (string storeId, HttpContext http, ManageStoresHandler handler, IWorkQueue queue, CancellationToken ct) =>
        {
            if (!StoreId.TryParse(storeId, out var id)) return ApiResults.BadField("storeId", "Not a store id.");
            var found = await handler.GetAsync(http.Caller(), id, ct);
            if (!found.IsOk) return found.ToHttp(_ => Results.Empty);
            if (found.Value.Status != StoreStatus.Active || !found.Value.IsConnected)
                return Results.Problem(statusCode: 422, title: "Not possible", detail: $"{found.Value.DisplayName} is {(found.Value.IsConnected ? found.Value.Status.ToString().ToLowerInvariant() : "not connected")}; it cannot be synced.");
            await queue.EnqueueAsync(new SyncStoreMessage(http.Caller().TenantId.Value, id.Value, SyncStoreMessage.Manual, time.GetUtcNow()), null, ct);
            return Results.Accepted($"/api/stores/{id}/sync-runs", new { queued = true });
        }).Requires(ApiKeyRole.Editor);

        stores.MapGet("/{storeId}/sync-runs", async (string storeId, HttpContext http, ManageStoresHandler handler, ISyncStateRepository syncStates, CancellationToken ct) =>
        {
            if (!StoreId.TryParse(storeId, out var id)) return ApiResults.BadField("storeId", "Not a store id.");
            var found = await handler.GetAsync(http.Caller(), id, ct);
            return found.IsOk ? Results.Ok(new { items = await syncStates.ListRunsAsync(http.Caller().TenantId, id, 50, ct) }) : found.ToHttp(_ => Results.Empty);
        });

        stores.MapGet("/{storeId}/failures", async (string storeId, HttpContext http, ManageStoresHandler handler, IPlatformFailureLog failures, CancellationToken ct) =>
        {
            if (!StoreId.TryParse(storeId, out var id)) return ApiResults.BadField("storeId", "Not a store id.");
            var found = await handler.GetAsync(http.Caller(), id, ct);
            return found.IsOk ? Results.Ok(new { items = await failures.ListRecentAsync(http.Caller().TenantId, id, 50, ct) }) : found.ToHttp(_ => Results.Empty);
        });

        stores.MapPost("/", async (HttpContext http, ManageStoresHandler handler, CancellationToken ct) =>
        {
            var (input, problem) = await http.Request.ReadJsonAsync<StoreInput>(ct);
            if (problem is not null) return problem;
            return (await handler.AddAsync(http.Caller(), input!, ct))
                .ToHttp(s => Results.Created($"/api/stores/{s.Id}", StoreResponse.From(s, time.GetUtcNow())));
        }).Requires(ApiKeyRole.Editor);

        stores.MapPatch("/{storeId}", async (string storeId, HttpContext http, ManageStoresHandler handler, CancellationToken ct) =>
        {
            if (!StoreId.TryParse(storeId, out var id)) return ApiResults.BadField("storeId", "Not a store id.");
            var (input, problem) = await http.Request.ReadJsonAsync<StoreChangeInput>(ct);
            if (problem is not null) return problem;
            return (await handler.UpdateAsync(http.Caller(), id, input!, ct)).ToHttp(s => Results.Ok(StoreResponse.From(s, time.GetUtcNow())));
        }).Requires(ApiKeyRole.Editor);

        stores.MapPost("/{storeId}/disable", (string storeId, HttpContext http, ManageStoresHandler handler, CancellationToken ct) =>
            SetEnabled(storeId, enabled: false, http, handler, time, ct)).Requires(ApiKeyRole.Editor);

        stores.MapPost("/{storeId}/enable", (string storeId, HttpContext http, ManageStoresHandler handler, CancellationToken ct) =>
            SetEnabled(storeId, enabled: true, http, handler, time, ct)).Requires(ApiKeyRole.Editor);

        return api;
    }

    private static async Task<IResult> SetEnabled(string storeId, bool enabled, HttpContext http, ManageStoresHandler handler, TimeProvider time, CancellationToken ct) =>
        !StoreId.TryParse(storeId, out var id)
            ? ApiResults.BadField("storeId", "Not a store id.")
            : (await handler.SetEnabledAsync(http.Caller(), id, enabled, ct)).ToHttp(s => Results.Ok(StoreResponse.From(s, time.GetUtcNow())));
}
