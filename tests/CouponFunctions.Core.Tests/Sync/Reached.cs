namespace CouponFunctions.Core.Tests.Sync;

/// <summary>Waits (up to 5 s) for concurrent work to reach a point, and fails the test when it does not.</summary>
internal static class Reached
{
    public static async Task UntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++) await Task.Delay(10);
        Assert.True(condition(), "The work did not reach the expected point.");
    }
}
