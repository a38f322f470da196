using CouponFunctions.App.Auth;
using CouponFunctions.Core.Templates;
using Microsoft.Azure.Functions.Worker;

namespace CouponFunctions.App.Api.Templates;

/// <summary>GET /api/templates/{templateId}: one template, its version in the ETag header.</summary>
internal sealed class GetTemplateFunction(ManageTemplatesHandler handler)
{
    [Function("GetTemplate")]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "templates/{templateId}")] HttpRequest request, string templateId, CancellationToken cancellationToken)
    {
        if (!TemplateId.TryParse(templateId, out var id)) return ApiResults.BadField("templateId", "Not a template id.");
        return (await handler.GetAsync(request.Caller(), id, cancellationToken)).ToHttp(t => TemplateResponse.Ok(request.HttpContext.Response, t));
    }
}
