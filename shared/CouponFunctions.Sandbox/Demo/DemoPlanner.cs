using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Stores;
using static CouponFunctions.Sandbox.Demo.DemoCouponKind;

namespace CouponFunctions.Sandbox.Demo;

/// <summary>
/// Plans a store's demo coupons from a seed and a <c>now</c>: the same pair always gives the same coupons. Which kinds a
/// store gets, in which order, and every random draw depend on the seed and the store only; <c>now</c> only places the
/// times (so "expiring today" means today in the store's zone at the time of seeding, whenever that is).
/// </summary>
internal static class DemoPlanner
{
    private static readonly int[] Quantities = [100, 200, 300, 500, 800, 1000, 1500, 2000];
    private static readonly int[] SpendFactors = [4, 5, 6, 8, 10];
    private static readonly decimal[] Percentages = [5, 8, 10, 12, 15, 20];
    private static readonly TimeOnly LastMinute = new(23, 59);

    public static IReadOnlyList<DemoCoupon> Plan(DemoStoreSpec store, DateTimeOffset now, int seed)
    {
        var random = new Random(unchecked(seed * 1_000_003 + store.Number));
        var plan = new PlanContext(store, DemoMoney.For(store.Site), new DemoClock(now, store.SiteInfo.TimeZone), random);
        var kinds = Kinds(store, random);
        var seen = new Dictionary<DemoCouponKind, int>();
        var coupons = new List<DemoCoupon>(kinds.Count);
        for (var i = 0; i < kinds.Count; i++)
        {
            var nth = seen[kinds[i]] = seen.GetValueOrDefault(kinds[i]) + 1;
            coupons.Add(Build(plan, kinds[i], i + 1, nth));
        }
        return coupons;
    }

    /// <summary>How many coupons of each kind the store gets (only where its platform can show that state), shuffled.</summary>
    private static List<DemoCouponKind> Kinds(DemoStoreSpec store, Random random)
    {
        var kinds = new List<DemoCouponKind>();
        void Add(DemoCouponKind kind, int count) => kinds.AddRange(Enumerable.Repeat(kind, count));
        Add(Upcoming, random.Next(3, 7));
        Add(Ongoing, random.Next(10, 16));
        Add(StockOut, 2);
        Add(LowStock, random.Next(1, 3));
        Add(ExpiringToday, 2);
        Add(ExpiringSoon, 3);
        Add(Ended, random.Next(4, 9));
        Add(LossRisk, 1);
        Add(Unreachable, 1);
        // Only Lazada pauses (SUSPEND); Lazada and TikTok deactivate; only TikTok gives claims beside uses.
        if (store.Platform == Platform.Lazada) Add(Paused, 2);
        if (store.Platform is Platform.Lazada or Platform.TikTok) Add(Deactivated, 1);
        if (store.Platform == Platform.TikTok)
        {
            Add(LowClaimsHighUsage, 2);
            Add(HighClaimsLowUsage, 2);
        }
        // Caps the rule catalog knows: Lazada PH and TH (50%), TikTok Shop (50% on every site).
        if (store.Platform == Platform.TikTok || (store.Platform == Platform.Lazada && store.Site is "PH" or "TH")) Add(OverCap, 2);
        for (var i = kinds.Count - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (kinds[i], kinds[j]) = (kinds[j], kinds[i]);
        }
        return kinds;
    }

