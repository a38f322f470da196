using System.Net;
using CouponFunctions.Core.Notifications;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Sync;

namespace CouponFunctions.Core.Alerts;

/// <summary>
/// Delivers the alerts sync left pending beside the coupons (written atomically with the change that raised them),
/// then removes them. The notification's idempotency key is the pending row's key, so a crash between the send and
/// the removal sends nothing twice.
/// </summary>
public sealed class StockOutAlerts(ICouponRepository coupons, IAlertSettingsRepository settings, INotificationSink sink)
{
    public async Task<int> DeliverPendingAsync(Store store, Uri adminBaseUrl, CancellationToken cancellationToken = default)
    {
        var pending = await coupons.GetPendingAlertsAsync(store.TenantId, store.Id, cancellationToken);
        if (pending.Count == 0) return 0;
        var recipients = (await settings.GetAsync(store.TenantId, cancellationToken)).Recipients;
        foreach (var alert in pending)
        {
            var coupon = (await coupons.GetAsync(store.TenantId, store.Id, alert.CouponId, cancellationToken))?.Coupon;
            var name = coupon?.Name ?? alert.CouponId;
            var total = coupon?.TotalQuantity?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?";
            var subject = $"Out of stock: '{name}' in {store.DisplayName}";
            var text = $"The ongoing coupon '{name}' ({coupon?.Code ?? alert.CouponId}) in {store.DisplayName} ({store.Platform.ToWire()} {store.Site}) " +
                       $"has no stock left: all {total} are claimed. Replenish its quantity or end it.\n\n{new Uri(adminBaseUrl, "#/coupons")}";
            var html = $"<p>The ongoing coupon <strong>{WebUtility.HtmlEncode(name)}</strong> in {WebUtility.HtmlEncode(store.DisplayName)} " +
                       $"has no stock left: all {total} are claimed. Replenish its quantity or end it.</p>" +
                       $"<p><a href=\"{WebUtility.HtmlEncode(new Uri(adminBaseUrl, "#/coupons").ToString())}\">Open the coupon list</a></p>";
            await sink.SendAsync(new Notification(store.TenantId, $"{store.Id}_{alert.Key}", alert.Kind, recipients, subject, text, html), cancellationToken);
            await coupons.DeletePendingAlertAsync(store.TenantId, store.Id, alert.Key, cancellationToken);
        }
        return pending.Count;
    }
}
