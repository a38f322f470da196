namespace CouponFunctions.Testing;

/// <summary>Waits for something the worker does in the background (queue or timer work). The limit only bounds a broken run; it asserts no speed.</summary>
public static class Eventually
{
    public static async Task<bool> TrueAsync(Func<Task<bool>> condition, int seconds = 30)
    {
        var until = Environment.TickCount64 + seconds * 1000L;
        while (Environment.TickCount64 < until)
        {
            if (await condition()) return true;
            await Task.Delay(100);
        }
        return await condition();
    }

    public static Task<bool> TrueAsync(Func<bool> condition, int seconds = 30) => TrueAsync(() => Task.FromResult(condition()), seconds);
}
