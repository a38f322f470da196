using CouponFunctions.Core.Customers;
using CouponFunctions.Core.Segments;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Core.Sends;

/// <summary>Where a send is in its life (see <see cref="SendStateMachine"/>).</summary>
public enum SendStatus
{
    Scheduled,
    Cancelled,
    Running,

    /// <summary>Over, with at least one message sent (failures, if any, are in the counts and the report).</summary>
    Done,

    /// <summary>Over, with nothing sent.</summary>
    Failed,
}

/// <summary>Message templates of a send (placeholders such as {{customer.name}}, see <see cref="Messages.MessageTemplate"/>).</summary>
public sealed record SendMessage(string? EmailSubject, string? EmailBody, string? SmsText);

/// <summary>Counts of a send, per message (a customer sent an email and an SMS counts twice).</summary>
/// <param name="Recipients">Messages planned after the snapshot and de-duplication.</param>
public sealed record SendCounts(int Recipients, int Sent, int Failed)
{
    public static SendCounts Zero { get; } = new(0, 0, 0);

    public SendCounts Plus(SendCounts other) => new(Recipients + other.Recipients, Sent + other.Sent, Failed + other.Failed);
}

/// <summary>A coupon send to a segment at a scheduled time, by email and/or SMS.</summary>
public sealed record SegmentSend
{
    public required TenantId TenantId { get; init; }

    public required SendId Id { get; init; }

    public required SegmentId SegmentId { get; init; }

    public required StoreId StoreId { get; init; }

    /// <summary>The platform's id of the coupon (as in <see cref="Coupons.Coupon.PlatformCouponId"/>).</summary>
    public required string CouponId { get; init; }

    public required IReadOnlyList<ContactChannel> Channels { get; init; }

    public required DateTimeOffset ScheduledAt { get; init; }

    public required SendMessage Message { get; init; }

    /// <summary>utm_campaign of the claim links; the send id when none was given.</summary>
    public string? Campaign { get; init; }

    /// <summary>The page the message links to where the platform has no link we can build (see <see cref="ClaimLinks"/>).</summary>
    public Uri? LandingUrl { get; init; }

    public SendStatus Status { get; init; } = SendStatus.Scheduled;

    public SendCounts Counts { get; init; } = SendCounts.Zero;

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public DateTimeOffset? CancelledAt { get; init; }

    /// <summary>Opaque concurrency token of the stored row (its ETag).</summary>
    public string? Version { get; init; }

    public bool IsFinished => Status is SendStatus.Cancelled or SendStatus.Done or SendStatus.Failed;

    public string CampaignOrId => string.IsNullOrEmpty(Campaign) ? Id.Value : Campaign;
}
