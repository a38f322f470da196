using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Handler.Api.Auth;

/// <summary>The role an endpoint needs; endpoints without it need a viewer key.</summary>
internal sealed record RequiresRole(ApiKeyRole Role);

/// <summary>
/// Authenticates every API call by its key (Authorization: Bearer ... or X-Api-Key): 401 without a live key, 403 when
/// the key's role is below what the endpoint needs.
/// </summary>
internal sealed class ApiKeyFilter(ApiKeyAuthenticator authenticator) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var keyText = ReadKey(http.Request);
        if (keyText is null)
            return Unauthorized(http, "An API key is required: send it as 'Authorization: Bearer <key>' or 'X-Api-Key: <key>'.");
        var caller = await authenticator.AuthenticateAsync(keyText, http.RequestAborted);
        if (caller is null) return Unauthorized(http, "The API key is not valid or was revoked.");

        var needed = http.GetEndpoint()?.Metadata.GetMetadata<RequiresRole>()?.Role ?? ApiKeyRole.Viewer;
        if (!caller.Has(needed))
        {
            return Results.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Forbidden",
                detail: $"This needs the {needed.ToString().ToLowerInvariant()} role; the key is {caller.Role.ToString().ToLowerInvariant()}.");
        }
        http.Items[typeof(Caller)] = caller;
        using (http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Api")
                   .BeginScope(new Dictionary<string, object> { ["TenantId"] = caller.TenantId.Value, ["KeyId"] = caller.KeyId }))
        {
            return await next(context);
        }
    }

    private static string? ReadKey(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return header["Bearer ".Length..].Trim();
        var apiKey = request.Headers["X-Api-Key"].ToString();
        return string.IsNullOrWhiteSpace(apiKey) ? null : apiKey.Trim();
    }

    private static IResult Unauthorized(HttpContext http, string detail)
    {
        http.Response.Headers.WWWAuthenticate = "Bearer";
        return Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", detail: detail);
    }
}

/// <summary>Endpoint helpers for the authenticated caller and required roles.</summary>
internal static class CallerExtensions
{
    public static Caller Caller(this HttpContext http) =>
        http.Items[typeof(Caller)] as Caller ?? throw new InvalidOperationException("The endpoint is not behind the API key filter.");

    public static TBuilder Requires<TBuilder>(this TBuilder builder, ApiKeyRole role)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new RequiresRole(role));
}
