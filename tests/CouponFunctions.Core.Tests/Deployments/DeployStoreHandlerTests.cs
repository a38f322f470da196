using CouponFunctions.Core.Common;
using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Coupons.Campaigns;
using CouponFunctions.Core.Deployments;
using CouponFunctions.Core.Jobs;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Queues;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Templates;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Core.Tests.Sync;
using Microsoft.Extensions.Options;
using Moq;

namespace CouponFunctions.Core.Tests.Deployments;

public sealed class DeployStoreHandlerTests
{
    private static readonly TenantId Tenant = TenantId.Parse("t-test");
    private static readonly JobId Job = JobId.Parse("job-1");
    private static readonly Store Shop = DeployTestData.Store();
    private static readonly string Code = StoreCodes.For("MD", "tpl-1", Shop.Id, 3);

    private readonly Mock<IJobRepository> _jobs = new();
    private readonly Mock<ITemplateRepository> _templates = new();
    private readonly Mock<IStoreRepository> _stores = new();
    private readonly Mock<ICreateAttemptRepository> _attempts = new();
    private readonly Mock<IPlatformConnector> _connector = new();
    private readonly Mock<IWorkQueue> _queue = new();
    private readonly Mock<ICouponCampaigns> _campaigns = new();
    private readonly List<string> _calls = [];
    private readonly List<JobItem> _written = [];
    private List<Coupon> _listed = [];

