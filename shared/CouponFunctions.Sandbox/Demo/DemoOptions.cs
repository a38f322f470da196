namespace CouponFunctions.Sandbox.Demo;

/// <summary>Settings of the demo data (bind them from e.g. <c>Sandbox:Demo</c>).</summary>
public sealed class DemoOptions
{
    /// <summary>Seed of every choice the demo makes: the same seed and <c>now</c> give the same coupons.</summary>
    public int Seed { get; set; } = 20_261_121;

    /// <summary>How often the hosted service of <c>AddSandboxDemo</c> advances claims and usage; zero turns it off.</summary>
    public TimeSpan AdvanceInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Every this many advances, one running coupon is claimed to its last unit (about every 10 minutes by default).</summary>
    public int StockOutEveryTicks { get; set; } = 20;

    /// <summary>Throws when a setting is out of range, naming it.</summary>
    public void Validate()
    {
        if (AdvanceInterval < TimeSpan.Zero) throw new InvalidOperationException("DemoOptions.AdvanceInterval must not be negative.");
        if (StockOutEveryTicks < 1) throw new InvalidOperationException("DemoOptions.StockOutEveryTicks must be at least 1.");
    }
}
