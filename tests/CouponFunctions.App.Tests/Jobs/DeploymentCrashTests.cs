using System.Globalization;
using CouponFunctions.App.Tests.Infrastructure;
using CouponFunctions.Core.Deployments;
using CouponFunctions.Core.Jobs;
using CouponFunctions.Core.Stores;
using CouponFunctions.Sandbox.Common;
using CouponFunctions.Sandbox.Shopee;
using CouponFunctions.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CouponFunctions.App.Tests.Jobs;

/// <summary>
/// "No duplicate coupon, ever": host and worker are killed while two stores' create calls are in flight (the sandbox holds
/// add_voucher, and drops it when the caller dies). In one store the platform had created the voucher before the answer
/// was lost (the test adds it, as the platform would have); in the other nothing was created. After the restart the
/// Durable engine runs the activities again: the first store adopts its voucher, the second creates one; each has one.
/// </summary>
[Collection(CrashCollection.Name)]
public sealed class DeploymentCrashTests(CrashFixture app)
{
    [Fact]
    public async Task Deploy_KilledDuringTheCreateCalls_AdoptsOrCreatesOnceAndNeverDuplicates()
    {
        var bed = await app.NewWorkspaceAsync();
        var adopted = await bed.AddShopeeStoreAsync(907_001, "TH");
        var recreated = await bed.AddShopeeStoreAsync(907_002, "TH");
        foreach (var shop in new[] { "907001", "907002" })
            bed.Shopee.Faults.Set(new FaultPlan { Latency = TimeSpan.FromSeconds(10), OnlyPaths = new HashSet<string> { "/api/v2/voucher/add_voucher" } }, shop);
        var template = await bed.Admin.AddTemplateAsync("Crash sale", prefix: "KX");
        var (status, started) = await bed.Admin.DeployAsync("crash-1", new { templateId = template, storeIds = new[] { adopted, recreated }, acknowledgeWarnings = true });
        var jobId = JobId.Parse(started!["jobId"]!.GetValue<string>());

        var attempts = app.Services.GetRequiredService<ICreateAttemptRepository>();
        Assert.True(await Eventually.TrueAsync(async () =>
            await attempts.GetAsync(bed.Tenant, jobId, StoreId.Parse(adopted)) is not null
            && await attempts.GetAsync(bed.Tenant, jobId, StoreId.Parse(recreated)) is not null, seconds: 60),
            $"The create attempts were not recorded. Host output:\n{Workspace.Tail(app.Host.Output)}");
        await app.CrashAndRestartAsync();
        bed.Shopee.Faults.Clear("907001");
        bed.Shopee.Faults.Clear("907002");
        var attempt = (await attempts.GetAsync(bed.Tenant, jobId, StoreId.Parse(adopted)))!;
        var lost = bed.Shopee.AddVoucher(907_001, new ShopeeSandboxVoucher
        {
            Code = attempt.Code!, Name = attempt.Name, UsageQuantity = 100, DiscountAmount = 20, MinBasketPrice = 200,
            Start = attempt.ValidFrom, End = attempt.ValidTo,
        });

        var job = await bed.Admin.WaitForJobAsync(jobId.Value, () => app.Host.Output, seconds: 180);

        Assert.Equal(202, status);
        Assert.Equal("completed", job["job"]!["status"]!.GetValue<string>());
        var items = Deployments.ItemsByStore(job);
        Assert.Equal(lost.VoucherId.ToString(CultureInfo.InvariantCulture), Assert.Single(bed.Shopee.Vouchers(907_001)).VoucherId.ToString(CultureInfo.InvariantCulture));
        Assert.Equal(lost.VoucherId.ToString(CultureInfo.InvariantCulture), items[adopted]["couponId"]!.GetValue<string>());
        Assert.True(items[adopted]["outcome"]!["adopted"]!.GetValue<bool>());
        var created = Assert.Single(bed.Shopee.Vouchers(907_002));
        Assert.Equal(created.VoucherId.ToString(CultureInfo.InvariantCulture), items[recreated]["couponId"]!.GetValue<string>());
        Assert.Equal(StoreCodes.For("KX", template, StoreId.Parse(recreated), 3), created.Code);
    }
}
