using CouponFunctions.App.Tests.Infrastructure;
using CouponFunctions.Testing;

namespace CouponFunctions.App.Tests.Jobs;

/// <summary>A canary deploy: the chosen store goes first and the others wait for the operator's answer (a durable external event).</summary>
[Collection(AppCollection.Name)]
public sealed class CanaryDeploymentTests(AppHostFixture app)
{
    [Fact]
    public async Task Deploy_CanaryRejected_CreatesOnlyInTheCanaryAndCancelsTheRest()
    {
        var bed = await app.NewWorkspaceAsync();
        var canary = await bed.AddShopeeStoreAsync(908_001, "TH");
        var rest = await bed.AddShopeeStoreAsync(908_002, "TH");
        var template = await bed.Admin.AddTemplateAsync("Canary sale");
        var (_, started) = await bed.Admin.DeployAsync("canary-1", new { templateId = template, storeIds = new[] { canary, rest }, acknowledgeWarnings = true, canaryStoreId = canary });
        var jobId = started!["jobId"]!.GetValue<string>();

        Assert.True(await Eventually.TrueAsync(async () =>
        {
            var (_, job) = await bed.Admin.SendJsonAsync(HttpMethod.Get, $"/api/jobs/{jobId}");
            // The job names the store it waits on once the orchestration waits for the answer (the admin page's cue).
            return Deployments.ItemsByStore(job!)[canary]["state"]!.GetValue<string>() == "succeeded" && job!["canary"]?["storeId"]?.GetValue<string>() == canary;
        }, seconds: 60), $"The canary store was not deployed, or the job does not say it waits. Host output:\n{Workspace.Tail(app.Host.Output)}");
        var (_, waiting) = await bed.Admin.SendJsonAsync(HttpMethod.Get, $"/api/jobs/{jobId}");
        var (badAnswer, _) = await bed.Admin.SendJsonAsync(HttpMethod.Post, $"/api/jobs/{jobId}/canary", new { });
        var (answer, _) = await bed.Admin.SendJsonAsync(HttpMethod.Post, $"/api/jobs/{jobId}/canary", new { approve = false });
        var done = await bed.Admin.WaitForJobAsync(jobId, () => app.Host.Output);

        Assert.Equal("pending", Deployments.ItemsByStore(waiting!)[rest]["state"]!.GetValue<string>());
        // While it waits, the job's counts already show the canary's outcome (not the counts from before it ran).
        Assert.Equal((2, 1, 1), (waiting!["job"]!["counts"]!["total"]!.GetValue<int>(), waiting["job"]!["counts"]!["succeeded"]!.GetValue<int>(), waiting["job"]!["counts"]!["pending"]!.GetValue<int>()));
        Assert.Equal(50, waiting["job"]!["progressPercent"]!.GetValue<int>());
        Assert.Equal(400, badAnswer);
        Assert.Equal(202, answer);
        Assert.Equal("cancelled", done["job"]!["status"]!.GetValue<string>());
        Assert.Null(done["canary"]);
        Assert.Equal("cancelled", Deployments.ItemsByStore(done)[rest]["state"]!.GetValue<string>());
        Assert.Single(bed.Shopee.Vouchers(908_001));
        Assert.Empty(bed.Shopee.Vouchers(908_002));
    }
}
