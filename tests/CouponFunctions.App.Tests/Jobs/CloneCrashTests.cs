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
/// "Clone as new" never clones twice: host and worker are killed while each of two stores has a clone's create call in
/// flight (the sandbox holds add_voucher, and drops it when the caller dies). In one store the platform had created the
/// clone before the answer was lost (the test adds it, as the platform would have); in the other nothing was created.
/// After the restart the Durable engine runs the batches again: the first store adopts its clone, the second creates
/// it once the attempt has settled, and the clones not yet started are created; each cloned code exists exactly once.
/// </summary>
[Collection(CrashCollection.Name)]
public sealed class CloneCrashTests(CrashFixture app)
{
    [Fact]
    public async Task CloneAsNew_KilledDuringTheCreateCalls_EachCloneExistsExactlyOnceAfterTheRestart()
    {
        var bed = await app.NewWorkspaceAsync();
        var shops = new[] { 918_001L, 918_002L };
        var stores = new Dictionary<long, string>();
        var originals = new Dictionary<long, List<ShopeeSandboxVoucher>>();
        var now = bed.Shopee.Clock.GetUtcNow();
        foreach (var shop in shops)
        {
            stores[shop] = await bed.AddShopeeStoreAsync(shop, "TH");
            // Shopee codes are at most 5 characters: "K" + 3 digits, and the clone's suffix.
            originals[shop] = [.. Enumerable.Range(1, 2).Select(i => bed.Shopee.AddVoucher(shop, new ShopeeSandboxVoucher
            {
                Code = $"K{shop % 10}{i:D2}", Name = $"Crash clone {shop % 10}-{i}", UsageQuantity = 100, DiscountAmount = 20, MinBasketPrice = 200,
                Start = now.AddDays(-5), End = now.AddDays(2),
            }))];
            await bed.SyncAsync(stores[shop]);
            bed.Shopee.Faults.Set(new FaultPlan { Latency = TimeSpan.FromSeconds(10), OnlyPaths = new HashSet<string> { "/api/v2/voucher/add_voucher" } }, shop.ToString(CultureInfo.InvariantCulture));
        }

        var coupons = shops.SelectMany(s => originals[s].Select(v => new { storeId = stores[s], couponId = Id(v) })).ToArray();
        var (status, started) = await bed.Admin.ActAsync("clone-crash-1", new { action = new { kind = "cloneAsNew", codeSuffix = "C", durationDays = 7 }, coupons });
        var jobId = JobId.Parse(started!["jobId"]!.GetValue<string>());

        // Each store's batch clones its coupons in turn: wait until both stores have a create in flight (its attempt row written).
        var attempts = app.Services.GetRequiredService<ICreateAttemptRepository>();
        var inFlight = new Dictionary<long, CreateAttempt>();
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            foreach (var shop in shops)
                foreach (var original in originals[shop])
                    if (await attempts.GetAsync(bed.Tenant, jobId, StoreId.Parse(stores[shop]), Id(original)) is { } attempt) inFlight[shop] = attempt;
            return inFlight.Count == shops.Length;
        }, seconds: 60), $"The create attempts were not recorded. Host output:\n{Workspace.Tail(app.Host.Output)}");
        await app.CrashAndRestartAsync();
        foreach (var shop in shops) bed.Shopee.Faults.Clear(shop.ToString(CultureInfo.InvariantCulture));
        var lost = inFlight[shops[0]];
        var madeBeforeTheCrash = bed.Shopee.AddVoucher(shops[0], new ShopeeSandboxVoucher
        {
            Code = lost.Code!, Name = lost.Name, UsageQuantity = 100, DiscountAmount = 20, MinBasketPrice = 200, Start = lost.ValidFrom, End = lost.ValidTo,
        });

        var job = await bed.Admin.WaitForJobAsync(jobId.Value, () => app.Host.Output, seconds: 180);

        Assert.Equal(202, status);
        Assert.Equal("completed", job["job"]!["status"]!.GetValue<string>());
        var items = job["items"]!.AsArray().ToDictionary(i => (i!["storeId"]!.GetValue<string>(), i["couponId"]!.GetValue<string>()), i => i!);
        foreach (var shop in shops)
        {
            var vouchers = bed.Shopee.Vouchers(shop);
            Assert.Equal(4, vouchers.Count);
            foreach (var original in originals[shop])
            {
                var clone = Assert.Single(vouchers, v => v.Code == original.Code + "C");
                var item = items[(stores[shop], Id(original))];
                Assert.Equal("succeeded", item["state"]!.GetValue<string>());
                Assert.Equal(Id(clone), item["outcome"]!["couponId"]!.GetValue<string>());
            }
        }

        var adopted = items[(stores[shops[0]], inFlight[shops[0]].SourceCouponId!)];
        Assert.Equal(Id(madeBeforeTheCrash), adopted["outcome"]!["couponId"]!.GetValue<string>());
        Assert.True(adopted["outcome"]!["adopted"]!.GetValue<bool>());
    }

    private static string Id(ShopeeSandboxVoucher v) => v.VoucherId.ToString(CultureInfo.InvariantCulture);
}
