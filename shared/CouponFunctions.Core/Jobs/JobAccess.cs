using CouponFunctions.Core.Common;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Core.Jobs;

/// <summary>Who may preview, start and read jobs: editors act, viewers read, and a store-scoped key only touches its stores
/// (it never acts on the whole workspace).</summary>
public static class JobAccess
{
    /// <summary>Preview (<paramref name="act"/> false) needs a viewer; deploy, bulk actions and cancel need an editor. Every
    /// store must be in the key's scope; the stores outside it are named.</summary>
    public static Result<bool> Check(Caller caller, IEnumerable<StoreId> stores, bool act)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(stores);
        if (act && !caller.Has(ApiKeyRole.Editor))
            return Result<bool>.Forbidden("Deploying templates and acting on coupons needs an editor key.");
        var outside = stores.Where(s => !caller.CanSee(s)).Distinct().Select(s => s.Value).ToList();
        if (outside.Count > 0)
            return Result<bool>.Forbidden($"This key is limited to other stores; it cannot use {string.Join(", ", outside.Take(10))}{(outside.Count > 10 ? $" and {outside.Count - 10} more" : "")}.");
        return Result<bool>.Ok(true);
    }

    /// <summary>A scoped key sees a job only when every store of the job is in its scope.</summary>
    public static bool CanRead(Caller caller, IEnumerable<StoreId> storesOfJob)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return !caller.IsScoped || storesOfJob.All(caller.CanSee);
    }
}
