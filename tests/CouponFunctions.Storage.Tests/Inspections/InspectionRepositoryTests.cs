using CouponFunctions.Core.Inspections;
using CouponFunctions.Core.Inspections.Runs;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Storage.Inspections;
using CouponFunctions.Storage.Tests.Infrastructure;
using CouponFunctions.Testing;

namespace CouponFunctions.Storage.Tests.Inspections;

[Collection(AzuriteCollection.Name)]
public sealed class InspectionRepositoryTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 21, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task TryMarkPlanned_TwoPlannersFromTheSameRead_OnlyOneWins()
    {
        var (repository, tenant, store) = await SetUpAsync();
        Assert.True(await repository.TryMarkPlannedAsync(tenant, store, "20261121T09", Now, version: null));
        Assert.False(await repository.TryMarkPlannedAsync(tenant, store, "20261121T09", Now, version: null));
        var read = Assert.Single(await repository.ListStatesAsync(tenant));

        var first = await repository.TryMarkPlannedAsync(tenant, store, "20261121T15", Now.AddHours(6), read.Version);
        var second = await repository.TryMarkPlannedAsync(tenant, store, "20261121T15", Now.AddHours(6), read.Version);

        Assert.True(first);
        Assert.False(second);
        Assert.Equal("20261121T15", Assert.Single(await repository.ListStatesAsync(tenant)).PlannedSlotKey);
    }

    [Fact]
    public async Task SaveRun_RetriedWithFewerFindings_KeepsOnlyTheRetrysFindings()
    {
        var (repository, tenant, store) = await SetUpAsync();
        var many = Enumerable.Range(0, 150).Select(i => Tracked(tenant, store, $"c{i}")).ToList();
        await repository.SaveRunAsync(new StoreInspectionRun(tenant, store, "20261121T09", Now, many));

        await repository.SaveRunAsync(new StoreInspectionRun(tenant, store, "20261121T09", Now.AddMinutes(1), many.Take(2).ToList()));
        var latest = await repository.GetLatestRunAsync(tenant, store);

        Assert.Equal(["c0", "c1"], latest!.Findings.Select(f => f.Finding.PlatformCouponId).Order());
        Assert.Equal(Now.AddMinutes(1), latest.InspectedAt);
    }

    private async Task<(InspectionRepository, TenantId, StoreId)> SetUpAsync()
    {
        await azurite.Tables.CreateTableIfNotExistsAsync(TableNames.Inspections);
        await azurite.Tables.CreateTableIfNotExistsAsync(TableNames.InspectionState);
        return (new InspectionRepository(azurite.Tables), TenantId.Parse(azurite.UniqueName("t")), StoreId.New());
    }

    private static TrackedFinding Tracked(TenantId tenant, StoreId store, string couponId) => new(new Finding
    {
        Code = "expiry.soon", Severity = FindingSeverity.Warning, TenantId = tenant, StoreId = store, PlatformCouponId = couponId, Message = "m", Action = "a",
    }, FindingState.New, Now, Now);
}
