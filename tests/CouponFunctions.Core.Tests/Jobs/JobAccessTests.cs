using CouponFunctions.Core.Common;
using CouponFunctions.Core.Jobs;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Core.Tests.Jobs;

public sealed class JobAccessTests
{
    private static readonly StoreId A = StoreId.Parse("s-a"), B = StoreId.Parse("s-b");

    private static Caller Caller(ApiKeyRole role, params StoreId[] scope) =>
        new(TenantId.Parse("t-test"), "k-1", role, scope.Length == 0 ? null : scope.ToHashSet());

    [Theory]
    [InlineData(ApiKeyRole.Viewer, false, OutcomeKind.Ok)]
    [InlineData(ApiKeyRole.Viewer, true, OutcomeKind.Forbidden)]
    [InlineData(ApiKeyRole.Editor, true, OutcomeKind.Ok)]
    [InlineData(ApiKeyRole.Admin, true, OutcomeKind.Ok)]
    public void Check_Role_EditorsAct(ApiKeyRole role, bool act, OutcomeKind expected) =>
        Assert.Equal(expected, JobAccess.Check(Caller(role), [A, B], act).Kind);

    [Fact]
    public void Check_ScopedKeyOutsideItsStores_ForbiddenNamingThem()
    {
        var result = JobAccess.Check(Caller(ApiKeyRole.Editor, A), [A, B], act: true);

        Assert.Equal(OutcomeKind.Forbidden, result.Kind);
        Assert.Contains("s-b", result.Message);
        Assert.DoesNotContain("s-a", result.Message);
    }

    [Fact]
    public void Check_ScopedKeyInsideItsStores_Ok() => Assert.True(JobAccess.Check(Caller(ApiKeyRole.Editor, A, B), [A], act: true).IsOk);

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public void CanRead_ScopedKey_OnlyJobsWithinItsStores(bool scopedToA, bool expected) =>
        Assert.Equal(expected, JobAccess.CanRead(scopedToA ? Caller(ApiKeyRole.Viewer, A) : Caller(ApiKeyRole.Viewer), [A, B]));
}
