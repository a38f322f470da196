using System.Text.Json;
using CouponFunctions.Core.Coupons;
using CouponFunctions.Core.Platforms;
using CouponFunctions.Core.Stores;
using CouponFunctions.Platforms.Common.Http;

namespace CouponFunctions.Platforms.Shopline;

internal sealed partial class ShoplineClient
{
    private const string CapRefusal = "SHOPLINE price rules have no cap on the discount.";
    private const string PerBuyerRefusal = "SHOPLINE limits a buyer to one use (once_per_customer) or none; it has no other per-buyer limit.";

    /// <summary>Creates the price rule, then its discount code. Two calls, not one: if the code is refused, the rule is
    /// deleted again so no code-less discount is left behind. A draft's claim start has no SHOPLINE counterpart.</summary>
    public async Task<PlatformResult<Coupon>> CreateCouponAsync(StoreConnection store, CouponDraft draft, CancellationToken cancellationToken = default)
    {
        var check = Capabilities.Check(CouponOperation.Create);
        if (!check.Allowed) return NotSupported(check.Reason!);
        if (draft.Reward == RewardType.CoinCashback) return NotSupported("SHOPLINE price rules take a fixed amount or a percentage off; there is no coin cashback.");
        if (draft.MaxDiscount is not null) return NotSupported(CapRefusal);
        if (draft.PerBuyerLimit is > 1) return NotSupported(PerBuyerRefusal);
        if (string.IsNullOrWhiteSpace(draft.Code)) return Rejected("missing_code", "A SHOPLINE discount needs a code.");
        if (draft.Scope == CouponScope.Product && draft.ProductIds.Count == 0) return Rejected("missing_products", "A product discount needs at least one product id.");

        // Not idempotent: RetryMode.OnlyIfNotProcessed re-sends only after a 429 (or no connection).
        var created = await _api.CallAsync(store, "sales/price_rules.create", HttpMethod.Post, PriceRulesPath, [],
            new ShoplinePriceRuleBody(ShoplinePriceRuleMapper.FromDraft(draft)), RetryMode.OnlyIfNotProcessed,
            root => root.GetProperty("price_rule").GetProperty("id").GetString() ?? throw new JsonException("No price_rule.id."), cancellationToken).ConfigureAwait(false);
        if (!created.Succeeded) return created.Error;
        var id = created.Value;

        var code = await _api.CallAsync(store, "sales/discount_codes.create", HttpMethod.Post, $"/sales/price_rules/{id}/discount_codes.json", [],
            new ShoplineDiscountCodeBody(new ShoplineDiscountCodeWrite(draft.Code)), RetryMode.OnlyIfNotProcessed, _ => true, cancellationToken).ConfigureAwait(false);
        if (!code.Succeeded)
        {
            var undone = await DeleteRuleAsync(store, id, cancellationToken).ConfigureAwait(false);
            var outcome = undone.Succeeded ? "the price rule was deleted again" : $"price rule {id} is left without a code: delete it";
            return code.Error with { Message = $"{code.Error.Message} (discount code refused; {outcome})" };
        }

        var fetched = await GetCouponAsync(store, id, cancellationToken).ConfigureAwait(false);
        // The discount exists either way; if reading it back failed, answer from what we sent rather than fail the create.
        return fetched.Succeeded ? fetched : PlatformResult<Coupon>.Ok(ToCoupon(FromWrite(id, ShoplinePriceRuleMapper.FromDraft(draft)), [new(null, draft.Code, id, 0)], default, store));
    }

