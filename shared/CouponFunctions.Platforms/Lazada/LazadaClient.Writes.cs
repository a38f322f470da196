using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Stores;
using CouponFunctions.Platforms.Common.Http;
using static CouponFunctions.Platforms.Lazada.LazadaJson;

namespace CouponFunctions.Platforms.Lazada;

internal sealed partial class LazadaClient
{
    private const string CreatePath = "/promotion/voucher/create";
    private const string UpdatePath = "/promotion/voucher/update";
    private const string DeactivatePath = "/promotion/voucher/deactivate";
    private const string ActivatePath = "/promotion/voucher/activate";

    private const string CodeVoucherRefusal =
        "Lazada code vouchers are read-only through the API (only collectible vouchers can be created or changed); change it in Lazada Seller Center.";

    /// <summary>Creates a COLLECTIBLE_VOUCHER (the only kind Lazada's API creates; a code in the draft is ignored, as the
    /// rule catalog says), then adds its SKUs for a product voucher.</summary>
    public async Task<PlatformResult<Coupon>> CreateCouponAsync(StoreConnection store, CouponDraft draft, CancellationToken cancellationToken = default)
    {
        var check = Capabilities.Check(CouponOperation.Create);
        if (!check.Allowed) return NotSupported(check.Reason!);
        if (draft.Reward == RewardType.CoinCashback) return NotSupported("Lazada vouchers take money off or a percentage off; there is no coin cashback.");
        if (draft.Reward == RewardType.FixedAmount && draft.DiscountAmount is null) return Rejected("missing_discount", "A money-off Lazada voucher needs a discount amount.");
        if (draft.Reward == RewardType.Percentage && draft.Percentage is null) return Rejected("missing_percentage", "A percentage Lazada voucher needs a percentage.");
        if (!LazadaVoucherMapper.TryToSkuIds(draft.ProductIds, out var skuIds)) return InvalidSkus();
        if (draft.Scope == CouponScope.Product && skuIds.Length == 0) return Rejected("missing_sku_ids", "A Lazada product voucher needs at least one SKU.");

        // create is not idempotent: RetryMode.OnlyIfNotProcessed re-sends only after an explicit throttle answer.
        var created = await _api.SellerCallAsync(store, HttpMethod.Post, CreatePath, LazadaVoucherForm.ForCreate(draft, _options.DisplayArea),
            RetryMode.OnlyIfNotProcessed, response => Long(response, "data") ?? throw new FormatException("No promotion id in data."), cancellationToken).ConfigureAwait(false);
        if (!created.Succeeded) return created.Error;

        var id = LazadaVoucherMapper.CouponId(LazadaVoucher.Collectible, created.Value);
        if (draft.Scope == CouponScope.Product)
        {
            var voucher = new LazadaVoucher { Id = created.Value, VoucherType = LazadaVoucher.Collectible, PeriodStartTime = 0, PeriodEndTime = 0, Status = "NOT_START" };
            var added = await SetSkusAsync(store, voucher, [], skuIds, cancellationToken).ConfigureAwait(false);
            if (!added.Succeeded)
                return added.Error with { Message = $"Lazada voucher {id} was created, but adding its SKUs failed: {added.Error.Message}" };
        }
        return await GetCouponAsync(store, id, cancellationToken).ConfigureAwait(false);
    }

