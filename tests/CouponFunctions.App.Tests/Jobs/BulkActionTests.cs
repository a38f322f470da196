using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CouponFunctions.App.Tests.Infrastructure;
using CouponFunctions.Sandbox.Common;
using CouponFunctions.Sandbox.Lazada;
using CouponFunctions.Sandbox.Shopee;
using CouponFunctions.Storage.Queues;
using CouponFunctions.Testing;

namespace CouponFunctions.App.Tests.Jobs;

/// <summary>
/// POST /api/coupons/actions through the local host's Durable engine against Shopee sandbox stores: per-coupon outcomes
/// and the change visible on the platform, refusals recorded before any call, the Idempotency-Key, cancel, the failure
/// report, and who may act. The fixture runs two coupons per batch, so a store's coupons go in several batches.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class BulkActionTests(AppHostFixture app)
{
    private static readonly HashSet<string> UpdateVoucher = ["/api/v2/voucher/update_voucher"];

    [Fact]
    public async Task BulkRenew_CouponsInTwoStores_MovesEachEndOnTheSandboxAndRecordsTheEndedOnesAsRefusedWithoutACall()
    {
        var bed = await app.NewWorkspaceAsync();
        var stores = new Dictionary<long, string> { [913_001] = await bed.AddShopeeStoreAsync(913_001, "TH"), [913_002] = await bed.AddShopeeStoreAsync(913_002, "SG") };
        var seeded = new Dictionary<long, IReadOnlyList<ShopeeSandboxVoucher>> { [913_001] = bed.SeedVouchers(913_001, 6), [913_002] = bed.SeedVouchers(913_002, 3) };
        foreach (var store in stores.Values) await bed.SyncAsync(store);
        var selection = seeded.SelectMany(s => s.Value.Select(v => new { storeId = stores[s.Key], couponId = Id(v) })).ToArray();
        var body = new { action = new { kind = "renew", extendDays = 7 }, coupons = selection };

        var (status, started) = await bed.Admin.ActAsync("renew-1", body);
        var jobId = started!["jobId"]!.GetValue<string>();
        var job = await bed.Admin.WaitForJobAsync(jobId, () => app.Host.Output);
        var (again, repeated) = await bed.Admin.ActAsync("renew-1", body);

        Assert.Equal(202, status);
        Assert.Equal("completedWithFailures", job["job"]!["status"]!.GetValue<string>());
        Assert.Equal("bulkAction", job["job"]!["type"]!.GetValue<string>());
        Assert.Equal(6, job["job"]!["counts"]!["succeeded"]!.GetValue<int>());
        Assert.Equal(3, job["job"]!["counts"]!["failed"]!.GetValue<int>());
        var items = Deployments.ItemsByCoupon(job);
        foreach (var (shop, vouchers) in seeded)
        {
            foreach (var v in vouchers)
            {
                var now = bed.Shopee.FindVoucher(shop, v.VoucherId)!;
                var item = items[Id(v)];
                if (v.End < bed.Shopee.Clock.GetUtcNow())
                {
                    // Ended: Shopee cannot extend it, so it was refused when the job was planned and never started.
                    Assert.Equal("failed", item["state"]!.GetValue<string>());
                    Assert.NotEqual("platform_error", item["outcome"]!["reasonCode"]!.GetValue<string>());
                    Assert.Null(item["startedAt"]);
                    Assert.Equal(v.End, now.End);
                }
                else
                {
                    Assert.Equal("succeeded", item["state"]!.GetValue<string>());
                    Assert.Equal(v.End.AddDays(7), now.End);
                    Assert.Equal(v.End.AddDays(7), item["target"]!["change"]!["validTo"]!.GetValue<DateTimeOffset>());
                }
            }
        }

        // The same key is the same job: nothing is applied again.
        Assert.Equal(202, again);
        Assert.Equal(jobId, repeated!["jobId"]!.GetValue<string>());
        Assert.False(repeated["created"]!.GetValue<bool>());
        Assert.Equal(seeded[913_002][1].End.AddDays(7), bed.Shopee.FindVoucher(913_002, seeded[913_002][1].VoucherId)!.End);

        // The store's sync was queued after its batch, so the list shows the new end.
        var ongoing = seeded[913_002][1];
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            var (_, coupon) = await bed.Admin.SendJsonAsync(HttpMethod.Get, $"/api/coupons/{stores[913_002]}/{Id(ongoing)}");
            return coupon?["coupon"]?["validTo"]?.GetValue<DateTimeOffset>() == ongoing.End.AddDays(7);
        }, 30), "The coupon list did not show the renewed end.");

        var lines = await FailureReportLinesAsync(bed, job);
        Assert.Equal(4, lines.Length);
        Assert.All(lines.Skip(1), l => Assert.Contains("renew", l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task BulkEndNowAndReplenish_ShopeeUpcomingCannotEnd_RefusesItWithoutACallEndsTheOngoingAndReplenishesOnce()
    {
        var bed = await app.NewWorkspaceAsync();
        var mine = await bed.AddShopeeStoreAsync(913_101, "TH");
        var other = await bed.AddShopeeStoreAsync(913_102, "TH");
        var seeded = bed.SeedVouchers(913_101, 3);
        await bed.SyncAsync(mine);
        var (upcoming, ongoing) = (seeded[0], seeded[1]);
        var viewer = app.WithKey(await bed.Admin.IssueKeyAsync("viewer"));
        var scoped = app.WithKey(await bed.Admin.IssueKeyAsync("editor", mine));
        object Coupons(params ShopeeSandboxVoucher[] vouchers) => vouchers.Select(v => new { storeId = mine, couponId = Id(v) }).ToArray();

        var (viewerStatus, _) = await viewer.ActAsync("v-1", new { action = new { kind = "endNow" }, coupons = Coupons(ongoing) });
        var (outside, _) = await scoped.ActAsync("s-0", new { action = new { kind = "endNow" }, coupons = new[] { new { storeId = other, couponId = "1" } } });
        var (bad, badBody) = await bed.Admin.ActAsync("", new { action = new { kind = "cloneAsNew", codeSuffix = "A-1" }, coupons = Coupons(ongoing) });
        var (_, jobsBefore) = await bed.Admin.SendJsonAsync(HttpMethod.Get, "/api/jobs");
        var (endStatus, ended) = await scoped.ActAsync("end-1", new { action = new { kind = "endNow" }, coupons = Coupons(upcoming, ongoing) });
        var endJob = await scoped.WaitForJobAsync(ended!["jobId"]!.GetValue<string>(), () => app.Host.Output);
        var replenish = new { action = new { kind = "replenish", addQuantity = 50 }, coupons = Coupons(upcoming) };
        var (_, first) = await bed.Admin.ActAsync("replenish-1", replenish);
        var replenishJob = await bed.Admin.WaitForJobAsync(first!["jobId"]!.GetValue<string>(), () => app.Host.Output);
        var (_, second) = await bed.Admin.ActAsync("replenish-1", replenish);

        Assert.Equal(403, viewerStatus);
        Assert.Equal(403, outside);
        Assert.Equal(400, bad);
        Assert.Contains("Idempotency-Key", badBody!["errors"]!.AsObject().Select(e => e.Key));
        Assert.Contains("action.codeSuffix", badBody["errors"]!.AsObject().Select(e => e.Key));
        Assert.Empty(jobsBefore!["items"]!.AsArray());
        Assert.Equal(202, endStatus);
        var items = Deployments.ItemsByCoupon(endJob);
        Assert.Equal("failed", items[Id(upcoming)]["state"]!.GetValue<string>());
        Assert.Null(items[Id(upcoming)]["startedAt"]);
        Assert.Contains("upcoming", items[Id(upcoming)]["outcome"]!["message"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(upcoming.End, bed.Shopee.FindVoucher(913_101, upcoming.VoucherId)!.End);
        Assert.Equal("succeeded", items[Id(ongoing)]["state"]!.GetValue<string>());
        Assert.True(bed.Shopee.FindVoucher(913_101, ongoing.VoucherId)!.End <= bed.Shopee.Clock.GetUtcNow());
        Assert.Equal("completed", replenishJob["job"]!["status"]!.GetValue<string>());
        Assert.Equal(150, replenishJob["items"]![0]!["target"]!["change"]!["totalQuantity"]!.GetValue<int>());
        Assert.False(second!["created"]!.GetValue<bool>());
        Assert.Equal(150, bed.Shopee.FindVoucher(913_101, upcoming.VoucherId)!.UsageQuantity);
    }

    [Fact]
    public async Task CancelJob_DuringABulkRenew_CancelsTheBatchesNotStartedAndLeavesTheirCouponsAsTheyWere()
    {
        var bed = await app.NewWorkspaceAsync();
        var store = await bed.AddShopeeStoreAsync(913_201, "TH");
        var seeded = bed.SeedVouchers(913_201, 12).Where(v => v.End > bed.Shopee.Clock.GetUtcNow()).ToList();
        await bed.SyncAsync(store);
        bed.Shopee.Faults.Set(new FaultPlan { Latency = TimeSpan.FromSeconds(2), OnlyPaths = UpdateVoucher }, "913201");

        var (_, started) = await bed.Admin.ActAsync("cancel-1",
            new { action = new { kind = "renew", extendDays = 3 }, coupons = seeded.Select(v => new { storeId = store, couponId = Id(v) }).ToArray() });
        var jobId = started!["jobId"]!.GetValue<string>();
        var (cancelStatus, _) = await bed.Admin.SendJsonAsync(HttpMethod.Post, $"/api/jobs/{jobId}/cancel");
        var job = await bed.Admin.WaitForJobAsync(jobId, () => app.Host.Output);

        Assert.Equal(200, cancelStatus);
        Assert.Equal("cancelled", job["job"]!["status"]!.GetValue<string>());
        var items = Deployments.ItemsByCoupon(job);
        Assert.InRange(items.Values.Count(i => i["state"]!.GetValue<string>() == "cancelled"), seeded.Count - 2, seeded.Count);
        foreach (var v in seeded)
        {
            var expected = items[Id(v)]["state"]!.GetValue<string>() == "succeeded" ? v.End.AddDays(3) : v.End;
            Assert.Equal(expected, bed.Shopee.FindVoucher(913_201, v.VoucherId)!.End);
        }
    }

    [Fact]
    public async Task BulkRenew_MoreBatchesThanOneGenerationRuns_ContinuesAsNewAndRenewsEveryCouponOnce()
    {
        var bed = await app.NewWorkspaceAsync();
        var store = await bed.AddShopeeStoreAsync(913_301, "TH");
        var seeded = bed.SeedVouchers(913_301, 63);
        await bed.SyncAsync(store);
        // 63 items at two a batch in one store: 32 batches, one per wave, more than the 20 waves of one generation.
        var (_, started) = await bed.Admin.ActAsync("many-1",
            new { action = new { kind = "renew", extendDays = 1 }, coupons = seeded.Select(v => new { storeId = store, couponId = Id(v) }).ToArray() });
        var job = await bed.Admin.WaitForJobAsync(started!["jobId"]!.GetValue<string>(), () => app.Host.Output, seconds: 120);

        Assert.Equal(42, job["job"]!["counts"]!["succeeded"]!.GetValue<int>());
        Assert.Equal(21, job["job"]!["counts"]!["failed"]!.GetValue<int>());
        foreach (var v in seeded)
            Assert.Equal(v.End < bed.Shopee.Clock.GetUtcNow() ? v.End : v.End.AddDays(1), bed.Shopee.FindVoucher(913_301, v.VoucherId)!.End);
    }

    [Fact]
    public async Task BulkCloneAsNew_EndedVouchers_PreviewShowsTheNewVoucherThenTheJobCreatesEachOnceAndTheListShowsThem()
    {
        var bed = await app.NewWorkspaceAsync();
        var store = await bed.AddShopeeStoreAsync(913_401, "TH");
        var seeded = bed.SeedVouchers(913_401, 6);
        await bed.SyncAsync(store);
        var ended = seeded.Where(v => v.End < bed.Shopee.Clock.GetUtcNow()).ToList();
        var body = new
        {
            action = new { kind = "cloneAsNew", durationDays = 10, totalQuantity = 300 },
            coupons = ended.Select(v => new { storeId = store, couponId = Id(v) }).ToArray(),
        };

        var (previewStatus, preview) = await bed.Admin.SendJsonAsync(HttpMethod.Post, "/api/coupons/actions/preview", body);
        var (status, started) = await bed.Admin.ActAsync("clone-1", body);
        var jobId = started!["jobId"]!.GetValue<string>();
        var job = await bed.Admin.WaitForJobAsync(jobId, () => app.Host.Output);
        var (_, repeated) = await bed.Admin.ActAsync("clone-1", body);

        Assert.Equal((200, 202), (previewStatus, status));
        Assert.Equal(2, ended.Count);
        Assert.Equal(2, preview!["summary"]!["willChange"]!.GetValue<int>());
        var draft = preview["coupons"]![0]!["cloneDraft"]!;
        Assert.Equal((ended[0].Code, 300), (draft["code"]!.GetValue<string>(), draft["totalQuantity"]!.GetValue<int>()));
        Assert.Equal(TimeSpan.FromDays(10), draft["validTo"]!.GetValue<DateTimeOffset>() - draft["validFrom"]!.GetValue<DateTimeOffset>());
        Assert.Equal("completed", job["job"]!["status"]!.GetValue<string>());
        Assert.Equal("Clone 2 coupons as new", job["job"]!["title"]!.GetValue<string>());
        Assert.False(repeated!["created"]!.GetValue<bool>());
        var items = Deployments.ItemsByCoupon(job);
        var created = new List<string>();
        foreach (var original in ended)
        {
            // One new voucher per original, with its code, quantity and ten days; the original is left as it was.
            var vouchers = bed.Shopee.Vouchers(913_401).Where(v => v.Code == original.Code).ToList();
            Assert.Equal(2, vouchers.Count);
            var clone = Assert.Single(vouchers, v => v.VoucherId != original.VoucherId);
            // Planned to start at once; the create moves a start that has passed to a minute ahead, keeping the planned end.
            Assert.Equal(300, clone.UsageQuantity);
            Assert.InRange(clone.End - clone.Start, TimeSpan.FromDays(10) - TimeSpan.FromMinutes(3), TimeSpan.FromDays(10) - TimeSpan.FromSeconds(58));
            Assert.Equal(original.End, bed.Shopee.FindVoucher(913_401, original.VoucherId)!.End);
            var outcome = items[Id(original)]["outcome"]!;
            Assert.Equal(Id(clone), outcome["couponId"]!.GetValue<string>());
            Assert.False(outcome["adopted"]!.GetValue<bool>());
            created.Add(Id(clone));
        }

        Assert.Equal(8, bed.Shopee.Vouchers(913_401).Count);
        // The store's sync was queued after the batch, so the list shows the new vouchers without waiting for the timer.
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            var (_, list) = await bed.Admin.SendJsonAsync(HttpMethod.Get, $"/api/coupons?store={store}&pageSize=50");
            var ids = list?["items"]?.AsArray().Select(c => c!["platformCouponId"]!.GetValue<string>()).ToHashSet() ?? [];
            return created.All(ids.Contains);
        }, 30), "The coupon list did not show the cloned vouchers.");
    }

    [Fact]
    public async Task FixPausedFinding_LazadaAndShopee_ReactivatesTheLazadaVoucherOnTheSandboxAndRefusesTheOthersWithoutACall()
    {
        var bed = await app.NewWorkspaceAsync();
        var lazada = await bed.AddLazadaStoreAsync(913_301, "PH");
        var shopee = await bed.AddShopeeStoreAsync(913_302, "TH");
        var now = app.Lazada.Clock.GetUtcNow();
        LazadaSandboxVoucher Voucher(string name) => new()
        {
            Name = name, Start = now.AddDays(-1), End = now.AddDays(6), MoneyValueOff = 50, CriteriaOverMoney = 500, Currency = "PHP",
        };
        var paused = app.Lazada.AddVoucher(913_301, Voucher("Paused deal") with { Suspended = true });
        var stopped = app.Lazada.AddVoucher(913_301, Voucher("Stopped deal") with { DeactivatedAt = now.AddHours(-1) });
        var running = bed.SeedVouchers(913_302, 2)[1];
        await bed.SyncAsync(lazada);
        await bed.SyncAsync(shopee);

        // The inspection finds the paused voucher; its fix is the reactivate preview, filled in.
        var message = JsonSerializer.Serialize(new { tenantId = bed.Tenant.Value, dueAt = now.AddMinutes(-10), storeIds = new[] { lazada } });
        await app.Queues.GetQueueClient(QueueNames.InspectTenant).SendMessageAsync(message);
        JsonNode? finding = null;
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            var (_, findings) = await bed.Admin.SendJsonAsync(HttpMethod.Get, "/api/findings");
            finding = findings!["stores"]!.AsArray().SelectMany(st => st!["findings"]!.AsArray()).FirstOrDefault(f => f!["code"]!.GetValue<string>() == "status.paused");
            return finding is not null;
        }, 60), $"No paused finding. Host output:\n{Workspace.Tail(app.Host.Output)}");
        var fix = finding!["remedy"]!["preview"]!;
        Assert.Equal("reactivate", fix["body"]!["action"]!["kind"]!.GetValue<string>());
        Assert.Equal(Id(paused), fix["body"]!["coupons"]![0]!["couponId"]!.GetValue<string>());
        var (_, preview) = await bed.Admin.SendJsonAsync(HttpMethod.Post, fix["url"]!.GetValue<string>(), fix["body"]);
        Assert.Equal(1, preview!["summary"]!["willChange"]!.GetValue<int>());

        var shopeeCalls = bed.Shopee.Stats.Calls;
        var (status, started) = await bed.Admin.ActAsync("reactivate-1", new
        {
            action = new { kind = "reactivate" },
            coupons = new[] { new { storeId = lazada, couponId = Id(paused) }, new { storeId = lazada, couponId = Id(stopped) }, new { storeId = shopee, couponId = Id(running) } },
        });
        var job = await bed.Admin.WaitForJobAsync(started!["jobId"]!.GetValue<string>(), () => app.Host.Output);

        Assert.Equal(202, status);
        Assert.Equal("completedWithFailures", job["job"]!["status"]!.GetValue<string>());
        var items = job["items"]!.AsArray().ToDictionary(i => (i!["storeId"]!.GetValue<string>(), i["couponId"]!.GetValue<string>()), i => i!);
        Assert.Equal("succeeded", items[(lazada, Id(paused))]["state"]!.GetValue<string>());
        Assert.Equal("reactivate", items[(lazada, Id(paused))]["target"]!["operation"]!.GetValue<string>(), ignoreCase: true);
        Assert.False(app.Lazada.FindVoucher(913_301, paused.Id)!.Suspended);
        foreach (var refused in new[] { items[(lazada, Id(stopped))], items[(shopee, Id(running))] })
        {
            Assert.Equal("failed", refused["state"]!.GetValue<string>());
            Assert.Null(refused["startedAt"]);
        }

        Assert.Contains("Shopee vouchers cannot be paused", items[(shopee, Id(running))]["outcome"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(app.Lazada.FindVoucher(913_301, stopped.Id)!.DeactivatedAt);
        Assert.Equal(shopeeCalls, bed.Shopee.Stats.Calls);

        // The store's sync was queued after the batch, so the list shows the voucher running again.
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            var (_, coupon) = await bed.Admin.SendJsonAsync(HttpMethod.Get, $"/api/coupons/{lazada}/{Id(paused)}");
            return coupon?["coupon"]?["status"]?.GetValue<string>() == "ongoing";
        }, 30), "The coupon list did not show the voucher running again.");
    }

    private static string Id(LazadaSandboxVoucher v) => v.Id.ToString(CultureInfo.InvariantCulture);

    private static string Id(ShopeeSandboxVoucher v) => v.VoucherId.ToString(CultureInfo.InvariantCulture);

    private async Task<string[]> FailureReportLinesAsync(Workspace bed, JsonNode job)
    {
        using var noRedirect = app.Client(redirects: false);
        noRedirect.DefaultRequestHeaders.Authorization = bed.Admin.DefaultRequestHeaders.Authorization;
        using var response = await noRedirect.GetAsync(job["job"]!["failureReport"]!["url"]!.GetValue<string>());
        Assert.Equal(302, (int)response.StatusCode);
        using var blob = app.Client();
        var report = await blob.GetByteArrayAsync(response.Headers.Location);
        return Encoding.UTF8.GetString(report, 3, report.Length - 3).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
    }
}
