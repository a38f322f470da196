using System.Globalization;
using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Stores;
using CouponFunctions.Sandbox.Shopee;

namespace CouponFunctions.Sandbox.Demo;

/// <summary>Demo vouchers in the Shopee sandbox: every voucher has a code; product vouchers name items the shop has.</summary>
internal sealed class ShopeeDemo(ShopeeSandbox sandbox) : IDemoPlatform
{
    public Platform Platform => Platform.Shopee;

    public void RegisterApp(DemoCredentials credentials) => sandbox.AddPartner(credentials.ShopeePartnerId, credentials.ShopeePartnerKey);

    public bool IsSeeded(DemoStoreSpec store, DemoCoupon first)
    {
        lock (sandbox.Gate) return sandbox.TryGetShop(ShopId(store), out var shop) && shop.Vouchers.ContainsKey(VoucherId(store, first));
    }

    public void Seed(DemoStoreSpec store, IReadOnlyList<DemoCoupon> coupons, DemoCredentials credentials)
    {
        var shopId = ShopId(store);
        sandbox.AddShop(shopId, store.Site, credentials.ShopeePartnerId);
        foreach (var item in store.ProductIds) sandbox.AddItem(shopId, new ShopeeSandboxItem(item, Stock: 50));
        foreach (var c in coupons)
        {
            sandbox.AddVoucher(shopId, new ShopeeSandboxVoucher
            {
                VoucherId = VoucherId(store, c),
                Code = c.Code,
                Name = c.Name,
                VoucherType = c.ProductScope ? 2 : 1,
                RewardType = c.Reward switch { RewardType.FixedAmount => 1, RewardType.Percentage => 2, _ => 3 },
                UsageQuantity = c.Quantity ?? 1,
                CurrentUsage = c.Taken,
                Start = c.Start,
                End = c.End!.Value,
                // Upcoming vouchers show on the shop page a day before they start.
                DisplayStart = c.Kind == DemoCouponKind.Upcoming ? c.Start.AddDays(-1) : null,
                MinBasketPrice = c.MinSpend,
                DiscountAmount = c.Reward == RewardType.FixedAmount ? c.Amount : 0,
                Percentage = c.Reward == RewardType.FixedAmount ? 0 : (int)c.Percentage,
                MaxPrice = c.Cap ?? 0,
                DisplayChannels = c.Channel == DemoChannel.Live ? [4] : [1],
                ItemIds = c.ProductIds,
            });
        }
    }

    public StoreCredentials IssueTokens(DemoStoreSpec store, DemoCredentials credentials)
    {
        var tokens = sandbox.IssueTokens(credentials.ShopeePartnerId, ShopId(store));
        return new StoreCredentials(tokens.AccessToken, tokens.AccessTokenExpiresAt, tokens.RefreshToken, tokens.RefreshTokenExpiresAt);
    }

    public string CouponId(DemoStoreSpec store, DemoCoupon coupon) => VoucherId(store, coupon).ToString(CultureInfo.InvariantCulture);

    public DemoStock? ReadStock(DemoStoreSpec store, DemoCoupon coupon, DateTimeOffset now) =>
        sandbox.FindVoucher(ShopId(store), VoucherId(store, coupon)) is { } v && v.StatusAt(now) == "ongoing"
            ? new DemoStock(v.CurrentUsage, v.UsageQuantity, 0)
            : null;

    public void WriteStock(DemoStoreSpec store, DemoCoupon coupon, DemoStock stock) =>
        sandbox.SetUsage(ShopId(store), VoucherId(store, coupon), stock.Taken);

    private static long ShopId(DemoStoreSpec store) => long.Parse(store.ShopId, CultureInfo.InvariantCulture);

    // Shopee voucher ids are plain integers; the demo's sit in a block per store, in plan order.
    private static long VoucherId(DemoStoreSpec store, DemoCoupon coupon) => 3_000_000_000L + store.Number * 10_000L + coupon.Index;
}
