using CouponFunctions.Core.BulkActions;
using CouponFunctions.Core.Common;
using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Deployments;
using CouponFunctions.Core.Jobs;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Queues;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Sync;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Core.Tests.Deployments;
using CouponFunctions.Core.Tests.Sync;
using Microsoft.Extensions.Options;
using Moq;

namespace CouponFunctions.Core.Tests.BulkActions;

/// <summary>The set-to-target activity of bulk actions: absolute targets, safe to run twice, never applied twice after a crash.</summary>
public sealed class RunBulkActionBatchHandlerTests
{
    private static readonly TenantId Tenant = TenantId.Parse("t-test");
    private static readonly JobId Job = JobId.Parse("job-1");
    private static readonly Store Shop = DeployTestData.Store();

    private readonly Mock<IJobRepository> _jobs = new();
    private readonly Mock<IStoreRepository> _stores = new();
    private readonly Mock<IPlatformConnector> _connector = new();
    private readonly Mock<IPlatformConnectors> _connectors = new();
    private readonly Mock<IWorkQueue> _queue = new();
    private readonly Mock<ICreateAttemptRepository> _attempts = new();
    private readonly List<CouponDraft> _created = [];
    private List<Coupon> _listed = [];
    private CreateAttempt? _attempt;
    private readonly List<string> _calls = [];
    private List<JobItem> _items = [];
    private Coupon _onPlatform = DeployTestData.Coupon();
    private bool _cancelRequested;

