using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CouponFunctions.Testing;

/// <summary>
/// A minimal ACS Email and SMS endpoint on 127.0.0.1 (dynamic port). It recomputes the content hash and the HMAC signature
/// from the raw request exactly as ACS documents them and answers 401 when either is wrong; it can also throttle with 429
/// Retry-After. SMS: per-recipient failures for numbers in <see cref="RejectNumbers"/>, and repeatability as ACS does it —
/// a repeat (same repeatabilityRequestId and repeatabilityFirstSent) answers the first message id and delivers nothing,
/// the same id with another first-sent time is rejected; a request to a number in <see cref="FailNumbers"/> fails as a whole
/// with 400 (what ACS answers to a request it cannot take; not retried). Shared by the Storage tests and the app's send tests.
/// </summary>
public sealed class FakeAcsServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly byte[] _key;
    private readonly ConcurrentDictionary<string, string> _operations = new();
    private readonly ConcurrentDictionary<string, (string FirstSent, string MessageId)> _repeatability = new();

    private FakeAcsServer(WebApplication app, byte[] key)
    {
        _app = app;
        _key = key;
    }

    public Uri Endpoint { get; private set; } = null!;

    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    /// <summary>How many of the next send requests get 429 with Retry-After: <see cref="RetryAfterSeconds"/>.</summary>
    public int ThrottleNext { get; set; }

    public int RetryAfterSeconds { get; set; } = 1;

    /// <summary>SMS numbers ACS refuses, with the errorMessage it gives.</summary>
    public ConcurrentDictionary<string, string> RejectNumbers { get; } = new();

    /// <summary>SMS numbers whose request fails as a whole with 400 and this message.</summary>
    public ConcurrentDictionary<string, string> FailNumbers { get; } = new();

    /// <summary>SMS delivered per number (repeats recognised by repeatability are not delivered again).</summary>
    public ConcurrentDictionary<string, int> SmsDeliveries { get; } = new();

    public string ConnectionString(string? key = null) => $"endpoint={Endpoint};accesskey={key ?? Convert.ToBase64String(_key)}";

    public static async Task<FakeAcsServer> StartAsync(byte[] key)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new FakeAcsServer(app, key);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        server.Endpoint = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var target = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var received = new ReceivedRequest(request.Method, target, Encoding.UTF8.GetString(body), request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase), Stopwatch.GetTimestamp());
        Requests.Enqueue(received);

        var failure = Verify(request, target, body);
        if (failure is not null)
        {
            await Error(context, 401, "Denied", failure);
            return;
        }

        if (request.Method == "POST" && request.Path == "/emails:send")
        {
            if (ThrottleNext > 0)
            {
                ThrottleNext--;
                context.Response.Headers["Retry-After"] = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await Error(context, 429, "TooManyRequests", "slow down");
                return;
            }

            var operationId = request.Headers["Operation-Id"].ToString();
            _operations.TryAdd(operationId, "Running");
            context.Response.StatusCode = 202;
            context.Response.Headers["Operation-Location"] = $"{Endpoint}emails/operations/{operationId}?api-version=2023-03-31";
            await context.Response.WriteAsJsonAsync(new { id = operationId, status = "Running" });
            return;
        }

        if (request.Method == "POST" && request.Path == "/sms")
        {
            if (ThrottleNext > 0)
            {
                ThrottleNext--;
                context.Response.Headers["Retry-After"] = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                await Error(context, 429, "TooManyRequests", "slow down");
                return;
            }

            using var sms = JsonDocument.Parse(body);
            var failed = sms.RootElement.GetProperty("smsRecipients").EnumerateArray()
                .Select(r => FailNumbers.GetValueOrDefault(r.GetProperty("to").GetString()!)).FirstOrDefault(m => m is not null);
            if (failed is not null)
            {
                await Error(context, 400, "BadRequest", failed);
                return;
            }

            var results = sms.RootElement.GetProperty("smsRecipients").EnumerateArray().Select(SmsResult).ToList();
            context.Response.StatusCode = 202;
            await context.Response.WriteAsJsonAsync(new { value = results });
            return;
        }

        if (request.Method == "GET" && request.Path.StartsWithSegments("/emails/operations", out var rest))
        {
            var id = rest.Value!.Trim('/');
            if (!_operations.ContainsKey(id))
            {
                await Error(context, 404, "NotFound", "no such operation");
                return;
            }

            await context.Response.WriteAsJsonAsync(new { id, status = "Succeeded" });
            return;
        }

        await Error(context, 404, "NotFound", "unknown route");
    }

    private object SmsResult(JsonElement recipient)
    {
        var to = recipient.GetProperty("to").GetString()!;
        var id = recipient.TryGetProperty("repeatabilityRequestId", out var r) ? r.GetString() : null;
        var firstSent = recipient.TryGetProperty("repeatabilityFirstSent", out var f) ? f.GetString() : null;
        var repeatability = id is null ? null : "accepted";
        if (RejectNumbers.TryGetValue(to, out var reason))
            return new { to, messageId = (string?)null, httpStatusCode = 400, successful = false, repeatabilityResult = repeatability, errorMessage = reason };
        if (id is not null)
        {
            var fresh = (FirstSent: firstSent ?? string.Empty, MessageId: "Outgoing_" + Guid.NewGuid().ToString("N"));
            var stored = _repeatability.GetOrAdd(id, fresh);
            if (stored.FirstSent != fresh.FirstSent)
                return new { to, messageId = (string?)null, httpStatusCode = 400, successful = false, repeatabilityResult = "rejected", errorMessage = "The repeatability first-sent time does not match the first request." };
            if (!ReferenceEquals(stored.MessageId, fresh.MessageId))
                return new { to, messageId = (string?)stored.MessageId, httpStatusCode = 202, successful = true, repeatabilityResult = repeatability, errorMessage = (string?)null };
            SmsDeliveries.AddOrUpdate(to, 1, (_, n) => n + 1);
            return new { to, messageId = (string?)stored.MessageId, httpStatusCode = 202, successful = true, repeatabilityResult = repeatability, errorMessage = (string?)null };
        }

        SmsDeliveries.AddOrUpdate(to, 1, (_, n) => n + 1);
        return new { to, messageId = (string?)("Outgoing_" + Guid.NewGuid().ToString("N")), httpStatusCode = 202, successful = true, repeatabilityResult = repeatability, errorMessage = (string?)null };
    }

    private string? Verify(HttpRequest request, string target, byte[] body)
    {
        var hash = Convert.ToBase64String(SHA256.HashData(body));
        if (request.Headers["x-ms-content-sha256"] != hash) return "content hash mismatch";
        var date = request.Headers["x-ms-date"].ToString();
        if (date.Length == 0) return "x-ms-date missing";
        var authorization = request.Headers.Authorization.ToString();
        const string prefix = "HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=";
        if (!authorization.StartsWith(prefix, StringComparison.Ordinal)) return "bad authorization scheme";
        var stringToSign = $"{request.Method}\n{target}\n{date};{request.Host.Value};{hash}";
        var expected = Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(stringToSign)));
        return authorization[prefix.Length..] == expected ? null : "signature mismatch";
    }

    private static Task Error(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        return context.Response.WriteAsync(JsonSerializer.Serialize(new { error = new { code, message } }));
    }

    public sealed record ReceivedRequest(string Method, string Target, string Body, IReadOnlyDictionary<string, string> Headers, long Timestamp);
}
