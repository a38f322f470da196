using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Coupons.Listing;
using CouponFunctions.Core.Performance;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Core.Tests.Inspections;
using Moq;
using static CouponFunctions.Core.Tests.Inspections.InspectionTestData;

namespace CouponFunctions.Core.Tests.Performance;

public sealed class GetPerformanceHandlerTests
{
    private static readonly TenantId Workspace = InspectionTestData.Tenant;
    private static readonly Store Bangkok = Store();
    private static readonly Store Kuala = Store("Asia/Kuala_Lumpur", site: "MY", id: "s-kul", name: "Acme MY");
    private readonly Mock<ICouponReadModel> _readModel = new();
    private readonly Mock<IReportingSettingsRepository> _settings = new();
    private IReadOnlyList<CouponListRow> _rows = [];
    private ReportingSettings _reporting = ReportingSettings.Default;

    public GetPerformanceHandlerTests()
    {
        _readModel.Setup(r => r.GetRowsAsync(Workspace, It.IsAny<CancellationToken>())).ReturnsAsync(() => _rows);
        _settings.Setup(s => s.GetAsync(Workspace, It.IsAny<CancellationToken>())).ReturnsAsync(() => _reporting);
    }

    [Fact]
    public async Task DiagnoseAsync_ScopedKeyAfterAWorkspaceCallOnTheSameRows_GetsItsStoresOnly()
    {
        var handler = Handler();
        _rows = [Row(Bangkok, "v-1", 20), Row(Kuala, "v-2", 400), Row(Kuala, "v-3", null)];

        var all = await handler.DiagnoseAsync(Caller(null));
        var scoped = await handler.DiagnoseAsync(Caller(Bangkok.Id));
        var other = await handler.DiagnoseAsync(Caller(Kuala.Id));

        // v-2 (threshold too high) before v-1 (needs exposure): the order an operator acts in.
        Assert.Equal(("v-2,v-1", 1), (Ids(all.Coupons), all.WithoutQuantity));
        Assert.Equal(("v-1", 0), (Ids(scoped.Coupons), scoped.WithoutQuantity));
        Assert.Equal(("v-2", 1), (Ids(other.Coupons), other.WithoutQuantity));
    }

    [Fact]
    public async Task DiagnoseAsync_RowsOrThresholdsChangeAfterACall_TheNextCallPlacesTheNewFigures()
    {
        var handler = Handler();
        _rows = [Row(Bangkok, "v-1", 20)];
        var before = await handler.DiagnoseAsync(Caller(null));

        _rows = [Row(Bangkok, "v-1", 400)];
        var afterSync = await handler.DiagnoseAsync(Caller(null));
        _reporting = _reporting with { Thresholds = new DiagnosisThresholds(0.9m, 0.05m) };
        var afterSettings = await handler.DiagnoseAsync(Caller(null));

        // 10 used of 20 claimed of 500 (4% claimed, 50% used); then of 400 claimed (80%, 2.5% used); then 80% and 2.5% are
        // below thresholds of 90% and 5%.
        Assert.Equal(Diagnosis.NeedsExposure, Assert.Single(before.Coupons).Diagnosis);
        Assert.Equal(Diagnosis.ThresholdTooHigh, Assert.Single(afterSync.Coupons).Diagnosis);
        Assert.Equal(Diagnosis.ConsiderEnding, Assert.Single(afterSettings.Coupons).Diagnosis);
    }

    [Fact]
    public async Task DiagnoseAsync_CouponsInEveryQuadrant_ActFirstOrderThenLowestClaimRateFirst()
    {
        var handler = Handler();
        // Of 500 each: claimed 20 / 10 used (needs exposure), 400 / 10 (threshold too high), 450 / 400 (healthy),
        // 10 / 0 and 5 / 0 (consider ending), 300 / 10 (threshold too high, lower claim rate than 400).
        _rows = [Row(Bangkok, "v-exposure", 20), Row(Bangkok, "v-high-400", 400), Row(Kuala, "v-healthy", 450, used: 400),
            Row(Kuala, "v-end-10", 10, used: 0), Row(Bangkok, "v-end-5", 5, used: 0), Row(Kuala, "v-high-300", 300)];

        var diagnosed = await handler.DiagnoseAsync(Caller(null));
        var scoped = await handler.DiagnoseAsync(Caller(Kuala.Id));

        Assert.Equal("v-end-5,v-end-10,v-high-300,v-high-400,v-exposure,v-healthy", Ids(diagnosed.Coupons));
        Assert.Equal("v-end-10,v-high-300,v-healthy", Ids(scoped.Coupons));
    }

    private GetPerformanceHandler Handler()
    {
        var stores = new Mock<IStoreRepository>();
        stores.Setup(s => s.ListAsync(Workspace, It.IsAny<CancellationToken>())).ReturnsAsync(new List<Store> { Bangkok, Kuala });
        return new GetPerformanceHandler(stores.Object, Mock.Of<IStoreDayTotals>(), _readModel.Object, _settings.Object);
    }

    private static Caller Caller(StoreId? scope) => new(Workspace, "k-1", ApiKeyRole.Viewer, scope is { } id ? new HashSet<StoreId> { id } : null);

    private static CouponListRow Row(Store store, string id, int? claimed, int? used = null) =>
        CouponListRow.From(store, used is { } u ? Coupon(id) with { ClaimedCount = claimed, UsedCount = u } : Coupon(id) with { ClaimedCount = claimed }, Now);

    private static string Ids(IReadOnlyList<DiagnosedCoupon> coupons) => string.Join(',', coupons.Select(c => c.Coupon.PlatformCouponId));
}
