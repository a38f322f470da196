using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Storage.Blobs;
using CouponFunctions.Core.Performance;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Storage.Performance;
using CouponFunctions.Storage.Tests.Infrastructure;
using CouponFunctions.Testing;

namespace CouponFunctions.Storage.Tests.Performance;

[Collection(AzuriteCollection.Name)]
public sealed class DayTotalsStoreTests(AzuriteFixture azurite)
{
    private static readonly DateOnly Day = new(2026, 11, 1);

    [Fact]
    public async Task Read_ManyStoresOverFiveWeeks_ReadsEveryStoreDayOfThePeriodOnly()
    {
        var (dayTotals, tenant) = await SetUpAsync();
        var stores = Enumerable.Range(0, 25).Select(i => StoreId.Parse($"s-{i:D2}")).ToList();
        foreach (var store in stores)
            for (var d = 0; d < 36; d++)
                await dayTotals.SaveAsync(tenant, new StoreDayTotals(store, Day.AddDays(d), d, 1, 5m, 50m, "THB"));

        var totals = await dayTotals.ReadAsync(tenant, Day.AddDays(1), Day.AddDays(34));

        Assert.Equal(25 * 34, totals.Count);
        Assert.Equal((Day.AddDays(1), Day.AddDays(34)), (totals.Min(t => t.Day), totals.Max(t => t.Day)));
        Assert.Equal(stores.Select(s => s.Value), totals.Select(t => t.StoreId.Value).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(Enumerable.Range(1, 34).Sum() * 25, totals.Sum(t => t.Claims));
        Assert.Equal(totals.Select(t => t.Day).Order(), totals.Select(t => t.Day));
        Assert.Empty(await dayTotals.ReadAsync(TenantId.Parse(azurite.UniqueName("t")), Day, Day.AddDays(40)));
    }

    [Fact]
    public async Task Save_RetriedWithNewerFigures_KeepsOneEntryOfAbsoluteValuesWithItsCampaigns()
    {
        var (totals, tenant) = await SetUpAsync();
        var store = StoreId.Parse("s-1");
        var figures = new[] { new CouponDayFigures("v1", Day, 0, 0, 10, 2, 5.25m, 50m, "THB"), new CouponDayFigures("v2", Day, 0, 0, 4, 1, 5m, null, "THB") };
        var tags = new Dictionary<string, string> { ["v2"] = "Mid-Year Sale" };

        await totals.SaveAsync(tenant, StoreDayTotals.Sum(store, Day, "THB", figures, tags));
        var later = figures.Select(f => f with { Claimed = f.Claimed + 1 }).ToArray();
        await totals.SaveAsync(tenant, StoreDayTotals.Sum(store, Day, "THB", later, tags));
        var version = await DayVersionAsync(tenant, Day);
        await totals.SaveAsync(tenant, StoreDayTotals.Sum(store, Day, "THB", later, tags));

        var total = Assert.Single(await totals.ReadAsync(tenant, Day, Day));
        Assert.Equal((16, 3, 15.5m, 100m, "THB"), (total.Claims, total.Uses, total.DiscountGiven, total.MinOrderValue, total.Currency));
        Assert.Equal([("", 11, 2, 10.5m, 100m), ("Mid-Year Sale", 5, 1, 5m, 0m)], total.ByCampaign.Select(c => (c.Campaign, c.Claims, c.Uses, c.DiscountGiven, c.MinOrderValue)));
        Assert.Equal(version, await DayVersionAsync(tenant, Day));
    }

    [Fact]
    public async Task Read_AnotherInstanceWritesAfterARead_TheNextReadShowsIt()
    {
        var (reader, tenant) = await SetUpAsync();
        var (writer, _) = await SetUpAsync();
        var (a, b) = (StoreId.Parse("s-a"), StoreId.Parse("s-b"));
        await writer.SaveAsync(tenant, new StoreDayTotals(a, Day, 3, 1, 5m, 50m, "THB"));
        var first = await reader.ReadAsync(tenant, Day, Day.AddDays(1));

        await writer.SaveAsync(tenant, new StoreDayTotals(a, Day, 7, 2, 10m, 100m, "THB"));
        await writer.SaveAsync(tenant, new StoreDayTotals(b, Day, 1, 0, 0m, 0m, "MYR"));
        await writer.SaveAsync(tenant, new StoreDayTotals(b, Day.AddDays(1), 4, 4, 20m, 200m, "MYR"));
        var next = await reader.ReadAsync(tenant, Day, Day.AddDays(1));

        Assert.Equal([("s-a", Day, 3)], first.Select(t => (t.StoreId.Value, t.Day, t.Claims)));
        Assert.Equal([("s-a", Day, 7), ("s-b", Day, 1), ("s-b", Day.AddDays(1), 4)], next.Select(t => (t.StoreId.Value, t.Day, t.Claims)));
    }

    [Fact]
    public async Task Read_NothingChangedSinceTheLastRead_ListsTheDaysAndDownloadsNone()
    {
        var (writer, tenant) = await SetUpAsync();
        var store = StoreId.Parse("s-1");
        for (var d = 0; d < 5; d++)
            await writer.SaveAsync(tenant, new StoreDayTotals(store, Day.AddDays(d), d, 0, 0m, 0m, "THB"));
        var requests = new CountingPolicy();
        var options = new BlobClientOptions();
        options.AddPolicy(requests, HttpPipelinePosition.PerCall);
        var reader = new DayTotalsStore(new BlobServiceClient(azurite.ConnectionString, options));

        var first = await reader.ReadAsync(tenant, Day, Day.AddDays(4));
        var (firstLists, firstDownloads) = (requests.Lists, requests.Downloads);
        await writer.SaveAsync(tenant, new StoreDayTotals(store, Day.AddDays(2), 20, 0, 0m, 0m, "THB"));
        var second = await reader.ReadAsync(tenant, Day, Day.AddDays(4));
        var third = await reader.ReadAsync(tenant, Day, Day.AddDays(4));

        Assert.Equal((1, 5), (firstLists, firstDownloads));
        Assert.Equal((3, 6), (requests.Lists, requests.Downloads));
        Assert.Equal([0, 1, 2, 3, 4], first.Select(t => t.Claims));
        Assert.Equal([0, 1, 20, 3, 4], third.Select(t => t.Claims));
        Assert.Equal(third.Select(t => t.Claims), second.Select(t => t.Claims));
    }

    [Fact]
    public async Task Save_StoreWrittenFromAnotherInstanceInBetween_WritesItsFiguresAgain()
    {
        var (first, tenant) = await SetUpAsync();
        var (second, _) = await SetUpAsync();
        var store = StoreId.Parse("s-1");

        await first.SaveAsync(tenant, new StoreDayTotals(store, Day, 5, 1, 5m, 50m, "THB"));
        await second.SaveAsync(tenant, new StoreDayTotals(store, Day, 6, 1, 5m, 50m, "THB"));
        await first.SaveAsync(tenant, new StoreDayTotals(store, Day, 5, 1, 5m, 50m, "THB"));

        Assert.Equal(5, Assert.Single(await second.ReadAsync(tenant, Day, Day)).Claims);
    }

    [Fact]
    public async Task Save_ManyStoresOfOneTenantAtOnceFromSeveralInstances_KeepsEveryStore()
    {
        var (_, tenant) = await SetUpAsync();
        var instances = new List<DayTotalsStore>();
        for (var i = 0; i < 4; i++) instances.Add((await SetUpAsync()).Totals);
        var stores = Enumerable.Range(0, 24).Select(i => StoreId.Parse($"s-{i:D2}")).ToList();

        await Parallel.ForEachAsync(stores.Select((s, i) => (s, i)), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (store, token) =>
        {
            var dayTotals = instances[store.i % instances.Count];
            for (var claims = 1; claims <= 3; claims++)
                await dayTotals.SaveAsync(tenant, new StoreDayTotals(store.s, Day, claims * 10 + store.i, 1, 5m, 50m, "THB"), token);
        });
        var (fresh, _) = await SetUpAsync();

        var totals = await fresh.ReadAsync(tenant, Day, Day);
        Assert.Equal(stores.Select((s, i) => (s.Value, 30 + i)), totals.Select(t => (t.StoreId.Value, t.Claims)));
    }

    [Fact]
    public async Task Save_ManyStoresOfOneTenantAtOnceInOneInstance_GoOutTogetherInOneOrTwoUploads()
    {
        var (_, tenant) = await SetUpAsync();
        var uploads = new HeldUploads();
        var dayTotals = Instance(uploads);
        var stores = Enumerable.Range(0, 48).Select(i => StoreId.Parse($"s-{i:D2}")).ToList();

        // The first upload is held until every store has saved: the saves that arrive meanwhile wait for it and go out together.
        var saves = new List<Task> { dayTotals.SaveAsync(tenant, new StoreDayTotals(stores[0], Day, 0, 1, 5m, 50m, "THB")) };
        await uploads.FirstArrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
        saves.AddRange(stores.Skip(1).Select((s, i) => dayTotals.SaveAsync(tenant, new StoreDayTotals(s, Day, i + 1, 1, 5m, 50m, "THB"))));
        uploads.Release.SetResult();
        await Task.WhenAll(saves);

        var (fresh, _) = await SetUpAsync();
        Assert.Equal(stores.Select((s, i) => (s.Value, i)), (await fresh.ReadAsync(tenant, Day, Day)).Select(t => (t.StoreId.Value, t.Claims)));
        Assert.Equal(2, uploads.Count);
    }

    [Fact]
    public async Task Save_UploadFails_FailsTheSavesItCarriedAndTheSavesWaitingBehindItStillGoOut()
    {
        var (_, tenant) = await SetUpAsync();
        var uploads = new HeldUploads { FailFirst = true };
        var dayTotals = Instance(uploads);
        var (a, b, c) = (StoreId.Parse("s-a"), StoreId.Parse("s-b"), StoreId.Parse("s-c"));

        var first = dayTotals.SaveAsync(tenant, new StoreDayTotals(a, Day, 1, 0, 0m, 0m, "THB"));
        await uploads.FirstArrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var waiting = new[] { dayTotals.SaveAsync(tenant, new StoreDayTotals(b, Day, 2, 0, 0m, 0m, "THB")), dayTotals.SaveAsync(tenant, new StoreDayTotals(c, Day, 3, 0, 0m, 0m, "THB")) };
        uploads.Release.SetResult();

        Assert.Equal("upload refused", (await Assert.ThrowsAsync<InvalidOperationException>(() => first)).Message);
        await Task.WhenAll(waiting);
        var (fresh, _) = await SetUpAsync();
        Assert.Equal([("s-b", 2), ("s-c", 3)], (await fresh.ReadAsync(tenant, Day, Day)).Select(t => (t.StoreId.Value, t.Claims)));
        Assert.Equal(2, uploads.Count);
        await dayTotals.SaveAsync(tenant, new StoreDayTotals(a, Day, 1, 0, 0m, 0m, "THB"));
        Assert.Equal([1, 2, 3], (await fresh.ReadAsync(tenant, Day, Day)).Select(t => t.Claims));
    }

    [Fact]
    public async Task Read_TwoTenantsWithTheSameStoreAndDay_NeverMix()
    {
        var (dayTotals, one) = await SetUpAsync();
        var other = TenantId.Parse(one.Value + "x");
        var store = StoreId.Parse("s-1");
        await dayTotals.SaveAsync(one, new StoreDayTotals(store, Day, 5, 1, 5m, 50m, "THB"));
        await dayTotals.SaveAsync(other, new StoreDayTotals(store, Day, 9, 9, 45m, 450m, "THB"));

        var ones = await dayTotals.ReadAsync(one, Day, Day);
        var others = await dayTotals.ReadAsync(other, Day, Day);

        Assert.Equal(5, Assert.Single(ones).Claims);
        Assert.Equal(9, Assert.Single(others).Claims);
    }

    [Fact]
    public async Task Read_PeriodOverTheYearEnd_ReadsItsDaysOnly()
    {
        var (dayTotals, tenant) = await SetUpAsync();
        var store = StoreId.Parse("s-1");
        var start = new DateOnly(2026, 12, 29);
        for (var d = 0; d < 7; d++)
            await dayTotals.SaveAsync(tenant, new StoreDayTotals(store, start.AddDays(d), d, 0, 0m, 0m, "THB"));

        var totals = await dayTotals.ReadAsync(tenant, start.AddDays(1), start.AddDays(5));

        Assert.Equal([new DateOnly(2026, 12, 30), new DateOnly(2026, 12, 31), new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 2), new DateOnly(2027, 1, 3)], totals.Select(t => t.Day));
    }

