using CouponFunctions.App.Auth;
using CouponFunctions.Core.Templates;
using Microsoft.Azure.Functions.Worker;

namespace CouponFunctions.App.Api.Templates;

/// <summary>GET /api/templates?campaign=&amp;pageSize=&amp;continuation=: the workspace's templates by id.</summary>
internal sealed class ListTemplatesFunction(ManageTemplatesHandler handler)
{
    [Function("ListTemplates")]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "templates")] HttpRequest request, CancellationToken cancellationToken)
    {
        if (!PageSize.TryRead(request, 50, out var pageSize)) return ApiResults.BadField("pageSize", $"pageSize must be 1–{ManageTemplatesHandler.MaxPageSize}.");
        var page = await handler.ListAsync(request.Caller(), request.Query["campaign"], pageSize, request.Query["continuation"], cancellationToken);
        return Results.Ok(new { items = page.Templates.Select(TemplateResponse.From), continuation = page.ContinuationToken });
    }
}