    public async Task<PlatformResult<Coupon>> UpdateCouponAsync(StoreConnection store, string platformCouponId, CouponChange change, CancellationToken cancellationToken = default)
    {
        var current = await GetCouponAsync(store, platformCouponId, cancellationToken).ConfigureAwait(false);
        if (!current.Succeeded) return current.Error;
        var coupon = current.Value;
        var check = Capabilities.Check(CouponOperation.Update, coupon.Status, change.Fields);
        if (!check.Allowed) return NotSupported(check.Reason!);
        if (change.MaxDiscount is not null) return NotSupported(CapRefusal);
        if (change.PerBuyerLimit is > 1) return NotSupported(PerBuyerRefusal);
        if (change.DiscountAmount is not null && coupon.Reward != RewardType.FixedAmount)
            return Rejected("invalid_discount", "A percentage SHOPLINE discount has no discount amount; change its percentage.");
        if (change.Percentage is not null && coupon.Reward != RewardType.Percentage)
            return Rejected("invalid_discount", "A fixed-amount SHOPLINE discount has no percentage; change its amount.");

        var write = new ShoplinePriceRuleWrite
        {
            Title = change.Name,
            Value = ShoplinePriceRuleMapper.Money(change.DiscountAmount ?? change.Percentage),
            StartsAt = change.ValidFrom is { } from ? ShoplinePriceRuleMapper.WholeSeconds(from) : null,
            EndsAt = change.ValidTo is { } to ? ShoplinePriceRuleMapper.WholeSeconds(to) : null,
            UsageLimit = change.TotalQuantity,
            OncePerCustomer = change.PerBuyerLimit is { } limit ? limit == 1 : null,
            PrerequisiteSubtotalRange = change.MinSpend is { } spend ? new ShoplineRangeWrite(ShoplinePriceRuleMapper.Money(spend)!) : null,
            TargetSelection = change.ProductIds is null ? null : change.ProductIds.Count > 0 ? "entitled" : "all",
            EntitledProductIds = change.ProductIds is null ? null : [.. change.ProductIds],
        };
        var updated = await PutAsync(store, platformCouponId, write, cancellationToken).ConfigureAwait(false);
        if (!updated.Succeeded) return updated.Error;
        return await GetCouponAsync(store, platformCouponId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>SHOPLINE has no "end": ends_at is set to now (and starts_at too, for a rule that has not started, so the
    /// window stays valid). Setting given times is idempotent, so a retry cannot end it twice.</summary>
    public async Task<PlatformResult> EndCouponAsync(StoreConnection store, string platformCouponId, CancellationToken cancellationToken = default)
    {
        var current = await GetCouponAsync(store, platformCouponId, cancellationToken).ConfigureAwait(false);
        if (!current.Succeeded) return current.Error;
        var check = Capabilities.Check(CouponOperation.End, current.Value.Status);
        if (!check.Allowed) return NotSupported(check.Reason!);
        var now = ShoplinePriceRuleMapper.WholeSeconds(_time.GetUtcNow());
        var write = new ShoplinePriceRuleWrite { EndsAt = now, StartsAt = current.Value.ValidFrom > now ? now : null };
        var result = await PutAsync(store, platformCouponId, write, cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? PlatformResult.Ok() : result.Error;
    }

    public async Task<PlatformResult> DeleteCouponAsync(StoreConnection store, string platformCouponId, CancellationToken cancellationToken = default)
    {
        var current = await GetCouponAsync(store, platformCouponId, cancellationToken).ConfigureAwait(false);
        if (!current.Succeeded) return current.Error;
        var check = Capabilities.Check(CouponOperation.Delete, current.Value.Status);
        if (!check.Allowed) return NotSupported(check.Reason!);
        var result = await DeleteRuleAsync(store, platformCouponId, cancellationToken).ConfigureAwait(false);
        return result.Succeeded ? PlatformResult.Ok() : result.Error;
    }

    /// <summary>SHOPLINE price rules have no pause, so nothing to resume: refused with the capability table's reason, without a call.</summary>
    public Task<PlatformResult> ReactivateCouponAsync(StoreConnection store, string platformCouponId, CancellationToken cancellationToken = default) =>
        Task.FromResult(PlatformResult.Fail(NotSupported(Capabilities.Check(CouponOperation.Reactivate).Reason ?? "SHOPLINE's API cannot re-activate price rules.")));

    private Task<PlatformResult<bool>> PutAsync(StoreConnection store, string id, ShoplinePriceRuleWrite write, CancellationToken cancellationToken) =>
        _api.CallAsync(store, "sales/price_rules.update", HttpMethod.Put, $"/sales/price_rules/{id}.json", [], new ShoplinePriceRuleBody(write),
            RetryMode.Safe, _ => true, cancellationToken);

    // Deleting twice converges (the second gets 404), so it is retried like a read.
    private Task<PlatformResult<bool>> DeleteRuleAsync(StoreConnection store, string id, CancellationToken cancellationToken) =>
        _api.CallAsync(store, "sales/price_rules.delete", HttpMethod.Delete, $"/sales/price_rules/{id}.json", [], null, RetryMode.Safe, _ => true, cancellationToken);

    private static ShoplinePriceRule FromWrite(string id, ShoplinePriceRuleWrite write) => new()
    {
        Id = id,
        Title = write.Title,
        ValueType = write.ValueType,
        Value = decimal.TryParse(write.Value, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null,
        TargetSelection = write.TargetSelection,
        StartsAt = write.StartsAt,
        EndsAt = write.EndsAt,
        UsageLimit = write.UsageLimit,
        OncePerCustomer = write.OncePerCustomer,
        PrerequisiteSubtotalRange = decimal.TryParse(write.PrerequisiteSubtotalRange?.GreaterThanOrEqualTo, System.Globalization.CultureInfo.InvariantCulture, out var spend)
            ? new ShoplineRange(spend)
            : null,
        EntitledProductIds = write.EntitledProductIds,
    };

    private static PlatformError NotSupported(string reason) => new(Platform.Shopline, PlatformErrorKind.NotSupported, null, reason);

    private static PlatformError Rejected(string code, string message) => new(Platform.Shopline, PlatformErrorKind.Rejected, code, message);
}
