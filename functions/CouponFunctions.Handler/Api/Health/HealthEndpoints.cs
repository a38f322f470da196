using System.Diagnostics;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Queues;
using CouponFunctions.Handler.Hosting;
using CouponFunctions.Storage;

namespace CouponFunctions.Handler.Api.Health;

/// <summary>GET /api/health (no key): the process answers, and each storage service is reachable.</summary>
internal static class HealthEndpoints
{
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(5);

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/health", async (TableServiceClient tables, QueueServiceClient queues, BlobServiceClient blobs, HandlerMode mode, CancellationToken ct) =>
        {
            var checks = new Dictionary<string, object>
            {
                ["tables"] = await CheckAsync(async token =>
                {
                    await foreach (var _ in tables.QueryAsync(maxPerPage: 1, cancellationToken: token)) break;
                }, ct),
                ["queues"] = await CheckAsync(token => queues.GetQueueClient("health-probe").GetPropertiesAsync(token), ct, notFoundIsOk: true),
                ["blobs"] = await CheckAsync(async token =>
                {
                    var probe = blobs.GetBlobContainerClient(ContainerNames.Outbox).GetBlobsAsync(new GetBlobsOptions { Prefix = "health-probe/" }, token);
                    await foreach (var _ in probe) break;
                }, ct),
            };
            var healthy = checks.Values.All(c => ((Check)c).Status == "ok");
            return Results.Json(
                new { status = healthy ? "healthy" : "unhealthy", mode = mode.ToString(), checks },
                statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        }).WithTags("Health");
        return endpoints;
    }

    private sealed record Check(string Status, long Milliseconds, string? Error);

    private static async Task<Check> CheckAsync(Func<CancellationToken, Task> probe, CancellationToken ct, bool notFoundIsOk = false)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(CheckTimeout);
        var watch = Stopwatch.StartNew();
        try
        {
            await probe(timeout.Token);
            return new Check("ok", watch.ElapsedMilliseconds, null);
        }
        catch (Azure.RequestFailedException e) when (notFoundIsOk && e.Status == 404)
        {
            // The service answered (the probe queue need not exist): it is reachable and our credentials work.
            return new Check("ok", watch.ElapsedMilliseconds, null);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            // Only the exception type and status: storage messages can carry request URLs.
            var detail = e is Azure.RequestFailedException failed ? $"HTTP {failed.Status} {failed.ErrorCode}" : e.GetType().Name;
            return new Check("failed", watch.ElapsedMilliseconds, detail);
        }
    }
}
