using CouponFunctions.Core.Common;
using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Deployments;
using CouponFunctions.Core.Jobs;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Storage.Jobs;
using CouponFunctions.Storage.Tests.Infrastructure;
using CouponFunctions.Testing;
using static CouponFunctions.Storage.Tests.Jobs.JobTestData;

namespace CouponFunctions.Storage.Tests.Jobs;

[Collection(AzuriteCollection.Name)]
public sealed class CreateAttemptRepositoryTests(AzuriteFixture azurite)
{
    private static readonly StoreId Store = StoreId.Parse("s-shop1");

    [Fact]
    public async Task Save_TwoWorkersWriteTheFirstAttempt_ExactlyOneMayCreate()
    {
        var (repository, tenant, job) = await SetUpAsync();

        var saved = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => repository.SaveAsync(tenant, Attempt(job, $"MD{i}"))));

        var winner = Assert.Single(saved, s => s.IsOk);
        Assert.All(saved.Where(s => !s.IsOk), s => Assert.Equal(OutcomeKind.Conflict, s.Kind));
        var read = await repository.GetAsync(tenant, job, Store);
        Assert.Equal((winner.Value!.Code, winner.Value.Version, winner.Value.ValidTo), (read!.Code, read.Version, read.ValidTo));
        Assert.Equal(["v-1", "v-2"], read.PreexistingCouponIds);
    }

    [Fact]
    public async Task MarkCreated_RepeatedAndRaced_SameCouponOkOtherCouponConflict()
    {
        var (repository, tenant, job) = await SetUpAsync();
        var saved = (await repository.SaveAsync(tenant, Attempt(job, "MD1"))).Value!;

        var marked = await repository.MarkCreatedAsync(tenant, saved, "v-77");
        var repeated = await repository.MarkCreatedAsync(tenant, saved, "v-77");
        var other = await repository.MarkCreatedAsync(tenant, saved, "v-78");

        Assert.True(marked.IsOk);
        Assert.True(repeated.IsOk);
        Assert.Equal(OutcomeKind.Conflict, other.Kind);
        Assert.Equal("v-77", (await repository.GetAsync(tenant, job, Store))!.CreatedCouponId);
    }

    [Fact]
    public async Task Get_AfterACrashBetweenCreateAndRecord_TheRetryAdoptsInsteadOfCreating()
    {
        var (repository, tenant, job) = await SetUpAsync();
        var draft = Draft("MD1");
        var first = AdoptOrCreate.Decide(job, Store, draft, await repository.GetAsync(tenant, job, Store), [], Now);
        Assert.True((await repository.SaveAsync(tenant, first.Attempt!)).IsOk);
        // The platform created v-9 and the worker died before recording it.

        var stored = await repository.GetAsync(tenant, job, Store);
        var retry = AdoptOrCreate.Decide(job, Store, draft, stored, [Listed("v-9", "MD1")], Now.AddMinutes(5));
        var adopted = await repository.SaveAsync(tenant, retry.Attempt!);

        Assert.Equal(CreateStep.Create, first.Step);
        Assert.Equal((CreateStep.Adopt, "v-9"), (retry.Step, retry.CouponId));
        Assert.True(adopted.IsOk);
        Assert.Equal("v-9", (await repository.GetAsync(tenant, job, Store))!.CreatedCouponId);
    }

    [Fact]
    public async Task Save_ClonesOfTwoCouponsInOneStore_EachHasItsOwnRowBesideTheStoresDeployRow()
    {
        var (repository, tenant, job) = await SetUpAsync();

        var deploy = await repository.SaveAsync(tenant, Attempt(job, "MD1"));
        var first = await repository.SaveAsync(tenant, Attempt(job, "MD2") with { SourceCouponId = "v-1" });
        var second = await repository.SaveAsync(tenant, Attempt(job, "MD3") with { SourceCouponId = "v/2 é" });
        var marked = await repository.MarkCreatedAsync(tenant, second.Value!, "v-30");
        var again = await repository.SaveAsync(tenant, Attempt(job, "MD4") with { SourceCouponId = "v-1" });

        Assert.True(deploy.IsOk && first.IsOk && second.IsOk && marked.IsOk);
        Assert.Equal(OutcomeKind.Conflict, again.Kind);
        Assert.Equal(("MD1", null), Read(await repository.GetAsync(tenant, job, Store)));
        Assert.Equal(("MD2", "v-1"), Read(await repository.GetAsync(tenant, job, Store, "v-1")));
        var clone = (await repository.GetAsync(tenant, job, Store, "v/2 é"))!;
        Assert.Equal(("MD3", "v/2 é", "v-30", Store), (clone.Code, clone.SourceCouponId, clone.CreatedCouponId, clone.StoreId));
        Assert.Null(await repository.GetAsync(tenant, job, Store, "v-3"));

        static (string?, string?) Read(CreateAttempt? a) => (a!.Code, a.SourceCouponId);
    }

    [Fact]
    public async Task Get_OtherTenantsJob_Nothing()
    {
        var (repository, tenant, job) = await SetUpAsync();
        await repository.SaveAsync(tenant, Attempt(job, "MD1"));

        Assert.Null(await repository.GetAsync(TenantId.Parse(azurite.UniqueName("other")), job, Store));
    }

    private async Task<(CreateAttemptRepository, TenantId, JobId)> SetUpAsync()
    {
        await azurite.Tables.CreateTableIfNotExistsAsync(TableNames.CreateAttempts);
        return (new CreateAttemptRepository(azurite.Tables), TenantId.Parse(azurite.UniqueName("t")), JobId.New());
    }

    private static CreateAttempt Attempt(JobId job, string code) =>
        new(job, Store, code, "Mid-year", Now.AddDays(2), Now.AddDays(9), Now, Now, 1, ["v-1", "v-2"]);

    private static CouponDraft Draft(string code) => new()
    {
        Name = "Mid-year", Code = code, Reward = RewardType.FixedAmount, DiscountAmount = 5m, TotalQuantity = 100,
        ValidFrom = Now.AddDays(2), ValidTo = Now.AddDays(9),
    };

    private static Coupon Listed(string id, string code) => new()
    {
        Platform = Platform.Shopee, PlatformCouponId = id, Code = code, Name = "Mid-year", Reward = RewardType.FixedAmount, DiscountAmount = 5m,
        TotalQuantity = 100, ValidFrom = Now.AddDays(2), ValidTo = Now.AddDays(9), Currency = "SGD", Status = CouponStatus.Upcoming, RawStatus = "upcoming",
    };
}
