using System.Text.Json;
using CouponFunctions.Core.Common;

namespace CouponFunctions.App.Api;

/// <summary>Maps use-case results to HTTP answers, always as RFC 9457 problem details when something is wrong.</summary>
internal static class ApiResults
{
    public static IResult ToHttp<T>(this Result<T> result, Func<T, IResult> ok) => result.Kind switch
    {
        OutcomeKind.Ok => ok(result.Value!),
        OutcomeKind.NotFound => Results.Problem(statusCode: 404, title: "Not found", detail: result.Message),
        OutcomeKind.Conflict => Results.Problem(statusCode: 409, title: "Conflict", detail: result.Message),
        OutcomeKind.Invalid => Results.ValidationProblem(result.Errors!, detail: result.Message),
        OutcomeKind.Rejected => Results.Problem(statusCode: 422, title: "Not possible", detail: result.Message),
        OutcomeKind.Forbidden => Results.Problem(statusCode: 403, title: "Forbidden", detail: result.Message),
        _ => throw new ArgumentOutOfRangeException(nameof(result)),
    };

    public static IResult BadField(string field, string message) =>
        Results.ValidationProblem(new ValidationErrors().Add(field, message), detail: "One or more fields are invalid.");

    /// <summary>
    /// Reads a JSON body so that a malformed body or a wrongly typed field becomes a 400 naming the field (by its
    /// JSON path), instead of the framework's generic answer.
    /// </summary>
    public static async Task<(T? Value, IResult? Problem)> ReadJsonAsync<T>(this HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        if (!request.HasJsonContentType())
            return (null, Results.Problem(statusCode: 415, title: "Unsupported media type", detail: "Send the body as application/json."));
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(request.Body, MessageJson.Options, cancellationToken);
            return value is null ? (null, BadField("body", "The body must be a JSON object.")) : (value, null);
        }
        catch (JsonException e)
        {
            var field = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "body" : e.Path.TrimStart('$', '.');
            return (null, BadField(field, $"The value at '{field}' is not valid JSON of the expected type."));
        }
    }
}
