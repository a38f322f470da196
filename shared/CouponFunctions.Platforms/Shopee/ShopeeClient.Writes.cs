using System.Globalization;
using System.Text.Json;
using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Stores;
using CouponFunctions.Platforms.Common.Http;

namespace CouponFunctions.Platforms.Shopee;

internal sealed partial class ShopeeClient
{
    private const string AddPath = "/api/v2/voucher/add_voucher";
    private const string UpdatePath = "/api/v2/voucher/update_voucher";
    private const string EndPath = "/api/v2/voucher/end_voucher";
    private const string DeletePath = "/api/v2/voucher/delete_voucher";

    private const string AdminRefusal =
        "This voucher was created by Shopee (admin, Shop Game, Follow Prize, Membership or a campaign); Shopee's API cannot change, end or delete it.";

    public async Task<PlatformResult<Coupon>> CreateCouponAsync(StoreConnection store, CouponDraft draft, CancellationToken cancellationToken = default)
    {
        var check = Capabilities.Check(CouponOperation.Create);
        if (!check.Allowed) return NotSupported(check.Reason!);
        if (PreCheck(store.Site, draft) is { } refused) return refused;
        if (draft.PerBuyerLimit is > 1) return NotSupported("Shopee's voucher API has no per-buyer limit (a buyer uses a Shopee voucher once).");
        if (string.IsNullOrWhiteSpace(draft.Code)) return Rejected("missing_voucher_code", "A Shopee voucher needs a code (voucher_code).");
        if (!TryPercentage(draft.Percentage, out var percentage)) return Rejected("invalid_percentage", "Shopee percentages are whole numbers.");
        if (!ShopeeVoucherMapper.TryToItemIds(draft.ProductIds, out var itemIds)) return Rejected("invalid_item_id", "Shopee item ids are numbers.");

        var product = draft.Scope == CouponScope.Product;
        var fixedAmount = draft.Reward == RewardType.FixedAmount;
        var body = new ShopeeAddVoucherBody(
            draft.Name, draft.Code, draft.ValidFrom.ToUnixTimeSeconds(), draft.ValidTo.ToUnixTimeSeconds(),
            product ? ShopeeVoucherMapper.ProductVoucher : ShopeeVoucherMapper.ShopVoucher,
            ShopeeVoucherMapper.ToRewardType(draft.Reward), draft.TotalQuantity, draft.MinSpend,
            fixedAmount ? draft.DiscountAmount : null,
            fixedAmount ? null : percentage,
            fixedAmount ? null : draft.MaxDiscount ?? 0,
            _options.DisplayChannels,
            product ? itemIds : null,
            _options.DisplayChannels.Length > 0 ? draft.ClaimStart?.ToUnixTimeSeconds() : null);

        // add_voucher is not idempotent: RetryMode.OnlyIfNotProcessed retries only explicit throttle answers.
        var created = await _api.ShopCallAsync(store, HttpMethod.Post, AddPath, [], body, RetryMode.OnlyIfNotProcessed,
            response => Response(response).GetProperty("voucher_id").GetInt64(), cancellationToken).ConfigureAwait(false);
        if (!created.Succeeded) return created.Error;

        var id = created.Value.ToString(CultureInfo.InvariantCulture);
        var fetched = await GetCouponAsync(store, id, cancellationToken).ConfigureAwait(false);
        // The voucher exists either way; if reading it back failed, answer from what we sent rather than fail the create.
        return fetched.Succeeded ? fetched : PlatformResult<Coupon>.Ok(FromDraft(id, draft, store));
    }

    public async Task<PlatformResult<Coupon>> UpdateCouponAsync(StoreConnection store, string platformCouponId, CouponChange change, CancellationToken cancellationToken = default)
    {
        var current = await GetOperableAsync(store, platformCouponId, cancellationToken).ConfigureAwait(false);
        if (!current.Succeeded) return current.Error;
        var coupon = current.Value;
        var check = Capabilities.Check(CouponOperation.Update, coupon.Status, change.Fields);
        if (!check.Allowed) return NotSupported(check.Reason!);
        // After the read (the rules need the voucher's current times), before update_voucher.
        if (PreCheck(store.Site, coupon, change) is { } refused) return refused;
        if (change.PerBuyerLimit is not null) return NotSupported("Shopee's voucher API has no per-buyer limit.");
        if (change.DiscountAmount is not null && coupon.Reward != RewardType.FixedAmount)
            return Rejected("invalid_discount", "Only fixed-amount Shopee vouchers have a discount amount.");
        if ((change.Percentage is not null || change.MaxDiscount is not null) && coupon.Reward == RewardType.FixedAmount)
            return Rejected("invalid_discount", "A fixed-amount Shopee voucher has no percentage or cap.");
        if (!TryPercentage(change.Percentage, out var percentage)) return Rejected("invalid_percentage", "Shopee percentages are whole numbers.");
        if (!ShopeeVoucherMapper.TryToItemIds(change.ProductIds ?? [], out var itemIds)) return Rejected("invalid_item_id", "Shopee item ids are numbers.");

        var body = new ShopeeUpdateVoucherBody
        {
            VoucherId = long.Parse(coupon.PlatformCouponId, CultureInfo.InvariantCulture),
            VoucherName = change.Name,
            StartTime = change.ValidFrom?.ToUnixTimeSeconds(),
            EndTime = change.ValidTo?.ToUnixTimeSeconds(),
            UsageQuantity = change.TotalQuantity,
            MinBasketPrice = change.MinSpend,
            DiscountAmount = change.DiscountAmount,
            Percentage = percentage,
            MaxPrice = change.MaxDiscount,
            ItemIdList = change.ProductIds is null ? null : itemIds,
        };
        // update_voucher sets given values, so repeating it is harmless: retried like a read.
        var updated = await _api.ShopCallAsync(store, HttpMethod.Post, UpdatePath, [], body, RetryMode.Safe, _ => true, cancellationToken).ConfigureAwait(false);
        if (!updated.Succeeded) return updated.Error;
        return await GetCouponAsync(store, platformCouponId, cancellationToken).ConfigureAwait(false);
    }

