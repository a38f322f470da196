using CouponFunctions.Core.Attention;
using CouponFunctions.Core.Common;
using CouponFunctions.Core.Inspections;
using CouponFunctions.Core.Inspections.Runs;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Core.Tests.Inspections;
using CouponFunctions.Core.Tests.Sync;
using Moq;
using static CouponFunctions.Core.Tests.Inspections.InspectionTestData;

namespace CouponFunctions.Core.Tests.Attention;

public sealed class AcknowledgeFindingHandlerTests
{
    private static readonly TenantId TenantOf = InspectionTestData.Tenant;
    private static readonly Store Bangkok = Store();
    private static readonly TrackedFinding Open = new(MakeFinding(FindingCodes.StockOut, "v-1", FindingSeverity.Critical), FindingState.Ongoing, Now.AddDays(-1), Now);
    private static readonly TrackedFinding Gone = new(MakeFinding(FindingCodes.StockLow, "v-2"), FindingState.Resolved, Now.AddDays(-2), Now.AddDays(-1));
    private static readonly Caller Editor = new(TenantOf, "k-ed", ApiKeyRole.Editor, null);

    private readonly Mock<IFindingAcknowledgements> _acks = new();
    private readonly AcknowledgeFindingHandler _handler;

    public AcknowledgeFindingHandlerTests()
    {
        var stores = new Mock<IStoreRepository>();
        stores.Setup(s => s.GetAsync(TenantOf, Bangkok.Id, It.IsAny<CancellationToken>())).ReturnsAsync(Bangkok);
        var inspections = new Mock<IInspectionRepository>();
        inspections.Setup(i => i.GetLatestRunAsync(TenantOf, Bangkok.Id, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new StoreInspectionRun(TenantOf, Bangkok.Id, "2026-11-21T09:00", Now, [Open, Gone]));
        var keys = new Mock<IApiKeyRepository>();
        keys.Setup(k => k.GetAsync(TenantOf, "k-ed", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ApiKey(TenantOf, "k-ed", "Mai (ops)", ApiKeyRole.Editor, null, "hash", Now.AddDays(-9)));
        _handler = new AcknowledgeFindingHandler(stores.Object, inspections.Object, _acks.Object, keys.Object, new FixedClock(Now));
    }

    [Fact]
    public async Task AcknowledgeAsync_OpenFinding_RecordsWhoWhenAndFingerprint()
    {
        var result = await _handler.AcknowledgeAsync(Editor, Bangkok.Id, Open.Key, snoozeUntil: null);

        Assert.True(result.IsOk);
        Assert.Equal(("k-ed", "Mai (ops)", Now, (DateTimeOffset?)null), (result.Value.ByKeyId, result.Value.ByName, result.Value.At, result.Value.SnoozedUntil));
        Assert.True(result.Value.Covers(Open, Now));
        _acks.Verify(a => a.SaveAsync(result.Value, It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task AcknowledgeAsync_Snooze_KeepsTheDate()
    {
        var until = Now.AddDays(3);

        var result = await _handler.AcknowledgeAsync(Editor, Bangkok.Id, Open.Key, until);

        Assert.Equal(until, result.Value!.SnoozedUntil);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(91 * 24)]
    public async Task AcknowledgeAsync_SnoozeInThePastOrTooFar_IsInvalidAndWritesNothing(int hours)
    {
        var result = await _handler.AcknowledgeAsync(Editor, Bangkok.Id, Open.Key, Now.AddHours(hours));

        Assert.Equal(OutcomeKind.Invalid, result.Kind);
        Assert.True(result.Errors!.ContainsKey("snoozeUntil"));
        _acks.Verify(a => a.SaveAsync(It.IsAny<FindingAcknowledgement>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task AcknowledgeAsync_ResolvedOrUnknownFinding_IsNotFound()
    {
        var resolved = await _handler.AcknowledgeAsync(Editor, Bangkok.Id, Gone.Key, null);
        var unknown = await _handler.AcknowledgeAsync(Editor, Bangkok.Id, "stock.out|s-bkk|nope", null);

        Assert.Equal((OutcomeKind.NotFound, OutcomeKind.NotFound), (resolved.Kind, unknown.Kind));
        _acks.Verify(a => a.SaveAsync(It.IsAny<FindingAcknowledgement>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task AcknowledgeAsync_StoreOutsideTheKeysScope_IsNotFound()
    {
        var scoped = Editor with { StoreScope = new HashSet<StoreId> { StoreId.Parse("s-other") } };

        var result = await _handler.AcknowledgeAsync(scoped, Bangkok.Id, Open.Key, null);

        Assert.Equal(OutcomeKind.NotFound, result.Kind);
    }

    [Fact]
    public async Task WithdrawAsync_VisibleStore_DeletesTheAcknowledgement()
    {
        var result = await _handler.WithdrawAsync(Editor, Bangkok.Id, Open.Key);

        Assert.True(result.IsOk);
        _acks.Verify(a => a.DeleteAsync(TenantOf, Bangkok.Id, Open.Key, It.IsAny<CancellationToken>()), Times.Once);
    }
}