    public DeployStoreHandlerTests()
    {
        _jobs.Setup(j => j.GetAsync(Tenant, Job, It.IsAny<CancellationToken>())).ReturnsAsync(JobRow(cancelRequested: false));
        _jobs.Setup(j => j.GetItemAsync(Tenant, Job, Shop.Id.Value, It.IsAny<CancellationToken>())).ReturnsAsync(() => _written.LastOrDefault() ?? Item());
        _jobs.Setup(j => j.UpdateItemsAsync(Tenant, It.IsAny<IReadOnlyList<JobItem>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((TenantId _, IReadOnlyList<JobItem> items, CancellationToken _) =>
            {
                _written.AddRange(items);
                return new JobItemWrites(items, []);
            });
        _templates.Setup(t => t.GetAsync(Tenant, TemplateId.Parse("tpl-1"), It.IsAny<CancellationToken>())).ReturnsAsync(Template("v1"));
        _stores.Setup(s => s.GetAsync(Tenant, Shop.Id, It.IsAny<CancellationToken>())).ReturnsAsync(Shop);
        _connector.Setup(c => c.ListCouponsAsync(It.IsAny<StoreConnection>(), It.IsAny<CancellationToken>())).Returns(() => Pages(_listed));
        _connector.Setup(c => c.CreateCouponAsync(It.IsAny<StoreConnection>(), It.IsAny<CouponDraft>(), It.IsAny<CancellationToken>()))
            .Callback(() => _calls.Add("create"))
            .ReturnsAsync((StoreConnection _, CouponDraft d, CancellationToken _) => PlatformResult<Coupon>.Ok(DeployTestData.Coupon(id: "v-new", code: d.Code)));
        _attempts.Setup(a => a.SaveAsync(Tenant, It.IsAny<CreateAttempt>(), It.IsAny<CancellationToken>()))
            .Callback(() => _calls.Add("save-attempt"))
            .ReturnsAsync((TenantId _, CreateAttempt a, CancellationToken _) => Result<CreateAttempt>.Ok(a with { Version = "e1" }));
        _attempts.Setup(a => a.MarkCreatedAsync(Tenant, It.IsAny<CreateAttempt>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Callback(() => _calls.Add("mark-created"))
            .ReturnsAsync((TenantId _, CreateAttempt a, string id, CancellationToken _) => Result<CreateAttempt>.Ok(a.Created(id)));
    }

    [Fact]
    public async Task HandleAsync_FirstRun_WritesTheAttemptBeforeCreatingAndRecordsTheCoupon()
    {
        var outcome = await Handler().HandleAsync(Input());

        Assert.Equal(JobItemState.Succeeded, outcome.State);
        Assert.Equal(["save-attempt", "create", "mark-created"], _calls);
        Assert.Equal("v-new", _written[^1].Outcome!.CouponId);
        Assert.False(_written[^1].Outcome!.Adopted);
        _queue.Verify(q => q.EnqueueAsync(It.Is<Core.Sync.SyncStoreMessage>(m => m.StoreId == Shop.Id.Value), null, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task HandleAsync_EarlierAttemptsCouponIsListed_AdoptsItAndNeverCreates()
    {
        _attempts.Setup(a => a.GetAsync(Tenant, Job, Shop.Id, null, It.IsAny<CancellationToken>())).ReturnsAsync(Attempt());
        _listed = [DeployTestData.Coupon(id: "v-lost", code: Code)];

        var outcome = await Handler().HandleAsync(Input());

        Assert.Equal(JobItemState.Succeeded, outcome.State);
        Assert.Equal(["mark-created"], _calls);
        Assert.Equal("v-lost", _written[^1].Outcome!.CouponId);
        Assert.True(_written[^1].Outcome!.Adopted);
    }

    [Fact]
    public async Task HandleAsync_TemplateWithACampaign_TagsTheCreatedCouponBeforeFinishingTheItem()
    {
        _templates.Setup(t => t.GetAsync(Tenant, TemplateId.Parse("tpl-1"), It.IsAny<CancellationToken>())).ReturnsAsync(Template("v1", "Mid-Year Sale"));
        _campaigns.Setup(c => c.SetAsync(Tenant, Shop.Id, It.IsAny<IReadOnlyCollection<string>>(), It.IsAny<string?>(), It.IsAny<CancellationToken>()))
            .Callback(() => _calls.Add($"tag:{_written.Count(w => w.State == JobItemState.Succeeded)}"));

        await Handler().HandleAsync(Input());

        Assert.Equal(["save-attempt", "create", "mark-created", "tag:0"], _calls);
        _campaigns.Verify(c => c.SetAsync(Tenant, Shop.Id, new[] { "v-new" }, "Mid-Year Sale", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task HandleAsync_AdoptsTheCouponOfACampaignTemplate_TagsTheAdoptedCoupon()
    {
        _templates.Setup(t => t.GetAsync(Tenant, TemplateId.Parse("tpl-1"), It.IsAny<CancellationToken>())).ReturnsAsync(Template("v1", "KOL Anna"));
        _attempts.Setup(a => a.GetAsync(Tenant, Job, Shop.Id, null, It.IsAny<CancellationToken>())).ReturnsAsync(Attempt());
        _listed = [DeployTestData.Coupon(id: "v-lost", code: Code)];

        await Handler().HandleAsync(Input());

        _campaigns.Verify(c => c.SetAsync(Tenant, Shop.Id, new[] { "v-lost" }, "KOL Anna", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task HandleAsync_TemplateWithoutCampaign_TagsNothing()
    {
        await Handler().HandleAsync(Input());

        _campaigns.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task HandleAsync_AttemptMomentsAgoAndNothingListed_LooksAgainLaterWithoutCreating()
    {
        _attempts.Setup(a => a.GetAsync(Tenant, Job, Shop.Id, null, It.IsAny<CancellationToken>())).ReturnsAsync(Attempt() with { LastAttemptAt = DeployTestData.Now.AddSeconds(50) });

        var outcome = await Handler().HandleAsync(Input());

        Assert.Equal(JobItemState.Started, outcome.State);
        Assert.Equal(DeployTestData.Now.AddSeconds(50) + TimeSpan.FromMinutes(2), outcome.LookAgainAt);
        Assert.Empty(_calls);
    }

    [Fact]
    public async Task HandleAsync_AnotherRunWroteTheAttemptFirst_LooksAgainLaterWithoutCreating()
    {
        _attempts.Setup(a => a.SaveAsync(Tenant, It.IsAny<CreateAttempt>(), It.IsAny<CancellationToken>())).ReturnsAsync(Result<CreateAttempt>.Conflict("exists"));

        var outcome = await Handler().HandleAsync(Input());

        Assert.Equal(JobItemState.Started, outcome.State);
        Assert.NotNull(outcome.LookAgainAt);
        Assert.DoesNotContain("create", _calls);
    }

    [Fact]
    public async Task HandleAsync_TikTokStore_RefusedAsNotSupportedBeforeAnyCall()
    {
        _stores.Setup(s => s.GetAsync(Tenant, Shop.Id, It.IsAny<CancellationToken>())).ReturnsAsync(Shop with { Platform = Platform.TikTok });

        var outcome = await Handler().HandleAsync(Input());

        Assert.Equal(JobItemState.Failed, outcome.State);
        Assert.Equal((ItemReasons.NotSupported, PlatformCapabilities.For(Platform.TikTok).CreateRefusal), (_written[^1].Outcome!.ReasonCode, _written[^1].Outcome!.Message));
        _connector.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task HandleAsync_PendingItemOfACancelledJob_CancelsItWithoutCallingThePlatform()
    {
        _jobs.Setup(j => j.GetAsync(Tenant, Job, It.IsAny<CancellationToken>())).ReturnsAsync(JobRow(cancelRequested: true));

        var outcome = await Handler().HandleAsync(Input());

        Assert.Equal(JobItemState.Cancelled, outcome.State);
        _connector.Verify(c => c.ListCouponsAsync(It.IsAny<StoreConnection>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task HandleAsync_TemplateChangedSinceTheStart_FailsTheItemWithoutCallingThePlatform()
    {
        _templates.Setup(t => t.GetAsync(Tenant, TemplateId.Parse("tpl-1"), It.IsAny<CancellationToken>())).ReturnsAsync(Template("v2"));

        var outcome = await Handler().HandleAsync(Input());

        Assert.Equal(JobItemState.Failed, outcome.State);
        Assert.Equal(ItemReasons.NotSupported, _written[^1].Outcome!.ReasonCode);
        Assert.Empty(_calls);
    }

    [Fact]
    public async Task HandleAsync_ItemAlreadyFinished_ReturnsItsStateAndDoesNothing()
    {
        _written.Add(Item() with { State = JobItemState.Succeeded, Outcome = ItemOutcome.Created("v-9") });

        var outcome = await Handler().HandleAsync(Input());

        Assert.Equal(JobItemState.Succeeded, outcome.State);
        Assert.Single(_written);
        Assert.Empty(_calls);
    }

    private DeployStoreHandler Handler()
    {
        var connectors = new Mock<IPlatformConnectors>();
        connectors.Setup(c => c.For(Platform.Shopee)).Returns(_connector.Object);
        return new DeployStoreHandler(_jobs.Object, _templates.Object, _stores.Object, _attempts.Object, connectors.Object,
            DeploymentPreviewer.Default, _queue.Object, _campaigns.Object, Options.Create(new JobOptions()), new FixedClock(DeployTestData.Now.AddMinutes(1)));
    }

    private static DeployStoreInput Input() => new(new DeployTemplateInput(Tenant.Value, Job.Value, "tpl-1", "v1", AcknowledgeWarnings: true, null), Shop.Id.Value);

    private static Job JobRow(bool cancelRequested) => new()
    {
        TenantId = Tenant, Id = Job, Type = JobType.Deployment, Title = "Deploy", StartedBy = new JobStarter("k", "k-1"),
        CreatedAt = DeployTestData.Now, Counts = new JobCounts(1, 1, 0, 0, 0, 0, 0), CancelRequested = cancelRequested,
    };

    private static JobItem Item() => new() { JobId = Job, StoreId = Shop.Id, StoreName = Shop.DisplayName, Platform = Platform.Shopee, Action = JobItem.CreateAction };

    private static CouponTemplate Template(string version, string? campaign = null) => new()
    {
        TenantId = Tenant, Id = TemplateId.Parse("tpl-1"), CreatedAt = DeployTestData.Now, UpdatedAt = DeployTestData.Now, Version = version,
        Definition = DeployTestData.Fixed(5m) with { Campaign = campaign is null ? null : new CampaignInfo(campaign, null, null) },
    };

    private static CreateAttempt Attempt() =>
        new(Job, Shop.Id, Code, "Mid-year", DeployTestData.Now.AddDays(2), DeployTestData.Now.AddDays(9), DeployTestData.Now, DeployTestData.Now, 1, []) { Version = "e1" };

    private static async IAsyncEnumerable<IReadOnlyList<Coupon>> Pages(List<Coupon> coupons)
    {
        await Task.Yield();
        yield return coupons;
    }
}
