using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Stores;

namespace CouponFunctions.Core.Platforms;

/// <summary>One platform's voucher API behind one contract: signing, tokens, paging, errors and throttling are inside.</summary>
public interface IPlatformConnector
{
    Platform Platform { get; }

    /// <summary>The calls per second the connector paces itself to, per app and per shop (jobs size their concurrency from it).</summary>
    PlatformRate Rate { get; }

    /// <summary>
    /// The platform calls per coupon of a store's first listing: its share of a list page, plus one call per coupon where the
    /// list leaves out what sync keeps (Shopee's get_voucher, TikTok's GetCoupon for the counts, SHOPLINE's discount codes).
    /// The sync planner estimates from it how long a store's sync takes.
    /// </summary>
    double CallsPerCoupon { get; }

    /// <summary>Every coupon of the store in every status, one platform page at a time.</summary>
    /// <exception cref="PlatformException">When a page cannot be fetched after the connector's retries.</exception>
    IAsyncEnumerable<IReadOnlyList<Coupon>> ListCouponsAsync(StoreConnection store, CancellationToken cancellationToken = default);

    Task<PlatformResult<Coupon>> GetCouponAsync(StoreConnection store, string platformCouponId, CancellationToken cancellationToken = default);

    Task<PlatformResult<Coupon>> CreateCouponAsync(StoreConnection store, CouponDraft draft, CancellationToken cancellationToken = default);

    Task<PlatformResult<Coupon>> UpdateCouponAsync(StoreConnection store, string platformCouponId, CouponChange change, CancellationToken cancellationToken = default);

    /// <summary>Ends a running coupon (Lazada: deactivates it).</summary>
    Task<PlatformResult> EndCouponAsync(StoreConnection store, string platformCouponId, CancellationToken cancellationToken = default);

    Task<PlatformResult> DeleteCouponAsync(StoreConnection store, string platformCouponId, CancellationToken cancellationToken = default);

    /// <summary>Resumes a paused coupon where the platform can (Lazada: /promotion/voucher/activate); elsewhere a NotSupported
    /// error with the capability table's reason, without a call.</summary>
    Task<PlatformResult> ReactivateCouponAsync(StoreConnection store, string platformCouponId, CancellationToken cancellationToken = default);

    Uri BuildAuthorizationUrl(AuthorizationRequest request);

    Task<PlatformResult<TokenGrant>> ExchangeCodeAsync(AuthorizationCallback callback, CancellationToken cancellationToken = default);

    Task<PlatformResult<TokenGrant>> RefreshTokenAsync(StoreConnection store, CancellationToken cancellationToken = default);
}

/// <summary>Finds the connector of a platform.</summary>
public interface IPlatformConnectors
{
    IPlatformConnector For(Platform platform);
}

/// <summary>Where connectors record every failed call (with its redacted URL and status) for operators to troubleshoot.</summary>
public interface IPlatformCallRecorder
{
    Task RecordFailureAsync(StoreConnection store, string operation, PlatformError error, CancellationToken cancellationToken = default);
}
