using System.Net;

namespace CouponFunctions.Storage.Tests.Infrastructure;

/// <summary>An in-process HTTP handler answering from a function and recording the requests, for tests that need exact responses.</summary>
internal sealed class StubHandler(Func<HttpRequestMessage, Task<HttpResponseMessage>> respond) : HttpMessageHandler
{
    public StubHandler(Func<HttpRequestMessage, HttpResponseMessage> respond)
        : this(request => Task.FromResult(respond(request)))
    {
    }

    public List<HttpRequestMessage> Requests { get; } = [];

    public static HttpResponseMessage Json(string body, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        foreach (var (name, value) in headers) response.Headers.TryAddWithoutValidation(name, value);
        return response;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        return respond(request);
    }
}
