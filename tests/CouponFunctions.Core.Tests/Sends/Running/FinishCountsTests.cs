using CouponFunctions.Core.Sends;
using CouponFunctions.Core.Sends.Running;

namespace CouponFunctions.Core.Tests.Sends.Running;

public sealed class FinishCountsTests
{
    [Fact]
    public void FromWaves_UnsentRowsAgreeWithTheWaves_TheWavesCounts() =>
        Assert.Equal(new OutcomeCounts(0, 99_990, 10), FinishCounts.FromWaves(new SendCounts(100_000, 99_990, 10), new OutcomeCounts(0, 0, 10)));

    [Theory]
    [InlineData(0, 0, 11)] // a failed row the waves did not count
    [InlineData(1, 0, 10)] // a message left attempted (a wave given up on, or a crash the waves did not see)
    [InlineData(0, 0, 9)]
    public void FromWaves_UnsentRowsDisagree_EveryRowMustBeRead(int attempted, int sent, int failed) =>
        Assert.Null(FinishCounts.FromWaves(new SendCounts(100_000, 99_990, 10), new OutcomeCounts(attempted, sent, failed)));

    [Fact]
    public void FromWaves_MessagesTheWavesDidNotCount_EveryRowMustBeRead() =>
        Assert.Null(FinishCounts.FromWaves(new SendCounts(100_000, 99_000, 10), new OutcomeCounts(0, 0, 10)));
}