    public RunBulkActionBatchHandlerTests()
    {
        _jobs.Setup(j => j.GetAsync(Tenant, Job, It.IsAny<CancellationToken>())).ReturnsAsync(() => new Job
        {
            TenantId = Tenant, Id = Job, Type = JobType.BulkAction, Title = "Replenish", StartedBy = new JobStarter("k", "k"),
            CreatedAt = DeployTestData.Now, Counts = JobCounts.Of(_items.Select(i => i.State)), CancelRequested = _cancelRequested,
        });
        _jobs.Setup(j => j.ListStoreItemsAsync(Tenant, Job, Shop.Id, It.IsAny<CancellationToken>())).ReturnsAsync(() => _items.ToList());
        _jobs.Setup(j => j.UpdateItemsAsync(Tenant, It.IsAny<IReadOnlyList<JobItem>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((TenantId _, IReadOnlyList<JobItem> written, CancellationToken _) =>
            {
                _items = [.. _items.Select(i => written.FirstOrDefault(w => w.Key == i.Key) ?? i)];
                return new JobItemWrites(written, []);
            });
        _stores.Setup(s => s.GetAsync(Tenant, Shop.Id, It.IsAny<CancellationToken>())).ReturnsAsync(Shop);
        _connectors.Setup(c => c.For(Platform.Shopee)).Returns(_connector.Object);
        _connector.Setup(c => c.GetCouponAsync(It.IsAny<StoreConnection>(), "v-1", It.IsAny<CancellationToken>()))
            .Callback(() => _calls.Add("get"))
            .ReturnsAsync(() => PlatformResult<Coupon>.Ok(_onPlatform));
        _connector.Setup(c => c.UpdateCouponAsync(It.IsAny<StoreConnection>(), "v-1", It.IsAny<CouponChange>(), It.IsAny<CancellationToken>()))
            .Callback((StoreConnection _, string _, CouponChange change, CancellationToken _) =>
            {
                _calls.Add($"update:{change.TotalQuantity}");
                _onPlatform = _onPlatform with { TotalQuantity = change.TotalQuantity ?? _onPlatform.TotalQuantity };
            })
            .ReturnsAsync(() => PlatformResult<Coupon>.Ok(_onPlatform));
        _connector.Setup(c => c.ListCouponsAsync(It.IsAny<StoreConnection>(), It.IsAny<CancellationToken>()))
            .Callback(() => _calls.Add("list"))
            .Returns(() => Pages(_listed));
        _connector.Setup(c => c.CreateCouponAsync(It.IsAny<StoreConnection>(), It.IsAny<CouponDraft>(), It.IsAny<CancellationToken>()))
            .Callback((StoreConnection _, CouponDraft d, CancellationToken _) => { _calls.Add("create"); _created.Add(d); })
            .ReturnsAsync((StoreConnection _, CouponDraft d, CancellationToken _) => PlatformResult<Coupon>.Ok(DeployTestData.Coupon(id: "v-new", code: d.Code)));
        _attempts.Setup(a => a.GetAsync(Tenant, Job, Shop.Id, "v-1", It.IsAny<CancellationToken>())).ReturnsAsync(() => _attempt);
        _attempts.Setup(a => a.SaveAsync(Tenant, It.IsAny<CreateAttempt>(), It.IsAny<CancellationToken>()))
            .Callback(() => _calls.Add("save-attempt"))
            .ReturnsAsync((TenantId _, CreateAttempt a, CancellationToken _) => Result<CreateAttempt>.Ok(_attempt = a with { Version = "e1" }));
        _attempts.Setup(a => a.MarkCreatedAsync(Tenant, It.IsAny<CreateAttempt>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Callback(() => _calls.Add("mark-created"))
            .ReturnsAsync((TenantId _, CreateAttempt a, string id, CancellationToken _) => Result<CreateAttempt>.Ok(_attempt = a.Created(id)));
    }

    private static BulkActionRequest CloneRequest() => new() { Kind = BulkActionKind.CloneAsNew, Code = "MDNEW", DurationDays = 7 };

    [Fact]
    public async Task HandleAsync_CloneFirstRun_WritesTheAttemptBeforeCreatingAndRecordsTheNewCoupon()
    {
        _items = [Planned(CloneRequest())];

        var outcome = await Handler().HandleAsync(Input());

        Assert.Equal(["list", "save-attempt", "create", "mark-created"], _calls);
        Assert.Equal(("MDNEW", "v-1"), (_created[0].Code, _attempt!.SourceCouponId));
        Assert.Equal((JobItemState.Succeeded, "v-1", "v-new"), (_items[0].State, _items[0].PlatformCouponId, _items[0].Outcome!.CouponId));
        Assert.Equal(new BulkActionBatchOutcome(1, 1), outcome);
        _queue.Verify(q => q.EnqueueAsync(It.IsAny<SyncStoreMessage>(), null, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task HandleAsync_CloneStartingNowPlannedEarlier_StartsAMinuteAfterTheCreateAndKeepsThePlannedEnd()
    {
        _items = [Planned(CloneRequest())];

        await Handler().HandleAsync(Input());

        Assert.Equal((DeployTestData.Now.AddMinutes(1), DeployTestData.Now.AddDays(7)), (_created[0].ValidFrom, _created[0].ValidTo));
        Assert.Equal(_created[0].ValidFrom, _attempt!.ValidFrom);
    }

    [Fact]
    public async Task HandleAsync_CloneRetriedAfterTheCreateWasCutOff_AdoptsTheCouponTheFirstAttemptMadeAndNeverCreates()
    {
        _items = [Planned(CloneRequest()) with { State = JobItemState.Started }];
        _attempt = new CreateAttempt(Job, Shop.Id, "MDNEW", "Spring sale", DeployTestData.Now, DeployTestData.Now.AddDays(7),
            DeployTestData.Now.AddMinutes(-10), DeployTestData.Now.AddMinutes(-10), 1, ["v-1"]) { SourceCouponId = "v-1", Version = "e1" };
        _listed = [_onPlatform, DeployTestData.Coupon(id: "v-made", code: "MDNEW")];

        var outcome = await Handler().HandleAsync(Input());

        Assert.DoesNotContain("create", _calls);
        Assert.Equal(("v-made", true), (_items[0].Outcome!.CouponId, _items[0].Outcome!.Adopted));
        Assert.Equal("v-made", _attempt.CreatedCouponId);
        Assert.Equal(new BulkActionBatchOutcome(1, 1), outcome);
    }

    [Fact]
    public async Task HandleAsync_CloneAttemptMomentsAgoAndNothingListed_StaysStartedAndAsksToLookAgain()
    {
        _items = [Planned(CloneRequest()) with { State = JobItemState.Started }];
        _attempt = new CreateAttempt(Job, Shop.Id, "MDNEW", "Spring sale", DeployTestData.Now, DeployTestData.Now.AddDays(7),
            DeployTestData.Now.AddSeconds(-30), DeployTestData.Now.AddSeconds(-30), 1, ["v-1"]) { SourceCouponId = "v-1", Version = "e1" };
        _listed = [_onPlatform];

        var outcome = await Handler().HandleAsync(Input());

        Assert.DoesNotContain("create", _calls);
        Assert.Equal(JobItemState.Started, _items[0].State);
        Assert.Equal(new BulkActionBatchOutcome(0, 0, DeployTestData.Now.AddSeconds(90)), outcome);
    }

    [Fact]
    public async Task HandleAsync_ReplenishBy50RunTwice_SetsTheQuantityTo150Once()
    {
        _items = [Planned(new BulkActionRequest { Kind = BulkActionKind.Replenish, AddQuantity = 50 })];

        var first = await Handler().HandleAsync(Input());
        var second = await Handler().HandleAsync(Input());

        Assert.Equal(150, _items[0].Target!.Change!.TotalQuantity);
        Assert.Equal(["update:150"], _calls);
        Assert.Equal(150, _onPlatform.TotalQuantity);
        Assert.Equal(new BulkActionBatchOutcome(1, 1), first);
        Assert.Equal(new BulkActionBatchOutcome(0, 0), second);
        Assert.Equal(JobItemState.Succeeded, _items[0].State);
        _queue.Verify(q => q.EnqueueAsync(It.IsAny<SyncStoreMessage>(), null, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task HandleAsync_ItemStartedWhenTheWorkerDiedAfterTheUpdate_ReadsThePlatformAndAppliesNothingAgain()
    {
        _items = [Planned(new BulkActionRequest { Kind = BulkActionKind.Replenish, AddQuantity = 50 }) with { State = JobItemState.Started }];
        _onPlatform = _onPlatform with { TotalQuantity = 150 };

        await Handler().HandleAsync(Input());

        Assert.Equal(["get"], _calls);
        Assert.Equal(150, _onPlatform.TotalQuantity);
        Assert.Equal(JobItemState.Succeeded, _items[0].State);
    }

    [Fact]
    public async Task HandleAsync_ItemStartedWhenTheWorkerDiedBeforeTheUpdate_SendsTheTargetOnce()
    {
        _items = [Planned(new BulkActionRequest { Kind = BulkActionKind.Replenish, AddQuantity = 50 }) with { State = JobItemState.Started }];

        await Handler().HandleAsync(Input());

        Assert.Equal(["get", "update:150"], _calls);
        Assert.Equal(JobItemState.Succeeded, _items[0].State);
    }

    [Fact]
    public async Task HandleAsync_JobCancelled_CancelsThePendingItemWithoutACall()
    {
        _items = [Planned(new BulkActionRequest { Kind = BulkActionKind.Replenish, AddQuantity = 50 })];
        _cancelRequested = true;

        var outcome = await Handler().HandleAsync(Input());

        Assert.Empty(_calls);
        Assert.Equal(JobItemState.Cancelled, _items[0].State);
        Assert.Equal(new BulkActionBatchOutcome(1, 0), outcome);
    }

    [Fact]
    public void Remaining_TargetAlreadyOnThePlatform_IsNothing()
    {
        var renew = new ActionTarget(CouponOperation.Update, new CouponChange { ValidTo = _onPlatform.ValidTo.AddDays(7) });

        Assert.Null(renew.Remaining(_onPlatform with { ValidTo = _onPlatform.ValidTo.AddDays(7) }));
        Assert.Equal(_onPlatform.ValidTo.AddDays(7), renew.Remaining(_onPlatform)!.Change!.ValidTo);
        Assert.Null(new ActionTarget(CouponOperation.End, null).Remaining(_onPlatform with { Status = CouponStatus.Ended }));
        Assert.NotNull(new ActionTarget(CouponOperation.End, null).Remaining(_onPlatform));
        Assert.Null(new ActionTarget(CouponOperation.Delete, null).Remaining(null));
    }

    [Fact]
    public async Task HandleAsync_ReactivateFirstRun_SendsTheActivationOnce()
    {
        _onPlatform = _onPlatform with { Status = CouponStatus.Paused };
        _items = [Reactivation()];
        _connector.Setup(c => c.ReactivateCouponAsync(It.IsAny<StoreConnection>(), "v-1", It.IsAny<CancellationToken>()))
            .Callback(() => _calls.Add("reactivate")).ReturnsAsync(PlatformResult.Ok());

        var outcome = await Handler().HandleAsync(Input());

        Assert.Equal(["reactivate"], _calls);
        Assert.Equal(JobItemState.Succeeded, _items[0].State);
        Assert.Equal(new BulkActionBatchOutcome(1, 1), outcome);
    }

    [Fact]
    public async Task HandleAsync_ReactivateResumedAfterTheActivationWentThrough_ReadsAndSendsNothingMore()
    {
        _items = [Reactivation() with { State = JobItemState.Started }];

        await Handler().HandleAsync(Input());

        Assert.Equal(["get"], _calls);
        Assert.Equal(JobItemState.Succeeded, _items[0].State);
        _connector.Verify(c => c.ReactivateCouponAsync(It.IsAny<StoreConnection>(), It.IsAny<string>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public void Remaining_Reactivate_OnlyWhileStillPaused()
    {
        var target = new ActionTarget(CouponOperation.Reactivate, null);

        Assert.Equal(target, target.Remaining(_onPlatform with { Status = CouponStatus.Paused }));
        Assert.Null(target.Remaining(_onPlatform with { Status = CouponStatus.Ongoing }));
        Assert.Null(target.Remaining(_onPlatform with { Status = CouponStatus.Upcoming }));
    }

    /// <summary>A re-activation item as the planner leaves it for a Lazada voucher (the test store's connector stands in).</summary>
    private JobItem Reactivation() => new()
    {
        JobId = Job, StoreId = Shop.Id, StoreName = Shop.DisplayName, Platform = Shop.Platform, PlatformCouponId = "v-1",
        Action = "reactivate", Target = new ActionTarget(CouponOperation.Reactivate, null), Version = "e0",
    };

    private JobItem Planned(BulkActionRequest request)
    {
        var verdict = BulkActionPlanner.Default.Plan(request, _onPlatform, Shop, DeployTestData.Now);
        Assert.Equal(ActionDecision.WillChange, verdict.Decision);
        return new JobItem
        {
            JobId = Job, StoreId = Shop.Id, StoreName = Shop.DisplayName, Platform = Shop.Platform, PlatformCouponId = "v-1",
            Action = request.Action, Target = ActionTarget.Of(verdict), Version = "e0",
        };
    }

    private static BulkActionBatchInput Input() => new(Tenant.Value, Job.Value, Shop.Id.Value, 0, 50);

    private RunBulkActionBatchHandler Handler() =>
        new(_jobs.Object, _stores.Object, _connectors.Object, _attempts.Object, _queue.Object, Options.Create(new JobOptions()), new FixedClock(DeployTestData.Now));

    private static async IAsyncEnumerable<IReadOnlyList<Coupon>> Pages(List<Coupon> coupons)
    {
        await Task.Yield();
        yield return coupons;
    }
}
