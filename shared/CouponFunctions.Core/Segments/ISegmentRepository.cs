using CouponFunctions.Core.Common;
using CouponFunctions.Core.Customers;
using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Core.Segments;

/// <summary>A tenant's segments (ETag-guarded) and the member rows of static segments.</summary>
public interface ISegmentRepository
{
    /// <summary>Conflict when a segment with the id exists.</summary>
    Task<Result<Segment>> CreateAsync(Segment segment, CancellationToken cancellationToken = default);

    Task<Segment?> GetAsync(TenantId tenantId, SegmentId id, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<Segment>> ListAsync(TenantId tenantId, CancellationToken cancellationToken = default);

    /// <summary>Replaces the segment if it is still at <see cref="Segment.Version"/>: Conflict when someone else changed it, NotFound when gone.</summary>
    Task<Result<Segment>> UpdateAsync(Segment segment, CancellationToken cancellationToken = default);

    /// <summary>Deletes the segment (at <paramref name="version"/> when given) and its member rows.</summary>
    Task<Result<bool>> DeleteAsync(TenantId tenantId, SegmentId id, string? version, CancellationToken cancellationToken = default);

    /// <summary>Adds static members (idempotent: an id already there stays); the number of ids written.</summary>
    Task<int> AddMembersAsync(TenantId tenantId, SegmentId id, IEnumerable<CustomerId> customers, CancellationToken cancellationToken = default);

    /// <summary>Removes static members (ids not there are ignored).</summary>
    Task<int> RemoveMembersAsync(TenantId tenantId, SegmentId id, IEnumerable<CustomerId> customers, CancellationToken cancellationToken = default);

    /// <summary>A page of a static segment's member ids in id order.</summary>
    Task<ItemPage<CustomerId>> ListMemberIdsAsync(TenantId tenantId, SegmentId id, int pageSize, string? continuation, CancellationToken cancellationToken = default);

    Task<int> CountMembersAsync(TenantId tenantId, SegmentId id, CancellationToken cancellationToken = default);
}

/// <summary>A segment's members as customers, whatever its kind: static member rows joined to customers, or every customer the
/// rule matches at <c>now</c> (<see cref="SegmentRuleEvaluator"/>). Streams: memory stays bounded for any segment size.</summary>
public interface ISegmentMembers
{
    IAsyncEnumerable<Customer> StreamAsync(Segment segment, DateTimeOffset now, CancellationToken cancellationToken = default);

    Task<ItemPage<Customer>> PageAsync(Segment segment, DateTimeOffset now, int pageSize, string? continuation, CancellationToken cancellationToken = default);

    /// <summary>Members and how many are reachable per channel now.</summary>
    Task<SegmentReach> ReachAsync(Segment segment, DateTimeOffset now, CancellationToken cancellationToken = default);
}
