using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Customers;
using CouponFunctions.Core.Segments;
using CouponFunctions.Core.Sends.Messages;
using CouponFunctions.Core.Stores;

namespace CouponFunctions.Core.Sends;

/// <summary>POST /api/sends as submitted.</summary>
/// <param name="Channels">"email" and/or "sms".</param>
/// <param name="Campaign">utm_campaign of the claim links (letters, digits, '.', '_', '-'); the send id when left out.</param>
/// <param name="LandingUrl">The page the message links to; required where the platform has no link we can build (<see cref="ClaimLinks"/>).</param>
public sealed record SendRequestInput(
    string? SegmentId,
    string? StoreId,
    string? CouponId,
    IReadOnlyList<string>? Channels,
    DateTimeOffset? ScheduledAt,
    SendMessage? Message,
    string? Campaign = null,
    string? LandingUrl = null);

/// <summary>A send request whose fields have the right shape (ids, channels, message templates), before the checks that need stored data.</summary>
public sealed record ParsedSendRequest(
    SegmentId SegmentId,
    StoreId StoreId,
    string CouponId,
    IReadOnlyList<ContactChannel> Channels,
    DateTimeOffset? ScheduledAt,
    SendMessage Message,
    SendMessageRenderer Renderer,
    string? Campaign,
    Uri? LandingUrl);

/// <summary>What the checks of a send request need from storage, loaded by the handler: null where not found.</summary>
/// <param name="Reach">The segment's members reachable per channel now (a snapshot estimate; the send re-checks each recipient).</param>
/// <param name="SegmentHasUnfinishedSend">Another send of the segment is Scheduled or Running (SHOPLINE allows one at a time).</param>
/// <param name="SampleCustomerName">The name the checks render the messages with (the preview's sample member).</param>
public sealed record SendValidationContext(
    DateTimeOffset Now,
    Store? Store,
    Segment? Segment,
    Coupon? Coupon,
    SegmentReach Reach,
    bool SegmentHasUnfinishedSend,
    UnsubscribeTokens Tokens,
    Uri PublicBaseUrl,
    SmsSenderKind SmsSender,
    string? SampleCustomerName = null);
