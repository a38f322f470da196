using CouponFunctions.App.Auth;
using CouponFunctions.Core.Templates;
using CouponFunctions.Core.Tenancy;
using Microsoft.Azure.Functions.Worker;

namespace CouponFunctions.App.Api.Templates;

/// <summary>POST /api/templates (editor): adds a template; 400 names each bad field and nothing is written.</summary>
internal sealed class AddTemplateFunction(ManageTemplatesHandler handler)
{
    [Function("AddTemplate")]
    [WorkspaceWide]
    [RequiresRole(ApiKeyRole.Editor)]
    public async Task<IResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "templates")] HttpRequest request, CancellationToken cancellationToken)
    {
        var (input, problem) = await request.ReadJsonAsync<TemplateInput>(cancellationToken);
        if (problem is not null) return problem;
        return (await handler.AddAsync(request.Caller(), input, cancellationToken))
            .ToHttp(t => TemplateResponse.Ok(request.HttpContext.Response, t, StatusCodes.Status201Created));
    }
}
