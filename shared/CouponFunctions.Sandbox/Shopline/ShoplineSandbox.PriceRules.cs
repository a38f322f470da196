using System.Globalization;

namespace CouponFunctions.Sandbox.Shopline;

public sealed partial class ShoplineSandbox
{
    private long _nextId = 6_018_000_000_000_000_001;

    /// <summary>Seeds a price rule with its discount codes. Its shape is checked (<see cref="ShoplinePriceRuleRules"/>).</summary>
    /// <exception cref="ArgumentException">When SHOPLINE would not hold the rule or a code.</exception>
    public ShoplineSandboxPriceRule AddPriceRule(string handle, ShoplineSandboxPriceRule rule, params string[] codes)
    {
        lock (Gate)
        {
            var store = StoreLocked(handle);
            if (ShoplinePriceRuleRules.Check(rule, store.Currency) is { } error) throw new ArgumentException($"SHOPLINE would not hold this price rule: {error.Field} {error.Message}", nameof(rule));
            var stored = InsertRuleLocked(store, rule);
            foreach (var code in codes) AddCodeLocked(store, stored.Id, code, 0);
            return stored;
        }
    }

    /// <summary>Adds a discount code to a price rule, as if buyers had used it <paramref name="usageCount"/> times.</summary>
    public ShoplineSandboxDiscountCode AddDiscountCode(string handle, string priceRuleId, string code, int usageCount = 0)
    {
        lock (Gate) return AddCodeLocked(StoreLocked(handle), priceRuleId, code, usageCount);
    }

    /// <summary>The store's price rules, oldest first (id order, the order the list pages in).</summary>
    public IReadOnlyList<ShoplineSandboxPriceRule> PriceRules(string handle)
    {
        lock (Gate) return [.. StoreLocked(handle).Rules.Values];
    }

    public ShoplineSandboxPriceRule? FindPriceRule(string handle, string priceRuleId)
    {
        lock (Gate) return StoreLocked(handle).Rules.GetValueOrDefault(Id(priceRuleId));
    }

    public IReadOnlyList<ShoplineSandboxDiscountCode> DiscountCodes(string handle, string priceRuleId)
    {
        lock (Gate) return [.. StoreLocked(handle).Codes.Values.Where(c => c.PriceRuleId == priceRuleId)];
    }

    /// <summary>Sets how often a code was used, as buyers would.</summary>
    public void SetUsage(string handle, string code, int usageCount)
    {
        lock (Gate)
        {
            var store = StoreLocked(handle);
            var found = store.Codes.Values.FirstOrDefault(c => string.Equals(c.Code, code, StringComparison.OrdinalIgnoreCase))
                ?? throw new ArgumentException($"No discount code {code} in {handle}.", nameof(code));
            store.Codes[Id(found.Id)] = found with { UsageCount = usageCount, UpdatedAt = WholeSeconds(Clock.GetUtcNow()) };
        }
    }

    internal ShoplineSandboxPriceRule InsertRuleLocked(ShoplineSandboxStore store, ShoplineSandboxPriceRule rule)
    {
        var id = rule.Id.Length > 0 ? Id(rule.Id) : _nextId++;
        _nextId = Math.Max(_nextId, id + 1);
        var now = WholeSeconds(Clock.GetUtcNow());
        var stored = rule with
        {
            Id = id.ToString(CultureInfo.InvariantCulture),
            StartsAt = WholeSeconds(rule.StartsAt),
            EndsAt = rule.EndsAt is { } end ? WholeSeconds(end) : null,
            CreatedAt = now,
            UpdatedAt = now,
        };
        store.Rules[id] = stored;
        return stored;
    }

    internal ShoplineSandboxDiscountCode AddCodeLocked(ShoplineSandboxStore store, string priceRuleId, string code, int usageCount)
    {
        if (!store.Rules.ContainsKey(Id(priceRuleId))) throw new ArgumentException($"No price rule {priceRuleId} in {store.Handle}.", nameof(priceRuleId));
        if (ShoplinePriceRuleRules.CheckCode(store, code) is { } error) throw new ArgumentException($"SHOPLINE would not hold this code: {error.Message}", nameof(code));
        var now = WholeSeconds(Clock.GetUtcNow());
        var id = _nextId++;
        var stored = new ShoplineSandboxDiscountCode(id.ToString(CultureInfo.InvariantCulture), priceRuleId, code, usageCount, now, now);
        store.Codes[id] = stored;
        return stored;
    }

    internal static long Id(string id) => long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : -1;
}
