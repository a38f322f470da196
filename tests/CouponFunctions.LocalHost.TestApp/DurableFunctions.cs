using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace CouponFunctions.LocalHost.TestApp;

/// <summary>What <see cref="DurableFunctions.FanOut"/> does: how many activities, from which index they wait for a gate, and whether to record.</summary>
public sealed record FanOutInput(int Count, int GateFrom, bool Record, bool WaitForApproval);

public sealed record SquareInput(string InstanceId, int Index, int GateFrom, bool Record);

public sealed record FanOutOutput(int Sum, int SubResult, string? Approval);

/// <summary>
/// A Durable orchestration touching each thing the host's Durable half must carry: a fan-out/fan-in of activities, a
/// sub-orchestration, a durable timer, custom status and an external event; and HTTP functions using the client binding.
/// </summary>
internal sealed class DurableFunctions(Recorder recorder)
{
    [Function(nameof(FanOut))]
    public static async Task<FanOutOutput> FanOut([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var input = context.GetInput<FanOutInput>() ?? throw new InvalidOperationException("No input.");
        context.SetCustomStatus("fanning-out");
        var squares = await Task.WhenAll(Enumerable.Range(0, input.Count).Select(i =>
            context.CallActivityAsync<int>(nameof(Square), new SquareInput(context.InstanceId, i, input.GateFrom, input.Record))));
        var subResult = await context.CallSubOrchestratorAsync<int>(nameof(CountUp), squares.Length);
        if (!input.WaitForApproval) return new FanOutOutput(squares.Sum(), subResult, null);

        await context.CreateTimer(TimeSpan.FromSeconds(1), CancellationToken.None);
        context.SetCustomStatus("waiting-for-approval");
        var approval = await context.WaitForExternalEvent<string>("Approval");
        context.SetCustomStatus("done");
        return new FanOutOutput(squares.Sum(), subResult, approval);
    }

    [Function(nameof(CountUp))]
    public static async Task<int> CountUp([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var count = context.GetInput<int>();
        return await context.CallActivityAsync<int>(nameof(Double), count);
    }

    [Function(nameof(Double))]
    public static int Double([ActivityTrigger] int value) => value * 2;

    [Function(nameof(Square))]
    public async Task<int> Square([ActivityTrigger] SquareInput input, CancellationToken cancellationToken)
    {
        if (input.Record) await recorder.RecordAsync("square-" + input.InstanceId, new { input.Index }, cancellationToken).ConfigureAwait(false);
        if (input.Index >= input.GateFrom)
        {
            // Held until the test opens the gate (after killing and restarting the host), so the kill lands mid fan-out.
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromMinutes(3));
            while (!await recorder.IsOpenAsync(input.InstanceId, timeout.Token).ConfigureAwait(false))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), timeout.Token).ConfigureAwait(false);
            }
        }

        return input.Index * input.Index;
    }

    [Function("StartFanOut")]
    public static async Task<IActionResult> StartFanOut(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orchestrations/fanout")] HttpRequest request,
        [DurableClient] DurableTaskClient client)
    {
        var input = await request.ReadFromJsonAsync<FanOutInput>().ConfigureAwait(false);
        var id = await client.ScheduleNewOrchestrationInstanceAsync(nameof(FanOut), input).ConfigureAwait(false);
        return new ObjectResult(new { id }) { StatusCode = (int)HttpStatusCode.Accepted };
    }

    [Function("GetInstance")]
    public static async Task<IActionResult> GetInstance(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "orchestrations/{id}")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client)
    {
        var metadata = await client.GetInstanceAsync(id, getInputsAndOutputs: true).ConfigureAwait(false);
        if (metadata is null) return new NotFoundResult();
        return new OkObjectResult(new
        {
            status = metadata.RuntimeStatus.ToString(),
            customStatus = metadata.SerializedCustomStatus,
            output = metadata.SerializedOutput,
            failure = metadata.FailureDetails?.ErrorMessage,
        });
    }

    [Function("RaiseApproval")]
    public static async Task<IActionResult> RaiseApproval(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "orchestrations/{id}/approval/{value}")] HttpRequest request,
        string id,
        string value,
        [DurableClient] DurableTaskClient client)
    {
        await client.RaiseEventAsync(id, "Approval", value).ConfigureAwait(false);
        return new AcceptedResult();
    }
}
