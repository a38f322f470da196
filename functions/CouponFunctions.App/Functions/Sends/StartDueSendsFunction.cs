using CouponFunctions.Core.Sends;
using CouponFunctions.Core.Sends.Running;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace CouponFunctions.App.Functions.Sends;

/// <summary>
/// Timer StartDueSends (every minute by default): starts <see cref="RunSendOrchestration"/> for each Scheduled send whose time has
/// come, one instance per send (its id is the instance id, so a second tick or a second host starts nothing new).
/// Why a timer and not a durable timer set when the send is scheduled: a send waits days in the Sends table, not in Durable
/// history; cancelling is just the row's state change (no instance to terminate, no race with a timer that already fired);
/// a send whose time was moved (in tests, or by an operator fixing data) starts at its new time; and a task hub that is lost or
/// replaced loses no scheduled sends. The cost is up to one timer period of delay after the hour, which the minute schedule bounds.
/// Each tick reads only the due index (entries whose time has come), not the sends' history; an entry is removed once its
/// instance exists (a crash before that leaves it for the next tick, which finds the instance and starts nothing new).
/// </summary>
internal sealed class StartDueSendsFunction(ISendRepository sends, SendPacingOptions pacing, TimeProvider time, ILogger<StartDueSendsFunction> logger)
{
    private const int MaxPerRun = 500;

    [Function("StartDueSends")]
    public async Task RunAsync([TimerTrigger("%StartDueSendsSchedule%", UseMonitor = true)] TimerInfo timer,
        [DurableClient] DurableTaskClient client, CancellationToken cancellationToken)
    {
        foreach (var send in await sends.ListDueAsync(time.GetUtcNow(), MaxPerRun, cancellationToken))
        {
            var instanceId = RunSendOrchestration.InstanceId(send.TenantId, send.Id);
            if (await client.GetInstanceAsync(instanceId, cancellationToken) is null)
            {
                await client.ScheduleNewOrchestrationInstanceAsync(nameof(RunSendOrchestration),
                    new RunSendInput(new SendRef(send.TenantId, send.Id), pacing, null), new StartOrchestrationOptions(instanceId), cancellationToken);
                logger.LogInformation("Started send {SendId} of tenant {TenantId} scheduled for {ScheduledAt:O}", send.Id, send.TenantId, send.ScheduledAt);
            }

            await sends.RemoveDueAsync(send, cancellationToken);
        }
    }
}
