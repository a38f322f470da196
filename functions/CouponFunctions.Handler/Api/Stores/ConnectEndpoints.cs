using CouponFunctions.Core.Common;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Handler.Api.Auth;

namespace CouponFunctions.Handler.Api.Stores;

/// <summary>
/// Connecting a store to its platform: POST /api/stores/{id}/authorize gives the platform's authorization URL, and
/// GET /api/oauth/{platform}/callback (no key: the seller's browser comes back from the platform) exchanges the code.
/// </summary>
internal static class ConnectEndpoints
{
    public static RouteGroupBuilder MapStoreAuthorization(this RouteGroupBuilder api)
    {
        api.MapPost("/stores/{storeId}/authorize", async (string storeId, HttpContext http, ConnectStoreHandler handler, ManageStoresHandler stores, CancellationToken ct) =>
        {
            if (!StoreId.TryParse(storeId, out var id)) return ApiResults.BadField("storeId", "Not a store id.");
            var store = await stores.GetAsync(http.Caller(), id, ct);
            if (!store.IsOk) return store.ToHttp(_ => Results.Empty);
            var callback = new Uri($"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/api/oauth/{store.Value.Platform.ToWire()}/callback");
            return (await handler.StartAsync(http.Caller(), id, callback, ct)).ToHttp(url => Results.Ok(new { authorizationUrl = url, callbackUrl = callback }));
        }).WithTags("Stores").Requires(ApiKeyRole.Editor);
        return api;
    }

    public static IEndpointRouteBuilder MapOAuthCallback(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/oauth/{platform}/callback", async (string platform, HttpContext http, ConnectStoreHandler handler, AdminLinks links, CancellationToken ct) =>
        {
            if (!PlatformNames.TryParse(platform, out var known)) return Results.Problem(statusCode: 404, title: "Not found", detail: $"No platform '{platform}'.");
            var query = http.Request.Query.ToDictionary(q => q.Key, q => (string?)q.Value.ToString());
            var result = await handler.CompleteAsync(known, query, ct);
            // The seller's browser lands on the admin page either way, with the outcome to show.
            var outcome = result.IsOk
                ? $"connected={Uri.EscapeDataString(result.Value.Id.Value)}"
                : $"authError={Uri.EscapeDataString(result.Errors?.Values.First().First() ?? result.Message ?? "The authorization failed.")}";
            return Results.Redirect($"{links.AdminBaseUrl}#/stores?{outcome}");
        }).WithTags("Stores").ExcludeFromDescription();
        return app;
    }
}