    private static DemoCoupon Build(PlanContext plan, DemoCouponKind kind, int index, int nth)
    {
        var (store, money, clock, r) = plan;
        // The draws every coupon makes, in a fixed order, whatever its kind.
        var campaign = DemoNames.Campaigns[r.Next(DemoNames.Campaigns.Count)];
        var channel = r.Next(10) switch { < 6 => DemoChannel.Regular, 6 => DemoChannel.Follower, 7 => DemoChannel.Live, _ => DemoChannel.Code };
        var perBuyer = r.Next(10) switch { < 7 => 1, < 9 => 2, _ => 3 };
        var quantity = Quantities[r.Next(Quantities.Length)];
        var products = r.Next(6) == 0 && kind is Ongoing or Upcoming ? store.ProductIds.OrderBy(_ => r.Next()).Take(r.Next(2, 6)).Order().ToList() : [];
        var terms = Terms(plan, r);
        var takenShare = r.Next(5, 71);
        var redeemedShare = r.Next(15, 46);
        var start = clock.Hour - TimeSpan.FromHours(r.Next(48, 480));
        DateTimeOffset? end = clock.At(clock.Today.AddDays(r.Next(5, 46)), LastMinute);
        int? total = quantity;

        switch (kind)
        {
            case Upcoming:
                start = clock.Hour + TimeSpan.FromHours(r.Next(20, 240));
                end = start + TimeSpan.FromDays(r.Next(7, 31));
                takenShare = 0;
                break;
            case Ongoing when store.Platform == Platform.Shopline && nth == 1:
                // SHOPLINE rules may run until stopped, with no usage limit: an always-on member discount.
                end = null;
                total = null;
                break;
            case StockOut:
                total = Quantities[r.Next(3)];
                takenShare = 100;
                break;
            case ExpiringToday:
                start = clock.Hour - TimeSpan.FromHours(r.Next(72, 240));
                end = EndOfToday(clock, r.Next(3));
                break;
            case ExpiringSoon:
                end = clock.At(clock.Today.AddDays(nth), r.Next(2) == 0 ? LastMinute : new TimeOnly(21, 0));
                break;
            case Ended:
                start = clock.Hour - TimeSpan.FromDays(r.Next(20, 76));
                end = clock.Hour - TimeSpan.FromDays(r.Next(1, 16)) - TimeSpan.FromHours(r.Next(1, 20));
                takenShare = r.Next(30, 101);
                break;
            case OverCap:
                terms = OverCapTerms(plan, nth, r.Next(55, 71) / 5 * 5);
                break;
            case LossRisk:
                var lossAmount = money.Amounts[money.Amounts.Length / 2];
                // At or above the minimum spend; SHOPLINE's variant has no minimum spend at all.
                terms = new(RewardType.FixedAmount, lossAmount, 0, null, store.Platform == Platform.Shopline ? 0 : lossAmount);
                break;
            case Unreachable:
                var smallAmount = money.Amounts[r.Next(2)];
                terms = new(RewardType.FixedAmount, smallAmount, 0, null, smallAmount * 100);
                break;
            case LowClaimsHighUsage:
                start = clock.Hour - TimeSpan.FromDays(r.Next(5, 13));
                total = 1000;
                takenShare = r.Next(6, 19);
                redeemedShare = r.Next(60, 86);
                break;
            case HighClaimsLowUsage:
                start = clock.Hour - TimeSpan.FromDays(r.Next(5, 13));
                total = r.Next(3, 7) * 100;
                takenShare = r.Next(60, 86);
                redeemedShare = r.Next(2, 9);
                break;
        }

        // Low stock: at most 20 or 10% left (the inspection's defaults), never none.
        var taken = kind == LowStock ? quantity - r.Next(1, Math.Min(20, quantity / 10) + 1)
            : total is { } t ? t * takenShare / 100
            : r.Next(50, 400);
        var name = DemoNames.Name(campaign, money, terms.Reward, terms.Amount, terms.Percentage, terms.Cap, terms.MinSpend);
        var code = store.Platform == Platform.Shopee ? $"{campaign.Tag}{index:000}" : $"{store.BrandTag}{campaign.Tag}{index:00}";
        return new DemoCoupon(index, kind, name, code, channel, terms.Reward, terms.Amount, terms.Percentage, terms.Cap, terms.MinSpend,
            start, end, total, taken, taken * redeemedShare / 100, perBuyer, products);
    }

    /// <summary>Sensible terms: 10–25% deep fixed amounts, or a capped percentage whose cap a buyer reaches at twice the minimum spend.</summary>
    private static DemoTerms Terms(PlanContext plan, Random r)
    {
        var money = plan.Money;
        var roll = r.Next(10);
        var amount = money.Amounts[r.Next(money.Amounts.Length)];
        var factor = SpendFactors[r.Next(SpendFactors.Length)];
        var percentage = Percentages[r.Next(Percentages.Length)];
        var cap = money.Amounts[r.Next(money.Amounts.Length / 2, money.Amounts.Length)];
        if (roll < 6) return new(RewardType.FixedAmount, amount, 0, null, amount * factor);
        var minSpend = money.RoundUp(cap * 50 / percentage);
        // Coins cashback is Shopee's (reward_type 3), at most 10% here.
        if (roll == 9 && plan.Store.Platform == Platform.Shopee) return new(RewardType.CoinCashback, 0, Math.Min(percentage, 10), cap, minSpend);
        // SHOPLINE price rules have no cap field.
        return new(RewardType.Percentage, 0, percentage, plan.Store.Platform == Platform.Shopline ? null : cap, minSpend);
    }

    /// <summary>Deeper than the cap: a percentage above it, or (Lazada's second) a fixed amount worth about 60% of the minimum spend.</summary>
    private static DemoTerms OverCapTerms(PlanContext plan, int nth, int percentage)
    {
        var money = plan.Money;
        var top = money.Amounts[^1];
        return plan.Store.Platform == Platform.Lazada && nth == 2
            ? new(RewardType.FixedAmount, top, 0, null, money.RoundUp(top * 100 / 60))
            : new(RewardType.Percentage, 0, percentage, top, money.RoundUp(top * 2));
    }

    /// <summary>A time later today in the store's zone: 20:00, 22:00 or 23:59 while at least an hour away, else halfway to midnight.</summary>
    private static DateTimeOffset EndOfToday(DemoClock clock, int pick)
    {
        var later = new[] { new TimeOnly(20, 0), new TimeOnly(22, 0), LastMinute }
            .Select(t => clock.At(clock.Today, t))
            .Where(t => t >= clock.Now.AddHours(1))
            .ToList();
        if (later.Count > 0) return later[pick % later.Count];
        var halfway = clock.Now + (clock.Midnight - clock.Now) / 2;
        return DateTimeOffset.FromUnixTimeSeconds(halfway.ToUnixTimeSeconds());
    }

    private sealed record PlanContext(DemoStoreSpec Store, DemoMoney Money, DemoClock Clock, Random Random);

    private sealed record DemoTerms(RewardType Reward, decimal Amount, decimal Percentage, decimal? Cap, decimal MinSpend);
}
