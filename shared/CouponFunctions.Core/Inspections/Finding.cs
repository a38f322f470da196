using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Core.Inspections;

/// <summary>How urgently an operator should look at a finding.</summary>
public enum FindingSeverity
{
    /// <summary>Sales or money are being lost now, or the data cannot be trusted: act today.</summary>
    Critical,

    /// <summary>Something will go wrong soon or looks unintended: check it.</summary>
    Warning,

    /// <summary>Worth knowing: a coming end, a performance hint.</summary>
    Info,
}

/// <summary>One thing an inspection found wrong with a coupon (or with a whole store), in words an operator acts on.</summary>
public sealed record Finding
{
    /// <summary>A stable machine key such as <c>stock.low</c> (see <see cref="FindingCodes"/>).</summary>
    public required string Code { get; init; }

    public required FindingSeverity Severity { get; init; }

    public required TenantId TenantId { get; init; }

    public required StoreId StoreId { get; init; }

    /// <summary>The platform's id of the coupon; null for a finding about the whole store.</summary>
    public string? PlatformCouponId { get; init; }

    /// <summary>The coupon's name as the platform gives it (untrusted text: encode it when rendering).</summary>
    public string? CouponName { get; init; }

    public string? CouponCode { get; init; }

    /// <summary>What is wrong, with the numbers and the store's local dates.</summary>
    public required string Message { get; init; }

    /// <summary>What the operator should do about it.</summary>
    public required string Action { get; init; }

    /// <summary>Identifies the same finding across runs: code, store and coupon ("stock.low|s-1a2b|123456").</summary>
    public string Key => KeyOf(Code, StoreId, PlatformCouponId);

    // The coupon id comes last, so any character in it (platform ids are not ours) keeps the key unambiguous.
    public static string KeyOf(string code, StoreId storeId, string? platformCouponId) =>
        platformCouponId is null ? $"{code}|{storeId}" : $"{code}|{storeId}|{platformCouponId}";
}
