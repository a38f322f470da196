using CouponFunctions.Core.Common;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Core.Coupons.Campaigns;

/// <summary>One coupon named in a request, as sent (checked by <see cref="SetCouponCampaignHandler"/>).</summary>
public sealed record CouponReference(string? StoreId, string? CouponId);

/// <summary>What a campaign change did: the campaign set (null when cleared) and how many coupons in how many stores.</summary>
public sealed record CampaignChange(string? Campaign, int Coupons, int Stores);

/// <summary>
/// Sets or clears the campaign of coupons the operator picked in the list: only our own tag is written (nothing is sent to
/// a platform). Every coupon must be one the list shows the caller (a store outside a scoped key answers like a missing
/// one); any bad field fails the whole request and nothing is written.
/// </summary>
public sealed class SetCouponCampaignHandler(ICouponReadModel readModel, IStoreRepository stores, ICouponCampaigns campaigns)
{
    public const int MaxCoupons = 500;
    public const int MaxCouponIdLength = 200;

    public async Task<Result<CampaignChange>> HandleAsync(Caller caller, string? campaign, IReadOnlyList<CouponReference>? coupons, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var errors = new ValidationErrors();
        // Null or blank clears the campaign.
        var name = string.IsNullOrWhiteSpace(campaign) ? null : CouponCampaign.Check(campaign, "campaign", errors);
        if (coupons is not { Count: > 0 and <= MaxCoupons })
            return errors.Add("coupons", $"Give 1–{MaxCoupons} coupons as {{storeId, couponId}}.");

        var listed = await ListedAsync(caller, cancellationToken);
        var picked = new Dictionary<StoreId, HashSet<string>>();
        for (var i = 0; i < coupons.Count; i++)
        {
            var field = $"coupons[{i}]";
            var coupon = coupons[i];
            if (coupon is null || !StoreId.TryParse(coupon.StoreId, out var storeId)) errors.Add($"{field}.storeId", "Not a store id.");
            else if (string.IsNullOrEmpty(coupon.CouponId) || coupon.CouponId.Length > MaxCouponIdLength)
                errors.Add($"{field}.couponId", $"Give the coupon's id (at most {MaxCouponIdLength} characters).");
            else if (!listed.Contains((storeId, coupon.CouponId))) errors.Add(field, $"The store {storeId} has no coupon {coupon.CouponId} in the list.");
            else
            {
                if (!picked.TryGetValue(storeId, out var ids)) picked[storeId] = ids = new HashSet<string>(StringComparer.Ordinal);
                ids.Add(coupon.CouponId);
            }
        }
        if (!errors.IsEmpty) return errors;

        foreach (var (storeId, ids) in picked) await campaigns.SetAsync(caller.TenantId, storeId, ids, name, cancellationToken);
        return Result<CampaignChange>.Ok(new CampaignChange(name, picked.Values.Sum(ids => ids.Count), picked.Count));
    }

    private async Task<HashSet<(StoreId, string)>> ListedAsync(Caller caller, CancellationToken cancellationToken)
    {
        var visible = (await stores.ListAsync(caller.TenantId, cancellationToken))
            .Where(s => s.Status != StoreStatus.Disabled && caller.CanSee(s.Id)).Select(s => s.Id).ToHashSet();
        return (await readModel.GetRowsAsync(caller.TenantId, cancellationToken))
            .Where(r => visible.Contains(r.StoreId)).Select(r => (r.StoreId, r.PlatformCouponId)).ToHashSet();
    }
}
