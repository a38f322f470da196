using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Core.Notifications;

/// <summary>A message to a tenant's operators. <see cref="IdempotencyKey"/> makes a repeated send a no-op.</summary>
public sealed record Notification(
    TenantId TenantId,
    string IdempotencyKey,
    string Kind,
    IReadOnlyList<string> To,
    string Subject,
    string Text,
    string? Html);

/// <summary>A notification as it was delivered (the outbox shown in the admin page).</summary>
public sealed record SentNotification(
    string Id, string Kind, IReadOnlyList<string> To, string Subject, DateTimeOffset At, string Channel, string Text, string? Html);

/// <summary>Where notifications go: the local outbox, Azure Communication Services Email, ...</summary>
public interface INotificationSink
{
    /// <summary>Delivers the notification once; a second call with the same idempotency key sends nothing.</summary>
    Task SendAsync(Notification notification, CancellationToken cancellationToken = default);
}

/// <summary>Reads what was sent to a tenant, newest first.</summary>
public interface INotificationOutbox
{
    Task<IReadOnlyList<SentNotification>> ListAsync(TenantId tenantId, int max, CancellationToken cancellationToken = default);

    Task<SentNotification?> GetAsync(TenantId tenantId, string id, CancellationToken cancellationToken = default);
}
