using CouponFunctions.App.Auth;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.FileProviders;

namespace CouponFunctions.App.Admin;

/// <summary>
/// GET /api/admin/{*path} (no key; the page asks for one): the admin page's static files from wwwroot/admin beside
/// the app, with the security headers of <see cref="AdminPageHeaders"/>. /api/admin is redirected to /api/admin/ so the page's relative URLs resolve.
/// </summary>
internal sealed class ServeAdminPageFunction
{
    private static readonly PhysicalFileProvider Files = new(Path.Combine(AppContext.BaseDirectory, "wwwroot", "admin"));
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    [Function("ServeAdminPage")]
    [Anonymous]
    public IResult Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = "admin/{*path}")] HttpRequest request, string? path)
    {
        AdminPageHeaders.Apply(request.HttpContext.Response);
        if (string.IsNullOrEmpty(path) && !request.Path.Value!.EndsWith('/')) return Results.Redirect($"{request.PathBase}{request.Path}/");
        var relative = string.IsNullOrEmpty(path) ? "index.html" : path;
        var file = Files.GetFileInfo(relative);
        if (!file.Exists || file.IsDirectory || file.PhysicalPath is null)
            return Results.Problem(statusCode: 404, title: "Not found", detail: $"No admin page file '{relative}'.");
        var contentType = ContentTypes.TryGetContentType(file.Name, out var type) ? type : "application/octet-stream";
        return Results.File(file.PhysicalPath, contentType, lastModified: file.LastModified, enableRangeProcessing: false);
    }
}
