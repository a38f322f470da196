using CouponFunctions.App.Auth;
using CouponFunctions.Core.Common;
using CouponFunctions.Core.Templates;
using CouponFunctions.Core.Tenancy;
using Microsoft.Azure.Functions.Worker;

namespace CouponFunctions.App.Api.Templates;

/// <summary>PUT /api/templates/{templateId} (editor) with If-Match: replaces the template if it is still at that version
/// (412 when someone saved it since); 400 names each bad field and nothing is written.</summary>
internal sealed class UpdateTemplateFunction(ManageTemplatesHandler handler)
{
    [Function("UpdateTemplate")]
    [WorkspaceWide]
    [RequiresRole(ApiKeyRole.Editor)]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "templates/{templateId}")] HttpRequest request, string templateId, CancellationToken cancellationToken)
    {
        if (!TemplateId.TryParse(templateId, out var id)) return ApiResults.BadField("templateId", "Not a template id.");
        if (IfMatch.Read(request) is not { } version)
            return Results.Problem(statusCode: 428, title: "Precondition required", detail: "Send If-Match with the template's ETag (from GET), so no one else's change is overwritten.");
        var (input, problem) = await request.ReadJsonAsync<TemplateInput>(cancellationToken);
        if (problem is not null) return problem;
        var result = await handler.UpdateAsync(request.Caller(), id, version, input, cancellationToken);
        return result.Kind == OutcomeKind.Conflict
            ? Results.Problem(statusCode: 412, title: "Precondition failed", detail: result.Message)
            : result.ToHttp(t => TemplateResponse.Ok(request.HttpContext.Response, t));
    }
}
