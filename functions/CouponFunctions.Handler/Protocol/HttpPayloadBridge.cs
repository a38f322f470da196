using System.Text;
using System.Text.Json;
using CouponFunctions.Handler.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;

namespace CouponFunctions.Handler.Protocol;

/// <summary>
/// Serves an HTTP trigger that arrives in payload mode (Data.req, when the host does not forward the request) by
/// running it through the same ASP.NET Core pipeline that serves forwarded requests, and packs the response into
/// Outputs.&lt;http output&gt; = {statusCode, body, headers} (azure.md §1.4–1.6).
/// </summary>
internal sealed class HttpPayloadBridge
{
    private RequestDelegate? _pipeline;

    /// <summary>Captured once at start-up: everything after the first middleware, routing included.</summary>
    public void Attach(RequestDelegate pipeline) => _pipeline = pipeline;

    public async Task InvokeAsync(
        HttpTrigger trigger, InvocationRequest request, InvocationResult result, IServiceProvider services, CancellationToken cancellationToken)
    {
        var pipeline = _pipeline ?? throw new InvalidOperationException("The HTTP pipeline is not attached yet.");
        var req = request.GetData(trigger.BindingName);
        if (req.ValueKind != JsonValueKind.Object) throw new InvalidInvocationException($"Data.{trigger.BindingName} must be the HTTP request object.");

        var url = new Uri(BindingValue.AsString(Get(req, "Url")) ?? throw new InvalidInvocationException("The HTTP request has no Url."));
        var responseBody = new MemoryStream();
        var features = new FeatureCollection();
        features.Set<IHttpRequestFeature>(new HttpRequestFeature
        {
            Method = BindingValue.AsString(Get(req, "Method"))?.ToUpperInvariant() ?? "GET",
            Scheme = url.Scheme,
            Path = Uri.UnescapeDataString(url.AbsolutePath),
            QueryString = url.Query,
            Protocol = "HTTP/1.1",
            Headers = ReadHeaders(Get(req, "Headers")),
            Body = new MemoryStream(ReadBody(req)),
        });
        var response = new HttpResponseFeature();
        features.Set<IHttpResponseFeature>(response);
        features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(responseBody));
        var context = new DefaultHttpContext(features) { RequestServices = services, RequestAborted = cancellationToken };

        await pipeline(context);
        await context.Response.CompleteAsync();

        var headers = context.Response.Headers.ToDictionary(h => h.Key, h => h.Value.ToString());
        result.Outputs[trigger.OutputName ?? "res"] = new Dictionary<string, object?>
        {
            ["statusCode"] = context.Response.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["body"] = Encoding.UTF8.GetString(responseBody.ToArray()),
            ["headers"] = headers,
        };
    }

    private static HeaderDictionary ReadHeaders(JsonElement headers)
    {
        var dictionary = new HeaderDictionary();
        if (headers.ValueKind != JsonValueKind.Object) return dictionary;
        foreach (var header in headers.EnumerateObject())
        {
            dictionary[header.Name] = header.Value.ValueKind == JsonValueKind.Array
                ? new StringValues(header.Value.EnumerateArray().Select(v => v.GetString()).ToArray())
                : new StringValues(BindingValue.AsString(header.Value));
        }
        return dictionary;
    }

    private static byte[] ReadBody(JsonElement req)
    {
        var body = Get(req, "Body");
        if (body.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null) return [];
        if (body.ValueKind is JsonValueKind.Object or JsonValueKind.Array) return Encoding.UTF8.GetBytes(body.GetRawText());
        var text = body.GetString() ?? "";
        // The host sends octet-stream and multipart bodies as base64 (azure.md §1.4).
        var contentType = ((IHeaderDictionary)ReadHeaders(Get(req, "Headers"))).ContentType.ToString();
        return contentType.StartsWith("application/octet-stream", StringComparison.OrdinalIgnoreCase)
               || contentType.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase)
            ? Convert.FromBase64String(text)
            : Encoding.UTF8.GetBytes(text);
    }

    private static JsonElement Get(JsonElement element, string name)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase)) return property.Value;
        }
        return default;
    }
}
