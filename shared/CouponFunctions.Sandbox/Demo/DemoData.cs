namespace CouponFunctions.Sandbox.Demo;

/// <summary>
/// Deterministic demo data for the local run: about a dozen stores on the four platforms, each with a few dozen coupons
/// in every state the product should make visible (upcoming, running, out of stock, low stock, ending today and within
/// 3 days in the store's own zone, paused, deactivated, ended, over the site cap, absurd thresholds, low claims with high
/// usage and the reverse), and claims that move over time (<see cref="Advance"/>) so the run looks alive.
/// Everything goes through each sandbox's own seeding API. One instance per set of sandboxes; thread-safe.
/// </summary>
public sealed class DemoData
{
    private readonly object _gate = new();
    private readonly IReadOnlyList<IDemoPlatform> _platforms;
    private readonly DemoOptions _options;
    private List<SeededStore> _stores = [];
    private DemoSeed? _seed;
    private int _ticks;

    public DemoData(SandboxSet sandboxes, DemoOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(sandboxes);
        _options = options ?? new DemoOptions();
        _options.Validate();
        Sandboxes = sandboxes;
        _platforms = [new ShopeeDemo(sandboxes.Shopee), new LazadaDemo(sandboxes.Lazada), new TikTokDemo(sandboxes.TikTok), new ShoplineDemo(sandboxes.Shopline)];
    }

    public SandboxSet Sandboxes { get; }

    /// <summary>The seed made by <see cref="Seed"/>, or null before it ran.</summary>
    public DemoSeed? Current
    {
        get
        {
            lock (_gate) return _seed;
        }
    }

    /// <summary>
    /// Registers the connectors' apps in the sandboxes, adds the demo shops and their coupons (times planned around
    /// <paramref name="now"/>), issues tokens and returns the stores. Idempotent: a second call returns the first seed;
    /// stores another instance already put in these sandboxes are not added again (they get fresh tokens).
    /// Platforms whose credentials are missing get no stores.
    /// </summary>
    public DemoSeed Seed(DemoCredentials credentials, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        lock (_gate)
        {
            if (_seed is not null) return _seed;
            var stores = new List<SeededStore>();
            foreach (var platform in _platforms.Where(p => credentials.Has(p.Platform)))
            {
                platform.RegisterApp(credentials);
                foreach (var spec in DemoCatalog.Stores.Where(s => s.Platform == platform.Platform))
                {
                    var coupons = DemoPlanner.Plan(spec, now, _options.Seed);
                    if (!platform.IsSeeded(spec, coupons[0])) platform.Seed(spec, coupons, credentials);
                    var descriptor = new DemoStore(spec.Key, spec.Platform, spec.Site, spec.ShopId, spec.DisplayName, spec.SiteInfo.TimeZoneId,
                        platform.IssueTokens(spec, credentials), coupons.Count);
                    stores.Add(new SeededStore(spec, platform, coupons, descriptor));
                }
            }
            _stores = stores;
            return _seed = new DemoSeed(now, [.. stores.Select(s => s.Descriptor)]);
        }
    }

    /// <summary>
    /// One step of buyers' activity: in each store one or two running coupons get 1–3 more claims or uses (TikTok: some
    /// of them redeemed), never beyond the quantity; every <see cref="DemoOptions.StockOutEveryTicks"/> steps one running
    /// coupon is claimed to its last unit. Deterministic: the same seed, seeding and calls give the same changes.
    /// Does nothing before <see cref="Seed"/>.
    /// </summary>
    public DemoAdvance Advance(DateTimeOffset now)
    {
        lock (_gate)
        {
            if (_seed is null) return DemoAdvance.None;
            var tick = ++_ticks;
            var random = new Random(unchecked(_options.Seed * 7_919 + tick));
            var changes = new List<DemoUsageChange>();
            var active = _stores.Where(s => s.Advancing.Count > 0).ToList();
            foreach (var store in active)
            {
                var bumps = random.Next(1, 3);
                for (var i = 0; i < bumps; i++)
                {
                    var coupon = store.Advancing[random.Next(store.Advancing.Count)];
                    var by = random.Next(1, 4);
                    var redeemed = random.Next(0, by + 1);
                    if (Move(store, coupon, now, stock => Math.Min(stock.Taken + by, stock.Quantity ?? int.MaxValue), redeemed) is { } change) changes.Add(change);
                }
            }
            if (tick % _options.StockOutEveryTicks == 0 && active.Count > 0)
            {
                var store = active[random.Next(active.Count)];
                var start = random.Next(store.Advancing.Count);
                // The first running coupon with stock left, from a random place in the store's list.
                for (var i = 0; i < store.Advancing.Count; i++)
                {
                    var coupon = store.Advancing[(start + i) % store.Advancing.Count];
                    if (Move(store, coupon, now, stock => stock.Quantity ?? stock.Taken, 0) is { StockedOut: true } change)
                    {
                        changes.Add(change);
                        break;
                    }
                }
            }
            return new DemoAdvance(tick, changes);
        }
    }

    private static DemoUsageChange? Move(SeededStore store, DemoCoupon coupon, DateTimeOffset now, Func<DemoStock, int> next, int moreRedeemed)
    {
        if (store.Platform.ReadStock(store.Spec, coupon, now) is not { } stock || stock.Taken >= stock.Quantity) return null;
        var taken = next(stock);
        if (taken <= stock.Taken) return null;
        store.Platform.WriteStock(store.Spec, coupon, stock with { Taken = taken, Redeemed = Math.Min(taken, stock.Redeemed + moreRedeemed) });
        return new DemoUsageChange(store.Spec.Platform, store.Spec.ShopId, store.Platform.CouponId(store.Spec, coupon), stock.Taken, taken, stock.Quantity);
    }

    /// <summary>Internal view of what <see cref="Seed"/> planned, for tests.</summary>
    internal IReadOnlyList<(DemoStoreSpec Spec, IReadOnlyList<DemoCoupon> Coupons)> Planned
    {
        get
        {
            lock (_gate) return [.. _stores.Select(s => (s.Spec, s.Coupons))];
        }
    }

    private sealed record SeededStore(DemoStoreSpec Spec, IDemoPlatform Platform, IReadOnlyList<DemoCoupon> Coupons, DemoStore Descriptor)
    {
        public IReadOnlyList<DemoCoupon> Advancing { get; } = [.. Coupons.Where(c => c.Advances)];
    }
}
