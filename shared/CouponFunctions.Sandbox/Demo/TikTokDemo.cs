using System.Globalization;
using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Stores;
using CouponFunctions.Sandbox.TikTok;

namespace CouponFunctions.Sandbox.Demo;

/// <summary>Demo coupons in the TikTok Shop sandbox: one seller per shop (so each store refreshes its own token), claims and redemptions both counted.</summary>
internal sealed class TikTokDemo(TikTokSandbox sandbox) : IDemoPlatform
{
    // The rule catalog's longest TikTok title (an activity title's documented limit).
    private const int TitleMaxLength = 50;

    public Platform Platform => Platform.TikTok;

    public void RegisterApp(DemoCredentials credentials)
    {
        lock (sandbox.Gate)
        {
            // Keep an app registered earlier with the same secret (it may carry a redirect URL for the authorization flow).
            if (sandbox.App(credentials.TikTokAppKey)?.AppSecret == credentials.TikTokAppSecret) return;
        }
        sandbox.AddApp(credentials.TikTokAppKey, credentials.TikTokAppSecret, credentials.TikTokServiceId);
    }

    public bool IsSeeded(DemoStoreSpec store, DemoCoupon first) => sandbox.FindCoupon(store.ShopId, CouponId(store, first)) is not null;

    public void Seed(DemoStoreSpec store, IReadOnlyList<DemoCoupon> coupons, DemoCredentials credentials)
    {
        sandbox.AddShop(store.ShopId, store.Site, SellerId(store), credentials.TikTokAppKey, store.DisplayName);
        foreach (var c in coupons)
        {
            var percent = c.Reward != RewardType.FixedAmount;
            // A few ordinary coupons are usable for 7 days after each claim (RELATIVE); the rest for a fixed window.
            var relative = c.Kind == DemoCouponKind.Ongoing && c.Index % 4 == 0;
            sandbox.AddCoupon(store.ShopId, new TikTokSandboxCoupon
            {
                CouponId = CouponId(store, c),
                Title = c.Name.Length <= TitleMaxLength ? c.Name : c.Name[..TitleMaxLength].TrimEnd(),
                DiscountType = percent ? "PERCENT_OFF" : "AMOUNT_OFF",
                ReductionAmount = percent ? 0 : c.Amount,
                Percentage = percent ? c.Percentage : 0,
                MaxDiscount = percent ? c.Cap : null,
                MinSpend = c.MinSpend > 0 ? c.MinSpend : null,
                ProductIds = [.. c.ProductIds.Select(id => id.ToString(CultureInfo.InvariantCulture))],
                DisplayType = c.Channel switch { DemoChannel.Live => "LIVE", DemoChannel.Code => "PROMO_CODE", DemoChannel.Follower => "CHAT", _ => "REGULAR" },
                PromoCode = c.Channel == DemoChannel.Code ? c.Code : null,
                ClaimStart = c.Start,
                ClaimEnd = c.End!.Value,
                RedemptionStart = relative ? null : c.Start,
                RedemptionEnd = relative ? null : c.End,
                RelativeDays = relative ? 7 : null,
                TotalClaimLimit = c.Quantity,
                SingleBuyerClaimLimit = c.PerBuyer,
                ClaimedCount = c.Taken,
                RedeemedCount = c.Redeemed,
                Deactivated = c.Kind == DemoCouponKind.Deactivated,
            });
        }
    }

    public StoreCredentials IssueTokens(DemoStoreSpec store, DemoCredentials credentials)
    {
        var shop = sandbox.Shop(store.ShopId);
        var tokens = sandbox.IssueTokens(credentials.TikTokAppKey, shop.SellerId);
        return new StoreCredentials(tokens.AccessToken, tokens.AccessTokenExpiresAt, tokens.RefreshToken, tokens.RefreshTokenExpiresAt, shop.Cipher);
    }

    // TikTok coupon ids are 19-digit numbers; the demo's sit in a block per store, in plan order.
    public string CouponId(DemoStoreSpec store, DemoCoupon coupon) =>
        (7_310_000_000_000_000_000L + store.Number * 10_000L + coupon.Index).ToString(CultureInfo.InvariantCulture);

    public DemoStock? ReadStock(DemoStoreSpec store, DemoCoupon coupon, DateTimeOffset now) =>
        sandbox.FindCoupon(store.ShopId, CouponId(store, coupon)) is { } c && c.StatusAt(now) == "ONGOING"
            ? new DemoStock(c.ClaimedCount, c.TotalClaimLimit, c.RedeemedCount)
            : null;

    public void WriteStock(DemoStoreSpec store, DemoCoupon coupon, DemoStock stock) =>
        sandbox.SetUsage(store.ShopId, CouponId(store, coupon), stock.Taken, stock.Redeemed);

    private static string SellerId(DemoStoreSpec store) => $"demo-seller-{store.Number}";
}
