using CouponFunctions.App.Auth;
using CouponFunctions.Core.Common;
using CouponFunctions.Core.Templates;
using CouponFunctions.Core.Tenancy;
using Microsoft.Azure.Functions.Worker;

namespace CouponFunctions.App.Api.Templates;

/// <summary>DELETE /api/templates/{templateId} (editor), optionally with If-Match: 204, 404, or 412 when it changed since.</summary>
internal sealed class DeleteTemplateFunction(ManageTemplatesHandler handler)
{
    [Function("DeleteTemplate")]
    [WorkspaceWide]
    [RequiresRole(ApiKeyRole.Editor)]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "templates/{templateId}")] HttpRequest request, string templateId, CancellationToken cancellationToken)
    {
        if (!TemplateId.TryParse(templateId, out var id)) return ApiResults.BadField("templateId", "Not a template id.");
        var result = await handler.DeleteAsync(request.Caller(), id, IfMatch.Read(request), cancellationToken);
        return result.Kind == OutcomeKind.Conflict
            ? Results.Problem(statusCode: 412, title: "Precondition failed", detail: result.Message)
            : result.ToHttp(_ => Results.NoContent());
    }
}
