using CouponFunctions.Core.Jobs;
using CouponFunctions.Core.Tenancy;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace CouponFunctions.App.Jobs;

/// <summary>Job orchestrations have the instance id "{tenant}_{job}", so a repeated start finds the one already there.</summary>
internal static class JobOrchestrations
{
    public static string InstanceId(TenantId tenantId, JobId jobId) => $"{tenantId.Value}_{jobId.Value}";

    public static async Task StartOnceAsync(
        DurableTaskClient client, string orchestration, TenantId tenantId, JobId jobId, object input, CancellationToken cancellationToken)
    {
        var instanceId = InstanceId(tenantId, jobId);
        if (await client.GetInstanceAsync(instanceId, cancellationToken) is not null) return;
        await client.ScheduleNewOrchestrationInstanceAsync(orchestration, input, new StartOrchestrationOptions(instanceId), cancellationToken);
    }
}
