using CouponFunctions.App.Auth;
using CouponFunctions.Core.Common;
using CouponFunctions.Core.Stores;
using Microsoft.Azure.Functions.Worker;

namespace CouponFunctions.App.Api.Stores;

/// <summary>
/// GET /api/oauth/{platform}/callback (no key: the seller's browser comes back from the platform): exchanges the code
/// and lands the browser on the admin page with the outcome either way.
/// </summary>
internal sealed class CompleteAuthorizationFunction(ConnectStoreHandler handler, AdminLinks links)
{
    [Function("CompleteAuthorization")]
    [Anonymous]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "oauth/{platform}/callback")] HttpRequest request, string platform, CancellationToken cancellationToken)
    {
        if (!PlatformNames.TryParse(platform, out var known)) return Results.Problem(statusCode: 404, title: "Not found", detail: $"No platform '{platform}'.");
        var query = request.Query.ToDictionary(q => q.Key, q => (string?)q.Value.ToString());
        var result = await handler.CompleteAsync(known, query, cancellationToken);
        var outcome = result.IsOk
            ? $"connected={Uri.EscapeDataString(result.Value.Id.Value)}"
            : $"authError={Uri.EscapeDataString(result.Errors?.Values.First().First() ?? result.Message ?? "The authorization failed.")}";
        return Results.Redirect($"{links.AdminBaseUrl}#/stores?{outcome}");
    }
}
