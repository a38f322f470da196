using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace CouponFunctions.LocalHost.TestApp;

/// <summary>HTTP functions: route values (with a constraint and a catch-all) bound from trigger metadata, and one that always fails.</summary>
internal sealed class HttpFunctions
{
    [Function("Echo")]
    public static IActionResult Echo(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", "post", Route = "items/{id:int}/{*rest}")] HttpRequest request,
        int id,
        string? rest)
        => new OkObjectResult(new { id, rest, method = request.Method, query = request.Query["q"].ToString() });

    [Function("Length")]
    public static async Task<IActionResult> Length([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "length")] HttpRequest request)
    {
        var buffer = new byte[81920];
        long length = 0;
        for (int read; (read = await request.Body.ReadAsync(buffer)) > 0;) length += read;
        return new OkObjectResult(new { length });
    }

    [Function("Fail")]
    public static IActionResult Fail([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "fail")] HttpRequest request)
        => throw new InvalidOperationException("This function always fails.");
}
