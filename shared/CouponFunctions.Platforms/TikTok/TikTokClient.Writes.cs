using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Stores;

namespace CouponFunctions.Platforms.TikTok;

// TikTok Shop coupons are made in Seller Center or the Seller App; the Partner API only searches and reads them
// (platform-apis.md §3). Every write answers NotSupported with the capability table's reason and calls nothing.
internal sealed partial class TikTokClient
{
    public Task<PlatformResult<Coupon>> CreateCouponAsync(StoreConnection store, CouponDraft draft, CancellationToken cancellationToken = default) =>
        Task.FromResult<PlatformResult<Coupon>>(Refuse(CouponOperation.Create));

    public Task<PlatformResult<Coupon>> UpdateCouponAsync(StoreConnection store, string platformCouponId, CouponChange change, CancellationToken cancellationToken = default) =>
        Task.FromResult<PlatformResult<Coupon>>(Refuse(CouponOperation.Update, change.Fields));

    public Task<PlatformResult> EndCouponAsync(StoreConnection store, string platformCouponId, CancellationToken cancellationToken = default) =>
        Task.FromResult<PlatformResult>(Refuse(CouponOperation.End));

    public Task<PlatformResult> DeleteCouponAsync(StoreConnection store, string platformCouponId, CancellationToken cancellationToken = default) =>
        Task.FromResult<PlatformResult>(Refuse(CouponOperation.Delete));

    public Task<PlatformResult> ReactivateCouponAsync(StoreConnection store, string platformCouponId, CancellationToken cancellationToken = default) =>
        Task.FromResult<PlatformResult>(Refuse(CouponOperation.Reactivate));

    private PlatformError Refuse(CouponOperation operation, CouponField fields = CouponField.None)
    {
        var check = Capabilities.Check(operation, fields: fields);
        var reason = check.Allowed ? Capabilities.ReadOnlyReason ?? "TikTok Shop's API cannot change coupons." : check.Reason!;
        return new PlatformError(Platform.TikTok, PlatformErrorKind.NotSupported, null, reason);
    }
}
