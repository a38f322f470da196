using System.Runtime.CompilerServices;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Queues;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Sync;
using CouponFunctions.Core.Tenancy;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace CouponFunctions.Core.Tests.Sync;

public sealed class PlanSyncHandlerTests
{
    private static readonly FixedClock Clock = new(new DateTimeOffset(2026, 11, 21, 3, 0, 0, TimeSpan.Zero));
    private static readonly TenantId Tenant = TenantId.Parse("t-plan");

    [Fact]
    public async Task HandleAsync_ManyStoresOfOnePlatform_SpreadsThemEvenlyOverTheWindow()
    {
        var stores = Enumerable.Range(0, 10).Select(i => NewStore($"s-{i:D2}", Platform.Shopee)).Append(NewStore("s-laz", Platform.Lazada)).ToList();
        var queue = new CapturingQueue();

        var planned = await Handler(stores, [], queue).HandleAsync();

        Assert.Equal(11, planned);
        var shopee = queue.Sent.Where(s => s.Message.StoreId != "s-laz").Select(s => s.Delay ?? TimeSpan.Zero).Order().ToList();
        Assert.Equal(Enumerable.Range(0, 10).Select(i => TimeSpan.FromSeconds(30 * i)), shopee);
        Assert.Equal(TimeSpan.Zero, queue.Sent.Single(s => s.Message.StoreId == "s-laz").Delay ?? TimeSpan.Zero);
    }

    [Fact]
    public async Task HandleAsync_SeveralPlatforms_InterleavesThemInTheQueue()
    {
        var stores = Enumerable.Range(0, 3).SelectMany(i => new[] { NewStore($"s-a{i}", Platform.TikTok), NewStore($"s-b{i}", Platform.Shopee) }).ToList();
        var queue = new CapturingQueue();

        await Handler(stores, [], queue).HandleAsync();

        Assert.Equal(["s-b0", "s-a0", "s-b1", "s-a1", "s-b2", "s-a2"], queue.Sent.Select(s => s.Message.StoreId));
    }

    [Fact]
    public async Task HandleAsync_DisabledUnconnectedOrJustSynced_AreNotPlanned()
    {
        var stores = new[]
        {
            NewStore("s-due", Platform.Shopee),
            NewStore("s-off", Platform.Shopee) with { Status = StoreStatus.Disabled },
            NewStore("s-new", Platform.Shopee) with { Credentials = StoreCredentials.None },
            NewStore("s-fresh", Platform.Shopee),
        };
        var fresh = new SyncState(Tenant, StoreId.Parse("s-fresh"), null, null, null, Clock.GetUtcNow().AddMinutes(-3), SyncRunStatus.Succeeded, null, 0, 10, "v");
        var queue = new CapturingQueue();

        await Handler(stores, [fresh], queue).HandleAsync();

        Assert.Equal(["s-due"], queue.Sent.Select(s => s.Message.StoreId));
    }

    [Fact]
    public async Task HandleAsync_StoresOfDifferentSizes_HeaviestStartFirstWithinEachPlatformsSpread()
    {
        var sizes = new Dictionary<string, int> { ["s-small"] = 50, ["s-big"] = 5_000, ["s-mid"] = 800, ["s-empty"] = 0 };
        var stores = sizes.Keys.Select(id => NewStore(id, Platform.Shopee)).Append(NewStore("s-laz-a", Platform.Lazada)).Append(NewStore("s-laz-b", Platform.Lazada)).ToList();
        var states = sizes.Select(p => Synced(p.Key, p.Value))
            .Append(Synced("s-laz-a", 10)).Append(Synced("s-laz-b", 20_000)).ToList();
        var queue = new CapturingQueue();

        await Handler(stores, states, queue).HandleAsync();

        Assert.Equal(["s-big", "s-laz-b", "s-mid", "s-laz-a", "s-small", "s-empty"], queue.Sent.Select(s => s.Message.StoreId));
        var shopee = queue.Sent.Where(s => sizes.ContainsKey(s.Message.StoreId)).ToList();
        Assert.Equal(["s-big", "s-mid", "s-small", "s-empty"], shopee.OrderBy(s => s.Delay ?? TimeSpan.Zero).Select(s => s.Message.StoreId));
        Assert.Equal([0, 75, 150, 225], shopee.Select(s => (s.Delay ?? TimeSpan.Zero).TotalSeconds));
    }

    [Fact]
    public async Task HandleAsync_StoreNeverSyncedBesideKnownStores_GoesFirstAsAnUnknownThatMayBeLarge()
    {
        var stores = new[] { NewStore("s-known", Platform.Shopee), NewStore("s-new", Platform.Shopee), NewStore("s-failed", Platform.Shopee) };
        var failed = new SyncState(Tenant, StoreId.Parse("s-failed"), null, null, Clock.GetUtcNow().AddDays(-1), null, SyncRunStatus.Failed, null, 1, 0, "v");
        var queue = new CapturingQueue();

        await Handler(stores, [Synced("s-known", 9_000), failed], queue).HandleAsync();

        Assert.Equal(["s-failed", "s-new", "s-known"], queue.Sent.Select(s => s.Message.StoreId));
    }

    /// <summary>Last synced successfully a day ago (so due again) and saw <paramref name="coupons"/> coupons.</summary>
    private static SyncState Synced(string storeId, int coupons) =>
        new(Tenant, StoreId.Parse(storeId), null, null, null, Clock.GetUtcNow().AddDays(-1), SyncRunStatus.Succeeded, null, 0, coupons, "v");

    private static PlanSyncHandler Handler(IReadOnlyList<Store> stores, IReadOnlyList<SyncState> states, IWorkQueue queue)
    {
        var repository = new Mock<IStoreRepository>();
        repository.Setup(r => r.ListAllAsync(It.IsAny<CancellationToken>())).Returns(ToAsync(stores));
        var syncStates = new Mock<ISyncStateRepository>();
        syncStates.Setup(s => s.ListAsync(Tenant, It.IsAny<CancellationToken>())).ReturnsAsync(states);
        return new PlanSyncHandler(repository.Object, syncStates.Object, queue,
            Options.Create(new SyncOptions { SpreadWindow = TimeSpan.FromMinutes(5) }), Clock, NullLogger<PlanSyncHandler>.Instance);
    }

    private static Store NewStore(string id, Platform platform) => new()
    {
        TenantId = Tenant, Id = StoreId.Parse(id), Platform = platform, Site = "SG", ShopId = id, DisplayName = id, TimeZoneId = "Asia/Singapore",
        Credentials = new StoreCredentials("token", Clock.GetUtcNow().AddHours(4)), CreatedAt = Clock.GetUtcNow(), UpdatedAt = Clock.GetUtcNow(),
    };

    private static async IAsyncEnumerable<Store> ToAsync(IEnumerable<Store> stores, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var store in stores)
        {
            await Task.Yield();
            yield return store;
        }
    }

    private sealed class CapturingQueue : IWorkQueue
    {
        public List<(SyncStoreMessage Message, TimeSpan? Delay)> Sent { get; } = [];

        public Task EnqueueAsync<TMessage>(TMessage message, TimeSpan? delay = null, CancellationToken cancellationToken = default)
            where TMessage : class
        {
            Sent.Add(((message as SyncStoreMessage)!, delay));
            return Task.CompletedTask;
        }
    }
}
