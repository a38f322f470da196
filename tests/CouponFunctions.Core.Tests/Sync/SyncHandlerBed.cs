using CouponFunctions.Core.Alerts;
using CouponFunctions.Core.Common;
using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Coupons.Campaigns;
using CouponFunctions.Core.Notifications;
using CouponFunctions.Core.Performance;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Sync;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Core.Tokens;
using CouponFunctions.Core.Tests.Deployments;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Moq;

namespace CouponFunctions.Core.Tests.Sync;

/// <summary>
/// A sync handler over mocks for the tests of its write path: Lazada stores of tenant <c>t-test</c>, each run its store's
/// first attempt (nothing stored to read back), no campaigns, no alerts. The tests give the stores, their listings and
/// the coupon and coupon-day storage, and may give the detail reads (for coupons listed with fields unknown), the sync
/// state repository's answers, the read model and the connector's rate (none by default).
/// </summary>
internal static class SyncHandlerBed
{
    public static readonly DateTimeOffset Now = new(2026, 12, 6, 3, 0, 0, TimeSpan.Zero);

    /// <summary>A connected Lazada store of tenant <c>t-test</c>.</summary>
    public static readonly Store Shop = DeployTestData.Store(Platform.Lazada, "SG") with
    {
        Credentials = new StoreCredentials("access", Now.AddDays(1)),
    };

    /// <summary>A listed Lazada voucher <paramref name="id"/>, claimed 3 times (so it gets a coupon-day row), with <paramref name="unknown"/> left for its detail.</summary>
    public static Coupon Listed(string id, int i, UnknownCouponFields unknown = UnknownCouponFields.None) => new()
    {
        Platform = Platform.Lazada, PlatformCouponId = id, Code = "C" + i, Name = "Voucher " + i, Scope = CouponScope.Shop, Reward = RewardType.FixedAmount,
        DiscountAmount = 5, TotalQuantity = 100, ClaimedCount = 3, UsedCount = 1, ValidFrom = Now.AddDays(-1), ValidTo = Now.AddDays(5), Currency = "SGD",
        Status = CouponStatus.Ongoing, RawStatus = "ongoing", Unknown = unknown,
    };

    public static SyncStoreHandler Create(
        Func<StoreId, Store> storeOf,
        Func<StoreId, IAsyncEnumerable<IReadOnlyList<Coupon>>> listingOf,
        ICouponRepository coupons,
        IStoreDayTotals dayTotals,
        Func<string, Task<PlatformResult<Coupon>>>? detailOf = null,
        Action<Mock<ISyncStateRepository>>? configureStates = null,
        IStoreReadModel? readModel = null,
        PlatformRate rate = default)
    {
        var tenant = TenantId.Parse("t-test");
        var stores = new Mock<IStoreRepository>();
        stores.Setup(s => s.GetAsync(tenant, It.IsAny<StoreId>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((TenantId _, StoreId id, CancellationToken _) => storeOf(id));
        var connector = new Mock<IPlatformConnector>();
        connector.Setup(c => c.Rate).Returns(rate);
        connector.Setup(c => c.ListCouponsAsync(It.IsAny<StoreConnection>(), It.IsAny<CancellationToken>()))
            .Returns((StoreConnection connection, CancellationToken _) => listingOf(connection.StoreId));
        if (detailOf is not null)
        {
            connector.Setup(c => c.GetCouponAsync(It.IsAny<StoreConnection>(), It.IsAny<string>(), It.IsAny<CancellationToken>()))
                .Returns((StoreConnection _, string id, CancellationToken _) => detailOf(id));
        }
        var connectors = new Mock<IPlatformConnectors>();
        connectors.Setup(c => c.For(Platform.Lazada)).Returns(connector.Object);
        var states = new Mock<ISyncStateRepository>();
        states.Setup(s => s.TryAcquireAsync(null, tenant, It.IsAny<StoreId>(), It.IsAny<string>(), It.IsAny<DateTimeOffset>(), It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((SyncState? _, TenantId t, StoreId store, string owner, DateTimeOffset until, DateTimeOffset _, CancellationToken _) =>
                new SyncLease(t, store, owner, until, new SyncState(t, store, owner, until, null, null, null, null, 0, 0, null), FirstAttempt: true));
        configureStates?.Invoke(states);
        var campaigns = new Mock<ICouponCampaigns>();
        campaigns.Setup(c => c.GetStoreAsync(tenant, It.IsAny<StoreId>(), It.IsAny<CancellationToken>())).ReturnsAsync(new Dictionary<string, string>());
        var alertSettings = new Mock<IAlertSettingsRepository>();
        var sink = new Mock<INotificationSink>();
        return new SyncStoreHandler(stores.Object, connectors.Object, coupons, states.Object, readModel ?? new Mock<IStoreReadModel>().Object,
            new StockOutAlerts(coupons, alertSettings.Object, sink.Object),
            new RefreshStoreTokenHandler(stores.Object, connectors.Object, alertSettings.Object, sink.Object, TimeProvider.System, NullLogger<RefreshStoreTokenHandler>.Instance),
            Options.Create(new SyncOptions()), new AdminLinks(new Uri("https://admin.example/")), new DayTotalsRecorder(dayTotals, campaigns.Object),
            TimeProvider.System, NullLogger<SyncStoreHandler>.Instance);
    }
}
