using System.Text.Json;
using CouponFunctions.LocalHost.Worker;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Azure.WebJobs.Script.Grpc.Messages;

namespace CouponFunctions.LocalHost.Http;

/// <summary>
/// ASP.NET Core integration, host side: forwards the request to the worker's own HTTP server with
/// <c>x-ms-invocation-id</c>, and sends the matching InvocationRequest with the route values in trigger metadata. The
/// worker's answer is passed back when the invocation succeeded; a failed invocation is a 500 whatever the worker answered.
/// </summary>
internal sealed class HttpForwarder(FunctionInvoker invoker, WorkerChannel channel)
{
    private static readonly HashSet<string> s_skippedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Connection", "Keep-Alive", "Transfer-Encoding", "Upgrade", "Proxy-Connection", "TE", "Trailer",
    };

    private static readonly HttpClient s_client = new(new SocketsHttpHandler
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        UseProxy = false,
        AutomaticDecompression = System.Net.DecompressionMethods.None,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    public async Task ForwardAsync(FunctionDescriptor function, HttpContext context)
    {
        var aborted = context.RequestAborted;
        var invocationId = Guid.NewGuid().ToString();
        var workerUri = await channel.HttpUriAsync(aborted).ConfigureAwait(false);
        var hasBody = context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody ?? context.Request.ContentLength > 0;
        using var forwarded = CreateForwardedRequest(context.Request, hasBody, workerUri, invocationId);
        using var forwarding = CancellationTokenSource.CreateLinkedTokenSource(aborted);
        var answer = s_client.SendAsync(forwarded, HttpCompletionOption.ResponseHeadersRead, forwarding.Token);
        var result = await invoker.InvokeAsync(function, CreateInvocation(function, context, invocationId), aborted).ConfigureAwait(false);
        if (!result.Success)
        {
            await forwarding.CancelAsync().ConfigureAwait(false);
            await ObserveAsync(answer).ConfigureAwait(false);
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            return;
        }

        using var response = await answer.ConfigureAwait(false);
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var header in response.Headers.Concat(response.Content.Headers))
        {
            if (!s_skippedHeaders.Contains(header.Key)) context.Response.Headers[header.Key] = header.Value.ToArray();
        }

        await response.Content.CopyToAsync(context.Response.Body, aborted).ConfigureAwait(false);
    }

    private static HttpRequestMessage CreateForwardedRequest(HttpRequest request, bool hasBody, Uri workerUri, string invocationId)
    {
        var target = new UriBuilder(workerUri) { Path = request.PathBase.Add(request.Path).Value, Query = request.QueryString.Value ?? string.Empty }.Uri;
        var message = new HttpRequestMessage(new HttpMethod(request.Method), target);
        if (hasBody) message.Content = new StreamContent(request.Body);
        foreach (var header in request.Headers)
        {
            if (s_skippedHeaders.Contains(header.Key)) continue;
            if (!message.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray()))
            {
                message.Content?.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray());
            }
        }

        message.Headers.TryAddWithoutValidation("x-ms-invocation-id", invocationId);
        return message;
    }

    private static InvocationRequest CreateInvocation(FunctionDescriptor function, HttpContext context, string invocationId)
    {
        var request = new InvocationRequest { InvocationId = invocationId };
        // With ASP.NET Core integration the worker reads the forwarded request; the trigger's own data may stay this small.
        request.InputData.Add(new ParameterBinding
        {
            Name = function.TriggerName,
            Data = new TypedData { Http = new RpcHttp { Method = context.Request.Method, Url = context.Request.GetDisplayUrl() } },
        });
        foreach (var (name, value) in context.Request.RouteValues)
        {
            if (value is not null) request.TriggerMetadata[name] = new TypedData { String = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) };
        }

        var query = context.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        request.TriggerMetadata["Query"] = new TypedData { Json = JsonSerializer.Serialize(query) };
        return request;
    }

    private static async Task ObserveAsync(Task<HttpResponseMessage> answer)
    {
        try
        {
            (await answer.ConfigureAwait(false)).Dispose();
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            // The worker's own answer to a failed invocation is not used.
        }
    }
}