    public Task<PlatformResult> EndCouponAsync(StoreConnection store, string platformCouponId, CancellationToken cancellationToken = default) =>
        StopAsync(store, platformCouponId, CouponOperation.End, EndPath, cancellationToken);

    public Task<PlatformResult> DeleteCouponAsync(StoreConnection store, string platformCouponId, CancellationToken cancellationToken = default) =>
        StopAsync(store, platformCouponId, CouponOperation.Delete, DeletePath, cancellationToken);

    /// <summary>Shopee vouchers have no pause, so nothing to resume: refused with the capability table's reason, without a call.</summary>
    public Task<PlatformResult> ReactivateCouponAsync(StoreConnection store, string platformCouponId, CancellationToken cancellationToken = default) =>
        Task.FromResult(PlatformResult.Fail(NotSupported(Capabilities.Check(CouponOperation.Reactivate).Reason ?? "Shopee's API cannot re-activate vouchers.")));

    private async Task<PlatformResult> StopAsync(StoreConnection store, string platformCouponId, CouponOperation operation, string path, CancellationToken cancellationToken)
    {
        var current = await GetOperableAsync(store, platformCouponId, cancellationToken).ConfigureAwait(false);
        if (!current.Succeeded) return current.Error;
        var check = Capabilities.Check(operation, current.Value.Status);
        if (!check.Allowed) return NotSupported(check.Reason!);

        // Ending or deleting twice converges on the same state; a retry after an unseen success gets a refusal
        // ("not ongoing" / "not found") that the next sync resolves, never a second effect.
        var body = new ShopeeVoucherIdBody(long.Parse(current.Value.PlatformCouponId, CultureInfo.InvariantCulture));
        var result = await _api.ShopCallAsync(store, HttpMethod.Post, path, [], body, RetryMode.Safe, _ => true, cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? PlatformResult.Ok() : result.Error;
    }

    /// <summary>The voucher's current state, refused up front when Shopee itself created it.</summary>
    private async Task<PlatformResult<Coupon>> GetOperableAsync(StoreConnection store, string platformCouponId, CancellationToken cancellationToken)
    {
        var current = await GetCouponAsync(store, platformCouponId, cancellationToken).ConfigureAwait(false);
        if (!current.Succeeded) return current;
        return current.Value.PlatformFields.TryGetValue("is_admin", out var admin) && admin == "true" ? NotSupported(AdminRefusal) : current;
    }

    private Coupon FromDraft(string id, CouponDraft draft, StoreConnection store)
    {
        var raw = JsonSerializer.SerializeToElement(new { voucher_id = id, voucher_code = draft.Code, voucher_name = draft.Name });
        return ShopeeVoucherMapper.ToCoupon(new ShopeeVoucher
        {
            VoucherId = long.Parse(id, CultureInfo.InvariantCulture),
            VoucherCode = draft.Code,
            VoucherName = draft.Name,
            VoucherType = draft.Scope == CouponScope.Product ? ShopeeVoucherMapper.ProductVoucher : ShopeeVoucherMapper.ShopVoucher,
            RewardType = ShopeeVoucherMapper.ToRewardType(draft.Reward),
            UsageQuantity = draft.TotalQuantity,
            StartTime = draft.ValidFrom.ToUnixTimeSeconds(),
            EndTime = draft.ValidTo.ToUnixTimeSeconds(),
            MinBasketPrice = draft.MinSpend,
            DiscountAmount = draft.DiscountAmount,
            Percentage = draft.Percentage,
            MaxPrice = draft.MaxDiscount,
            ItemIdList = ShopeeVoucherMapper.TryToItemIds(draft.ProductIds, out var items) ? items : null,
        }, raw, store.Site, _time.GetUtcNow(), detail: true);
    }

    private static bool TryPercentage(decimal? value, out int? percentage)
    {
        percentage = value is { } v && v == decimal.Truncate(v) && v is >= int.MinValue and <= int.MaxValue ? (int)v : null;
        return value is null || percentage is not null;
    }

    private static PlatformError Rejected(string code, string message) => new(Platform.Shopee, PlatformErrorKind.Rejected, code, message);
}