    /// <summary>Counts the blob listings and downloads a client sends.</summary>
    private sealed class CountingPolicy : HttpPipelineSynchronousPolicy
    {
        private int _lists, _downloads;

        public int Lists => _lists;

        public int Downloads => _downloads;

        public override void OnSendingRequest(HttpMessage message)
        {
            if (message.Request.Method != RequestMethod.Get) return;
            if (message.Request.Uri.Query.Contains("comp=list", StringComparison.Ordinal)) Interlocked.Increment(ref _lists);
            else Interlocked.Increment(ref _downloads);
        }
    }

    /// <summary>Counts a client's uploads; holds the first until released (and then fails it, with <see cref="FailFirst"/>).</summary>
    private sealed class HeldUploads : HttpPipelinePolicy
    {
        private int _count;

        public bool FailFirst { get; init; }

        public int Count => _count;

        public TaskCompletionSource FirstArrived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            if (message.Request.Method == RequestMethod.Put && Interlocked.Increment(ref _count) == 1)
            {
                FirstArrived.SetResult();
                await Release.Task;
                if (FailFirst) throw new InvalidOperationException("upload refused");
            }
            await ProcessNextAsync(message, pipeline);
        }

        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
            throw new NotSupportedException("The day totals upload asynchronously.");
    }

    private DayTotalsStore Instance(HttpPipelinePolicy policy)
    {
        var options = new BlobClientOptions();
        options.AddPolicy(policy, HttpPipelinePosition.PerCall);
        return new DayTotalsStore(new BlobServiceClient(azurite.ConnectionString, options));
    }

    private async Task<string?> DayVersionAsync(TenantId tenant, DateOnly day)
    {
        var blob = azurite.Blobs.GetBlobContainerClient(ContainerNames.DayTotals).GetBlobClient(DayTotalsBlob.Name(tenant, day));
        return (await blob.GetPropertiesAsync()).Value.ETag.ToString();
    }

    /// <summary>The day totals as one app instance has them (its own cache of days), and a fresh tenant.</summary>
    private async Task<(DayTotalsStore Totals, TenantId Tenant)> SetUpAsync()
    {
        await azurite.Blobs.GetBlobContainerClient(ContainerNames.DayTotals).CreateIfNotExistsAsync();
        return (new DayTotalsStore(azurite.Blobs), TenantId.Parse(azurite.UniqueName("t")));
    }
}
