using System.Globalization;
using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Stores;
using CouponFunctions.Sandbox.Shopline;

namespace CouponFunctions.Sandbox.Demo;

/// <summary>Demo price rules in the SHOPLINE sandbox, each with one discount code carrying the usage.</summary>
internal sealed class ShoplineDemo(ShoplineSandbox sandbox) : IDemoPlatform
{
    public Platform Platform => Platform.Shopline;

    public void RegisterApp(DemoCredentials credentials) => sandbox.AddApp(credentials.ShoplineAppKey, credentials.ShoplineAppSecret);

    public bool IsSeeded(DemoStoreSpec store, DemoCoupon first)
    {
        lock (sandbox.Gate) return sandbox.Store(store.ShopId)?.Rules.ContainsKey(RuleId(store, first)) == true;
    }

    public void Seed(DemoStoreSpec store, IReadOnlyList<DemoCoupon> coupons, DemoCredentials credentials)
    {
        sandbox.AddStore(store.ShopId, store.SiteInfo.Currency, credentials.ShoplineAppKey);
        foreach (var c in coupons)
        {
            var rule = sandbox.AddPriceRule(store.ShopId, new ShoplineSandboxPriceRule
            {
                Id = RuleId(store, c).ToString(CultureInfo.InvariantCulture),
                Title = c.Name,
                ValueType = c.Reward == RewardType.FixedAmount ? "fixed_amount" : "percentage",
                Value = c.Reward == RewardType.FixedAmount ? c.Amount : c.Percentage,
                TargetSelection = c.ProductScope ? "entitled" : "all",
                EntitledProductIds = [.. c.ProductIds.Select(id => id.ToString(CultureInfo.InvariantCulture))],
                StartsAt = c.Start,
                EndsAt = c.End,
                UsageLimit = c.Quantity,
                OncePerCustomer = c.PerBuyer == 1,
                MinSubtotal = c.MinSpend > 0 ? c.MinSpend : null,
            });
            sandbox.AddDiscountCode(store.ShopId, rule.Id, c.Code, c.Taken);
        }
    }

    public StoreCredentials IssueTokens(DemoStoreSpec store, DemoCredentials credentials)
    {
        var token = sandbox.IssueToken(credentials.ShoplineAppKey, store.ShopId);
        return new StoreCredentials(token.AccessToken, token.ExpiresAt);
    }

    public string CouponId(DemoStoreSpec store, DemoCoupon coupon) => RuleId(store, coupon).ToString(CultureInfo.InvariantCulture);

    public DemoStock? ReadStock(DemoStoreSpec store, DemoCoupon coupon, DateTimeOffset now)
    {
        var id = CouponId(store, coupon);
        if (sandbox.FindPriceRule(store.ShopId, id) is not { } rule || rule.StatusAt(now) != "active") return null;
        var code = sandbox.DiscountCodes(store.ShopId, id).FirstOrDefault();
        return code is null ? null : new DemoStock(code.UsageCount, rule.UsageLimit, 0);
    }

    public void WriteStock(DemoStoreSpec store, DemoCoupon coupon, DemoStock stock) =>
        sandbox.SetUsage(store.ShopId, coupon.Code, stock.Taken);

    // 19-digit ids like SHOPLINE's, ten apart: the sandbox gives each rule's discount code the next id.
    private static long RuleId(DemoStoreSpec store, DemoCoupon coupon) => 6_019_000_000_000_000_000L + store.Number * 100_000L + coupon.Index * 10L;
}
