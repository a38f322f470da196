using CouponFunctions.Core.Common;

namespace CouponFunctions.Core.Tests.Common;

public sealed class RequestTimingsTests
{
    [Fact]
    public async Task Measure_SpansOfOneNameOnConcurrentFlows_AddUpWithTheirCount()
    {
        var timings = RequestTimings.Start();

        await Task.WhenAll(Enumerable.Range(0, 3).Select(async _ =>
        {
            using (RequestTimings.Measure("storage")) await Task.Yield();
        }));
        using (RequestTimings.Measure("query")) { }

        Assert.Equal(3, timings.Get("storage")!.Value.Count);
        Assert.Equal(1, timings.Get("query")!.Value.Count);
        Assert.Null(timings.Get("auth"));
        Assert.Collection(timings.ToMetrics(),
            m => Assert.Matches(@"^storage;dur=\d+\.\d;desc=""3 calls""$", m),
            m => Assert.Matches(@"^query;dur=\d+\.\d$", m));
    }

    [Fact]
    public async Task Measure_OutsideARequest_RecordsNothing()
    {
        var inside = await Task.Run(() =>
        {
            var timings = RequestTimings.Start();
            using (RequestTimings.Measure("rows")) { }
            return timings;
        });

        // Started on another flow: this one has none, and another request's timings never see this flow's spans.
        Assert.Null(RequestTimings.Current);
        using (RequestTimings.Measure("rows")) { }
        Assert.Equal(1, inside.Get("rows")!.Value.Count);
    }
}
