using System.Globalization;
using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Stores;
using CouponFunctions.Sandbox.Lazada;

namespace CouponFunctions.Sandbox.Demo;

/// <summary>Demo vouchers in the Lazada sandbox: mostly collectible, some code vouchers, some suspended or deactivated.</summary>
internal sealed class LazadaDemo(LazadaSandbox sandbox) : IDemoPlatform
{
    public Platform Platform => Platform.Lazada;

    public void RegisterApp(DemoCredentials credentials) => sandbox.AddApp(credentials.LazadaAppKey, credentials.LazadaAppSecret);

    public bool IsSeeded(DemoStoreSpec store, DemoCoupon first)
    {
        lock (sandbox.Gate) return sandbox.TryGetSeller(SellerId(store), out var seller) && seller.Vouchers.ContainsKey(VoucherId(store, first));
    }

    public void Seed(DemoStoreSpec store, IReadOnlyList<DemoCoupon> coupons, DemoCredentials credentials)
    {
        var sellerId = SellerId(store);
        sandbox.AddSeller(sellerId, store.Site, credentials.LazadaAppKey);
        foreach (var sku in store.ProductIds) sandbox.AddSku(sellerId, new LazadaSandboxSku(sku, sku / 10));
        foreach (var c in coupons)
        {
            var percentage = c.Reward != RewardType.FixedAmount;
            sandbox.AddVoucher(sellerId, new LazadaSandboxVoucher
            {
                Id = VoucherId(store, c),
                VoucherType = c.Channel == DemoChannel.Code ? "CODE_VOUCHER" : "COLLECTIBLE_VOUCHER",
                VoucherCode = c.Channel == DemoChannel.Code ? c.Code : null,
                Name = c.Name,
                Apply = c.ProductScope ? "SPECIFIC_PRODUCTS" : "ENTIRE_SHOP",
                DisplayArea = c.Channel switch { DemoChannel.Follower => "STORE_FOLLOWER", DemoChannel.Live => "LIVE_STREAM", _ => "REGULAR_CHANNEL" },
                DiscountType = percentage ? "PERCENTAGE_DISCOUNT_OFF" : "MONEY_VALUE_OFF",
                CriteriaOverMoney = c.MinSpend,
                MoneyValueOff = percentage ? null : c.Amount,
                PercentageOff = percentage ? c.Percentage : null,
                MaxDiscount = percentage ? c.Cap : null,
                Start = c.Start,
                End = c.End!.Value,
                // Follower vouchers can be collected a day before they apply.
                CollectStart = c.Channel == DemoChannel.Follower ? c.Start.AddDays(-1) : null,
                Limit = c.PerBuyer,
                Issued = c.Quantity ?? 1,
                OrderUsedBudget = c.Taken,
                Suspended = c.Kind == DemoCouponKind.Paused,
                // Deactivated two hours after it started: FINISH before its end.
                DeactivatedAt = c.Kind == DemoCouponKind.Deactivated ? c.Start.AddHours(2) : null,
                SkuIds = c.ProductIds,
            });
        }
    }

    public StoreCredentials IssueTokens(DemoStoreSpec store, DemoCredentials credentials)
    {
        var tokens = sandbox.IssueTokens(credentials.LazadaAppKey, SellerId(store));
        return new StoreCredentials(tokens.AccessToken, tokens.AccessTokenExpiresAt, tokens.RefreshToken, tokens.RefreshTokenExpiresAt);
    }

    public string CouponId(DemoStoreSpec store, DemoCoupon coupon) => VoucherId(store, coupon).ToString(CultureInfo.InvariantCulture);

    public DemoStock? ReadStock(DemoStoreSpec store, DemoCoupon coupon, DateTimeOffset now) =>
        sandbox.FindVoucher(SellerId(store), VoucherId(store, coupon)) is { } v && v.StatusAt(now) == "ONGOING"
            ? new DemoStock(v.OrderUsedBudget, v.Issued, 0)
            : null;

    public void WriteStock(DemoStoreSpec store, DemoCoupon coupon, DemoStock stock) =>
        sandbox.SetUsage(SellerId(store), VoucherId(store, coupon), stock.Taken);

    private static long SellerId(DemoStoreSpec store) => long.Parse(store.ShopId, CultureInfo.InvariantCulture);

    // Lazada promotion ids are 14-digit numbers; the demo's sit in a block per store, in plan order.
    private static long VoucherId(DemoStoreSpec store, DemoCoupon coupon) => 91_471_200_000_000L + store.Number * 10_000L + coupon.Index;
}