    public async Task<PlatformResult<Coupon>> UpdateCouponAsync(StoreConnection store, string platformCouponId, CouponChange change, CancellationToken cancellationToken = default)
    {
        var read = await GetVoucherAsync(store, platformCouponId, cancellationToken).ConfigureAwait(false);
        if (!read.Succeeded) return read.Error;
        var (current, _) = read.Value;
        var check = Capabilities.Check(CouponOperation.Update, StatusOf(current), change.Fields);
        if (!check.Allowed) return NotSupported(check.Reason!);
        if (current.VoucherType == LazadaVoucher.CodeVoucher) return NotSupported(CodeVoucherRefusal);
        if (change.TotalQuantity is { } issued && issued < (current.Issued ?? 0))
            return Rejected("issued_decrease", $"Lazada voucher quantities (issued) can only go up; it is {current.Issued} and the change asks for {issued}.");
        if (change.MinSpend is { } minSpend && minSpend != (current.CriteriaOverMoney ?? 0))
            return Rejected("criteria_fixed", $"Lazada fixes the minimum spend (criteria_over_money) once it is set; it stays {Money(current.CriteriaOverMoney ?? 0)}.");
        var percentage = current.DiscountType == LazadaVoucher.PercentageOff;
        if (change.DiscountAmount is not null && percentage) return Rejected("invalid_discount", "A percentage Lazada voucher has no money-off amount.");
        if ((change.Percentage is not null || change.MaxDiscount is not null) && !percentage)
            return Rejected("invalid_discount", "A money-off Lazada voucher has no percentage or cap.");
        if (!LazadaVoucherMapper.TryToSkuIds(change.ProductIds ?? [], out var skuIds)) return InvalidSkus();
        if (change.ProductIds is not null && current.Apply != LazadaVoucher.SpecificProducts)
            return Rejected("not_a_product_voucher", "This Lazada voucher applies to the entire shop; it has no SKU list to change.");

        if ((change.Fields & ~CouponField.Products) != CouponField.None)
        {
            // update sets the values given, so repeating it is harmless: retried like a read.
            var updated = await _api.SellerCallAsync(store, HttpMethod.Post, UpdatePath, LazadaVoucherForm.ForUpdate(current, change),
                RetryMode.Safe, _ => true, cancellationToken).ConfigureAwait(false);
            if (!updated.Succeeded) return updated.Error;
        }
        if (change.ProductIds is not null)
        {
            var skus = await ListSkusAsync(store, current, cancellationToken).ConfigureAwait(false);
            if (!skus.Succeeded) return skus.Error;
            var set = await SetSkusAsync(store, current, skus.Value, skuIds, cancellationToken).ConfigureAwait(false);
            if (!set.Succeeded) return set.Error;
        }
        return await GetCouponAsync(store, platformCouponId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deactivates the voucher (Lazada's "end"): it shows as FINISH from then on, which we map to Deactivated.</summary>
    public async Task<PlatformResult> EndCouponAsync(StoreConnection store, string platformCouponId, CancellationToken cancellationToken = default)
    {
        var read = await GetVoucherAsync(store, platformCouponId, cancellationToken).ConfigureAwait(false);
        if (!read.Succeeded) return read.Error;
        var current = read.Value.Voucher;
        var check = Capabilities.Check(CouponOperation.End, StatusOf(current));
        if (!check.Allowed) return NotSupported(check.Reason!);

        // Deactivating twice converges; a retry after an unseen success gets a refusal that the next sync resolves.
        var form = new KeyValuePair<string, string>[] { new("voucher_type", current.VoucherType), new("id", Number(current.Id)) };
        var result = await _api.SellerCallAsync(store, HttpMethod.Post, DeactivatePath, form,
            RetryMode.Safe, _ => true, cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? PlatformResult.Ok() : result.Error;
    }

    /// <summary>Resumes a paused (SUSPEND) voucher with /promotion/voucher/activate; it is NOT_START or ONGOING again by its times.</summary>
    public async Task<PlatformResult> ReactivateCouponAsync(StoreConnection store, string platformCouponId, CancellationToken cancellationToken = default)
    {
        var read = await GetVoucherAsync(store, platformCouponId, cancellationToken).ConfigureAwait(false);
        if (!read.Succeeded) return read.Error;
        var current = read.Value.Voucher;
        var check = Capabilities.Check(CouponOperation.Reactivate, StatusOf(current));
        if (!check.Allowed) return NotSupported(check.Reason!);

        // Activating twice converges; a retry after an unseen success gets "only a suspended voucher" that the next sync resolves.
        var form = new KeyValuePair<string, string>[] { new("voucher_type", current.VoucherType), new("id", Number(current.Id)) };
        var result = await _api.SellerCallAsync(store, HttpMethod.Post, ActivatePath, form,
            RetryMode.Safe, _ => true, cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? PlatformResult.Ok() : result.Error;
    }

    private CouponStatus StatusOf(LazadaVoucher voucher) => LazadaVoucherMapper.ToStatus(voucher.Status,
        DateTimeOffset.FromUnixTimeMilliseconds(voucher.PeriodStartTime), DateTimeOffset.FromUnixTimeMilliseconds(voucher.PeriodEndTime), _time.GetUtcNow());

    /// <summary>Lazada has no delete API: refused with the capability table's reason, without calling Lazada.</summary>
    public Task<PlatformResult> DeleteCouponAsync(StoreConnection store, string platformCouponId, CancellationToken cancellationToken = default) =>
        Task.FromResult(PlatformResult.Fail(NotSupported(Capabilities.Check(CouponOperation.Delete).Reason ?? "Lazada's API has no delete.")));
}
