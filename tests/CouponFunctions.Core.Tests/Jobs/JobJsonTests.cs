using System.Text.Json;
using CouponFunctions.Core.Common;
using CouponFunctions.Core.Deployments;
using CouponFunctions.Core.Jobs;
using CouponFunctions.Core.Stores;
using static CouponFunctions.Core.Tests.Jobs.JobTestData;

namespace CouponFunctions.Core.Tests.Jobs;

/// <summary>Jobs, items and attempts travel as activity inputs and stored documents: they must survive the shared JSON shape.</summary>
public sealed class JobJsonTests
{
    private static T RoundTrip<T>(T value) => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, MessageJson.Options), MessageJson.Options)!;

    [Fact]
    public void Serialize_JobAndItem_RoundTrip()
    {
        var job = Job(Counts(pending: 1, failed: 1), cancelRequested: true);
        var item = Item(JobItemState.Failed, outcome: ItemOutcome.NotSupported("no"));

        Assert.Equal(job, RoundTrip(job));
        Assert.Equal(item, RoundTrip(item));
        Assert.Contains("\"status\":\"running\"", JsonSerializer.Serialize(job, MessageJson.Options));
    }

    [Fact]
    public void Serialize_CreateAttempt_RoundTrips()
    {
        var attempt = new CreateAttempt(JobId.Parse("job-1"), StoreId.Parse("s-shop1"), "MDABC", "Mid-year", Now, Now.AddDays(7), Now, Now, 2, ["v-old"], "v-new");

        var back = RoundTrip(attempt);

        Assert.Equal(attempt with { PreexistingCouponIds = back.PreexistingCouponIds }, back);
        Assert.Equal(["v-old"], back.PreexistingCouponIds);
    }
}
