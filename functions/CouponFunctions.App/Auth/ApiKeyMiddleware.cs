using CouponFunctions.Core.Common;
using CouponFunctions.Core.Tenancy;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace CouponFunctions.App.Auth;

/// <summary>
/// The one place HTTP functions are authenticated: the API key (Authorization: Bearer ... or X-Api-Key) must be live
/// (401 otherwise) and its role at least what the function declares with <see cref="RequiresRoleAttribute"/>
/// (viewer by default; 403 otherwise); functions marked <see cref="WorkspaceWideAttribute"/> refuse keys scoped to some
/// stores (403). Functions marked <see cref="AnonymousAttribute"/> and non-HTTP triggers pass.
/// </summary>
internal sealed class ApiKeyMiddleware(ApiKeyAuthenticator authenticator, FunctionRoles roles, ILogger<ApiKeyMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        var needed = roles.For(context.FunctionDefinition);
        if (needed is null || context.GetHttpContext() is not { } http)
        {
            await next(context);
            return;
        }
        var keyText = ReadKey(http.Request);
        if (keyText is null)
        {
            await UnauthorizedAsync(http, "An API key is required: send it as 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'.");
            return;
        }
        Caller? caller;
        using (RequestTimings.Measure("auth")) caller = await authenticator.AuthenticateAsync(keyText, http.RequestAborted);
        if (caller is null)
        {
            await UnauthorizedAsync(http, "The API key is not valid or was revoked.");
            return;
        }
        if (!caller.Has(needed.Role))
        {
            await ForbiddenAsync(http, $"This needs the {needed.Role.ToString().ToLowerInvariant()} role; the key is {caller.Role.ToString().ToLowerInvariant()}.");
            return;
        }
        if (needed.WorkspaceWide && caller.IsScoped)
        {
            await ForbiddenAsync(http, "This acts on the whole workspace; a key scoped to some stores cannot do it. Use a key without a store scope.");
            return;
        }
        http.Items[typeof(Caller)] = caller;
        using (logger.BeginScope(new Dictionary<string, object> { ["TenantId"] = caller.TenantId.Value, ["KeyId"] = caller.KeyId }))
        {
            await next(context);
        }
    }

    private static string? ReadKey(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return header["Bearer ".Length..].Trim();
        var apiKey = request.Headers["X-Api-Key"].ToString();
        return string.IsNullOrWhiteSpace(apiKey) ? null : apiKey.Trim();
    }

    private static Task ForbiddenAsync(HttpContext http, string detail) =>
        Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden", detail: detail).ExecuteAsync(http);

    private static Task UnauthorizedAsync(HttpContext http, string detail)
    {
        http.Response.Headers.WWWAuthenticate = "Bearer";
        return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", detail: detail).ExecuteAsync(http);
    }
}
