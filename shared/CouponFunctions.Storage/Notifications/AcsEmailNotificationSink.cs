using CouponFunctions.Core.Notifications;
using CouponFunctions.Storage.Notifications.Acs;
using Microsoft.Extensions.Logging;

namespace CouponFunctions.Storage.Notifications;

/// <summary>
/// Azure Communication Services Email. The ACS Operation-Id is derived from the idempotency key, so a retried send is
/// the same operation to ACS; the outbox keeps the sent-log (and is checked first, so a finished send is not repeated).
/// </summary>
internal sealed class AcsEmailNotificationSink(AcsEmailClient email, string senderAddress, OutboxNotificationSink outbox, ILogger<AcsEmailNotificationSink> logger)
    : INotificationSink
{
    public async Task SendAsync(Notification notification, CancellationToken cancellationToken = default)
    {
        if (await outbox.ExistsAsync(notification.TenantId, notification.IdempotencyKey, cancellationToken)) return;
        if (notification.To.Count == 0)
        {
            logger.LogWarning("{Kind} for tenant {TenantId} has no recipients; kept in the outbox only", notification.Kind, notification.TenantId);
            await outbox.TryRecordAsync(notification, "outbox (no recipients)", cancellationToken);
            return;
        }
        var message = new EmailMessage(
            senderAddress,
            new EmailRecipients(notification.To.Select(a => new EmailAddress(a)).ToList()),
            new EmailContent(notification.Subject) { PlainText = notification.Text, Html = notification.Html });
        await email.SendAsync(message, AcsEmailClient.CreateOperationId($"{notification.TenantId}/{notification.IdempotencyKey}"), cancellationToken);
        await outbox.TryRecordAsync(notification, "acs-email", cancellationToken);
    }
}
