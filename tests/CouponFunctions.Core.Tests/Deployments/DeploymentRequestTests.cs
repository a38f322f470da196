using CouponFunctions.Core.Common;
using CouponFunctions.Core.Deployments;
using CouponFunctions.Core.Jobs;

namespace CouponFunctions.Core.Tests.Deployments;

public sealed class DeploymentRequestTests
{
    private static IReadOnlyCollection<string> Fields(DeploymentInput? input)
    {
        var result = DeploymentRequest.From(input);
        Assert.Equal(OutcomeKind.Invalid, result.Kind);
        return result.Errors!.Keys;
    }

    [Fact]
    public void From_Valid_StoresInOrderWithoutDuplicatesAndCanaryFirst()
    {
        var request = DeploymentRequest.From(new DeploymentInput("tpl-1", ["s-b", "s-a", "s-b", "s-c"], true, "s-a")).Value!;

        Assert.Equal(["s-b", "s-a", "s-c"], request.StoreIds.Select(s => s.Value));
        Assert.Equal(["s-b", "s-c"], request.AfterCanary.Select(s => s.Value));
        Assert.True(request.AcknowledgeWarnings);
    }

    [Fact]
    public void From_NoCanary_AllStoresAfter() =>
        Assert.Equal(2, DeploymentRequest.From(new DeploymentInput("tpl-1", ["s-a", "s-b"], null, null)).Value!.AfterCanary.Count);

    [Fact]
    public void From_Null_ReportsBody() => Assert.Equal(["body"], Fields(null));

    [Fact]
    public void From_BadIds_NamesEach() =>
        Assert.Equal(["storeIds[1]", "templateId"], Fields(new DeploymentInput("TPL 1", ["s-a", "S A"], null, null)).Order(StringComparer.Ordinal));

    [Fact]
    public void From_NoStores_ReportsStoreIds() => Assert.Equal(["storeIds"], Fields(new DeploymentInput("tpl-1", [], null, null)));

    [Fact]
    public void From_TooManyStores_ReportsStoreIds() =>
        Assert.Equal(["storeIds"], Fields(new DeploymentInput("tpl-1", Enumerable.Range(0, 501).Select(i => $"s-{i}").ToList(), null, null)));

    [Theory]
    [InlineData("s-z")]
    [InlineData("S Z")]
    public void From_CanaryNotAmongTheStores_ReportsCanary(string canary) =>
        Assert.Equal(["canaryStoreId"], Fields(new DeploymentInput("tpl-1", ["s-a", "s-b"], null, canary)));

    [Fact]
    public void From_CanaryAsTheOnlyStore_ReportsCanary() => Assert.Equal(["canaryStoreId"], Fields(new DeploymentInput("tpl-1", ["s-a"], null, "s-a")));

    [Theory]
    [InlineData(JobItemState.Succeeded, CanaryAnswer.Approved, true)]
    [InlineData(JobItemState.Succeeded, CanaryAnswer.Rejected, false)]
    [InlineData(JobItemState.Succeeded, CanaryAnswer.TimedOut, false)]
    [InlineData(JobItemState.Failed, CanaryAnswer.Approved, false)]
    public void ContinueAfter_CanaryAndAnswer_OnlySuccessAndApproval(JobItemState canary, CanaryAnswer answer, bool expected) =>
        Assert.Equal(expected, CanaryRules.ContinueAfter(canary, answer));
}
