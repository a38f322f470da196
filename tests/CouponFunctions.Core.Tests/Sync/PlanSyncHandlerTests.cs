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

    [Fact]
    public async Task HandleAsync_FleetNeverSynced_ShortSyncsAfterTheLongOnesAndEachPlatformsLastWaveAtTheEnd()
    {
        // B1's fleet: 25 stores a platform, none synced yet. Shopee and TikTok read a detail per coupon, Lazada lists 50 a call.
        var stores = new[] { Platform.Shopee, Platform.Lazada, Platform.TikTok }
            .SelectMany(p => Enumerable.Range(0, 25).Select(i => NewStore($"s-{p.ToWire()}-{i:D2}", p))).ToList();
        var queue = new CapturingQueue();

        await Handler(stores, [], queue).HandleAsync();

        var order = queue.Sent.Select(s => s.Message.StoreId).ToList();
        string[] Interleaved(int from, int to) => [.. Enumerable.Range(from, to - from).SelectMany(i => new[] { $"s-shopee-{i:D2}", $"s-tiktok-{i:D2}" })];
        // 500 calls/s per app and 50 per shop: 10 stores fill a platform's app limit, so each platform ends on 10 of its stores.
        Assert.Equal(Interleaved(0, 15), order.Take(30));
        Assert.Equal(Enumerable.Range(0, 25).Select(i => $"s-lazada-{i:D2}"), order.Skip(30).Take(25));
        Assert.Equal(Interleaved(15, 25), order.Skip(55));
        Assert.Equal(order.Skip(55), queue.Sent.Where(s => s.Message.LastWave).Select(s => s.Message.StoreId));
    }

    [Fact]
    public async Task HandleAsync_FewStoresAPlatform_NoLastWaveAndShortSyncsAfterTheLongOnes()
    {
        var stores = Enumerable.Range(0, 10).Select(i => NewStore($"s-{i:D2}", Platform.Shopee)).Append(NewStore("s-laz", Platform.Lazada)).ToList();
        var queue = new CapturingQueue();

        await Handler(stores, [Synced("s-03", 2_000), Synced("s-laz", 50_000)], queue).HandleAsync();

        // The Shopee stores never synced count as large as the largest known store: 50,000 coupons, 50,500 calls. Nine of
        // them cannot fill Shopee's app limit (10 stores do): no last wave. Lazada's 50,000 coupons are 1,000 calls and
        // s-03's 2,000 are 2,020: short syncs, after the long ones. The spread still follows each platform's order.
        Assert.Equal(["s-00", "s-01", "s-02", "s-04", "s-05", "s-06", "s-07", "s-08", "s-09", "s-laz", "s-03"], queue.Sent.Select(s => s.Message.StoreId));
        Assert.Equal(TimeSpan.FromSeconds(270), queue.Sent.Single(s => s.Message.StoreId == "s-03").Delay);
        Assert.Equal(TimeSpan.Zero, queue.Sent.Single(s => s.Message.StoreId == "s-laz").Delay ?? TimeSpan.Zero);
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
        var connectors = new Mock<IPlatformConnectors>();
        connectors.Setup(c => c.For(It.IsAny<Platform>())).Returns((Platform platform) => Connector(platform));
        return new PlanSyncHandler(repository.Object, syncStates.Object, connectors.Object, queue,
            Options.Create(new SyncOptions { SpreadWindow = TimeSpan.FromMinutes(5) }), Clock, NullLogger<PlanSyncHandler>.Instance);
    }

    /// <summary>A connector with the platform's first-listing cost (Lazada lists 50 vouchers a call; the others read a detail
    /// per coupon besides a list page of 100) at 500 calls per second per app and 50 per shop.</summary>
    private static IPlatformConnector Connector(Platform platform)
    {
        var connector = new Mock<IPlatformConnector>();
        connector.Setup(c => c.Platform).Returns(platform);
        connector.Setup(c => c.Rate).Returns(new PlatformRate(500, 50));
        connector.Setup(c => c.CallsPerCoupon).Returns(platform == Platform.Lazada ? 1.0 / 50 : 1.0 / 100 + 1);
        return connector.Object;
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
