using CouponFunctions.Core.Tenancy;
using CouponFunctions.Handler.Api.Auth;

namespace CouponFunctions.Handler.Api.Keys;

/// <summary>/api/me and /api/keys: who am I, and (admins) issue, list and revoke operator keys.</summary>
internal static class ApiKeysEndpoints
{
    public static RouteGroupBuilder MapApiKeys(this RouteGroupBuilder api)
    {
        api.MapGet("/me", (HttpContext http, TimeProvider time) =>
        {
            var caller = http.Caller();
            return Results.Ok(new
            {
                now = time.GetUtcNow(),
                tenantId = caller.TenantId.Value,
                keyId = caller.KeyId,
                role = caller.Role.ToString().ToLowerInvariant(),
                storeScope = caller.StoreScope?.Select(s => s.Value).Order(),
            });
        }).WithTags("Keys");

        var keys = api.MapGroup("/keys").WithTags("Keys").Requires(ApiKeyRole.Admin);

        keys.MapGet("/", async (HttpContext http, ManageApiKeysHandler handler, CancellationToken ct) =>
            Results.Ok(new { items = (await handler.ListAsync(http.Caller().TenantId, ct)).OrderBy(k => k.CreatedAt).Select(ToResponse) }));

        keys.MapPost("/", async (HttpContext http, ManageApiKeysHandler handler, CancellationToken ct) =>
        {
            if (http.Caller().IsScoped) return Results.Problem(statusCode: 403, title: "Forbidden", detail: "A key scoped to some stores cannot issue keys.");
            var (request, problem) = await http.Request.ReadJsonAsync<ApiKeyRequest>(ct);
            if (problem is not null) return problem;
            return (await handler.IssueAsync(http.Caller().TenantId, request!, ct))
                .ToHttp(issued => Results.Created($"/api/keys/{issued.Key.KeyId}", new { key = issued.Text, details = ToResponse(issued.Key) }));
        });

        keys.MapDelete("/{keyId}", async (string keyId, HttpContext http, ManageApiKeysHandler handler, CancellationToken ct) =>
            (await handler.RevokeAsync(http.Caller(), keyId, ct)).ToHttp(_ => Results.NoContent()));

        return api;
    }

    private static object ToResponse(ApiKey key) => new
    {
        id = key.KeyId,
        name = key.Name,
        role = key.Role.ToString().ToLowerInvariant(),
        storeScope = key.StoreScope?.Select(s => s.Value),
        createdAt = key.CreatedAt,
        revokedAt = key.RevokedAt,
    };
}
