namespace CouponFunctions.Platforms.Tests.TestDoubles;

/// <summary>Waits for a condition that another thread makes true (not a timing assertion: the limit only stops a hang).</summary>
internal static class Eventually
{
    public static async Task True(Func<bool> condition)
    {
        for (var i = 0; i < 1000 && !condition(); i++) await Task.Delay(5);
        Assert.True(condition(), "The condition did not become true.");
    }
}
