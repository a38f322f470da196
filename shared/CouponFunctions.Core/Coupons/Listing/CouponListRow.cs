using System.Text.Json.Serialization;
using CouponFunctions.Core.Stores;

namespace CouponFunctions.Core.Coupons.Listing;

/// <summary>One coupon as the cross-store list holds it in memory: compact, flat, with its store's display fields.</summary>
/// <remarks>
/// Instants are kept as UTC ticks (8 bytes instead of 16–24 per value) and exposed as UTC <see cref="DateTimeOffset"/>s;
/// rows of one store are expected to share the store's strings (see <see cref="From"/> and the segment serializer).
/// </remarks>
public sealed partial record CouponListRow
{
    private readonly long validFrom;
    private readonly long validTo;
    private readonly long claimStart;
    private readonly long claimEnd;
    private readonly long removedAt;
    private readonly long lastChangedAt;

    public required StoreId StoreId { get; init; }

    public required string StoreName { get; init; }

    public required Platform Platform { get; init; }

    public required string Site { get; init; }

    /// <summary>The store's IANA time zone: expiry windows and the CSV's local times use it.</summary>
    public required string TimeZoneId { get; init; }

    public required string PlatformCouponId { get; init; }

    public string? Code { get; init; }

    public required string Name { get; init; }

    public required CouponStatus Status { get; init; }

    public required string RawStatus { get; init; }

    public required RewardType Reward { get; init; }

    public decimal? DiscountAmount { get; init; }

    public decimal? Percentage { get; init; }

    /// <summary>The cap of a percentage coupon; null means no cap, or not known yet when <see cref="Unknown"/> says so.</summary>
    public decimal? MaxDiscount { get; init; }

    /// <summary>The minimum spend (0 = none); null while the platform has not told us.</summary>
    public decimal? MinSpend { get; init; }

    /// <summary>Which of minimum spend, cap and products are not known yet (see <see cref="Coupon.Unknown"/>).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public UnknownCouponFields Unknown { get; init; }

    public required string Currency { get; init; }

    public int? TotalQuantity { get; init; }

    public int? ClaimedCount { get; init; }

    public int? UsedCount { get; init; }

    public required DateTimeOffset ValidFrom { get => Instant(validFrom); init => validFrom = value.UtcTicks; }

    public required DateTimeOffset ValidTo { get => Instant(validTo); init => validTo = value.UtcTicks; }

    public DateTimeOffset? ClaimStart { get => OptionalInstant(claimStart); init => claimStart = Ticks(value); }

    public DateTimeOffset? ClaimEnd { get => OptionalInstant(claimEnd); init => claimEnd = Ticks(value); }

    /// <summary>When sync stopped seeing the coupon on the platform; null while it is listed.</summary>
    public DateTimeOffset? RemovedAt { get => OptionalInstant(removedAt); init => removedAt = Ticks(value); }

    /// <summary>Expired long enough ago to leave the default view (kept for history).</summary>
    public bool IsArchived { get; init; }

    public required DateTimeOffset LastChangedAt { get => Instant(lastChangedAt); init => lastChangedAt = value.UtcTicks; }

    public int OpenFindings { get; init; }

    /// <summary>The campaign the coupon belongs to (our own tag, set by a deploy or an operator); null when none.</summary>
    public string? Campaign { get; init; }

    /// <summary>The most severe open finding's severity as the inspections name it; null when there is none.</summary>
    public string? HighestSeverity { get; init; }

    public bool IsRemoved => removedAt != 0;

    /// <summary>Stock left: total less claimed (or used where claims are unknown); null when the quantity is unlimited.</summary>
    public int? Remaining => TotalQuantity is { } total ? Math.Max(0, total - (ClaimedCount ?? UsedCount ?? 0)) : null;

    /// <summary>Used / claimed; null when either count is unknown or nothing has been claimed.</summary>
    public double? RedemptionRate => UsedCount is { } used && ClaimedCount is { } claimed && claimed > 0 ? (double)used / claimed : null;

    internal long ValidToTicks => validTo;

    internal long ValidFromTicks => validFrom;

    internal long ClaimStartTicks => claimStart;

    internal long ClaimEndTicks => claimEnd;

    internal long RemovedAtTicks => removedAt;

    internal long LastChangedAtTicks => lastChangedAt;

    private static DateTimeOffset Instant(long ticks) => new(ticks, TimeSpan.Zero);

    // Tick 0 (0001-01-01) stands for "none": no coupon time is that early.
    private static DateTimeOffset? OptionalInstant(long ticks) => ticks == 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero);

    private static long Ticks(DateTimeOffset? value) => value?.UtcTicks ?? 0;
}
