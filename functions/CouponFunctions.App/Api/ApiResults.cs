using System.Text.Json;
using System.Text.Json.Serialization;
using CouponFunctions.Core.Common;

namespace CouponFunctions.App.Api;

/// <summary>Maps use-case results to HTTP answers, always as RFC 9457 problem details when something is wrong.</summary>
internal static class ApiResults
{
    /// <summary>The largest request body the API reads (alert settings with 50 recipients are under 16 KiB; a key scoped
    /// to its 200 stores under 5 KiB; a request past its own field limits still gets its 400 naming the field).</summary>
    public const int MaxBodyBytes = 256 * 1024;

    /// <summary>Request bodies are read strictly: a property twice, a property the request does not have, or an enum as a
    /// number is a 400 naming it, never silently dropped or merged.</summary>
    private static readonly JsonSerializerOptions StrictOptions = CreateStrictOptions();

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

    /// <summary>The longest platform coupon id, notification id or key id a route takes (table keys and blob names have
    /// limits of their own, in bytes, well above this).</summary>
    public const int MaxRouteIdLength = 200;

    /// <summary>A 400 naming <paramref name="field"/> when a route's id is empty, too long or holds control characters.</summary>
    public static IResult? CheckRouteId(string field, string? value) =>
        string.IsNullOrEmpty(value) || value.Length > MaxRouteIdLength || StrictNames.HasUnsafeCharacters(value)
            ? BadField(field, $"Not a valid {field}: at most {MaxRouteIdLength} characters, no control characters.")
            : null;

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
        if (request.ContentLength > MaxBodyBytes) return (null, TooLarge());
        using var body = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (body.Length + read > MaxBodyBytes) return (null, TooLarge());
            body.Write(chunk, 0, read);
        }
        body.Position = 0;
        try
        {
            var value = await JsonSerializer.DeserializeAsync<T>(body, StrictOptions, cancellationToken);
            return value is null ? (null, BadField("body", "The body must be a JSON object.")) : (value, null);
        }
        catch (JsonException e)
        {
            var field = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "body" : e.Path.TrimStart('$', '.');
            var message = e.Message.Contains("could not be mapped", StringComparison.Ordinal) ? $"'{field}' is not a field of this request."
                : e.Message.Contains("uplicate", StringComparison.Ordinal) ? $"'{field}' appears more than once."
                : $"The value at '{field}' is not valid JSON of the expected type.";
            return (null, BadField(field, message));
        }
    }

    private static IResult TooLarge() => Results.ValidationProblem(
        new ValidationErrors().Add("body", $"The body is larger than {MaxBodyBytes / 1024} KiB."),
        detail: "The request body is too large.", title: "Payload too large", statusCode: StatusCodes.Status413PayloadTooLarge);

    private static JsonSerializerOptions CreateStrictOptions()
    {
        var options = new JsonSerializerOptions(MessageJson.Options)
        {
            AllowDuplicateProperties = false,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        };
        for (var i = 0; i < options.Converters.Count; i++)
        {
            if (options.Converters[i] is JsonStringEnumConverter)
                options.Converters[i] = new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false);
        }
        options.MakeReadOnly();
        return options;
    }
}
