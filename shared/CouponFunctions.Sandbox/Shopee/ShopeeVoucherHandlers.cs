using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using static CouponFunctions.Sandbox.Shopee.ShopeeSandboxResults;

namespace CouponFunctions.Sandbox.Shopee;

/// <summary>The voucher APIs; each runs inside <see cref="ShopeeSandboxGate"/> under the sandbox's lock.</summary>
internal sealed class ShopeeVoucherHandlers(ShopeeSandbox sandbox)
{
    private static readonly string[] Statuses = ["upcoming", "ongoing", "expired", "all"];

    private DateTimeOffset Now => sandbox.Clock.GetUtcNow();

    public IResult List(ShopeeCall call)
    {
        var query = call.Http.Request.Query;
        var status = query["status"].ToString();
        if (!Statuses.Contains(status)) return Param("status must be one of upcoming, ongoing, expired, all", call.RequestId);
        if (!TryInt(query["page_no"], 1, out var pageNo) || pageNo is < 1 or > 5000) return Param("page_no must be 1-5000", call.RequestId);
        if (!TryInt(query["page_size"], 20, out var pageSize) || pageSize is < 1 or > 100) return Param("page_size must be 1-100", call.RequestId);

        var now = Now;
        sandbox.TryGetShop(call.ShopId, out var shop);
        var matching = shop.Vouchers.Values.Reverse().Where(v => status == "all" || v.StatusAt(now) == status).ToList();
        var page = matching.Skip((pageNo - 1) * pageSize).Take(pageSize).Select(v => ToJson(v, detail: false)).ToList();
        return Ok(call.RequestId, new Dictionary<string, object?> { ["voucher_list"] = page, ["more"] = matching.Count > pageNo * pageSize });
    }

    public IResult Get(ShopeeCall call)
    {
        if (!TryLong(call.Http.Request.Query["voucher_id"], out var id)) return Param("voucher_id is required", call.RequestId);
        return Find(call, id, out var voucher) ? Ok(call.RequestId, ToJson(voucher, detail: true)) : NotFound(call.RequestId);
    }

    public IResult Add(ShopeeCall call)
    {
        if (!TryInput(call, out var input, out var invalid)) return invalid;
        sandbox.TryGetShop(call.ShopId, out var shop);
        var candidate = new ShopeeSandboxVoucher
        {
            Code = input.VoucherCode ?? string.Empty,
            Name = input.VoucherName ?? string.Empty,
            VoucherType = input.VoucherType ?? 0,
            RewardType = input.RewardType ?? 0,
            UsageQuantity = input.UsageQuantity ?? 0,
            Start = DateTimeOffset.FromUnixTimeSeconds(input.StartTime ?? 0),
            End = DateTimeOffset.FromUnixTimeSeconds(input.EndTime ?? 0),
            DisplayStart = input.DisplayStartTime is { } d ? DateTimeOffset.FromUnixTimeSeconds(d) : null,
            MinBasketPrice = input.MinBasketPrice ?? 0,
            DiscountAmount = input.DiscountAmount ?? 0,
            Percentage = input.Percentage ?? 0,
            MaxPrice = input.MaxPrice ?? 0,
            DisplayChannels = input.DisplayChannelList ?? [1],
            ItemIds = input.ItemIdList ?? [],
        };
        var error = ShopeeVoucherRules.CheckNew(shop, candidate, input, Now, sandbox.Options);
        if (error is not null) return Rule(error, call.RequestId);
        var stored = sandbox.InsertLocked(shop, candidate);
        return Ok(call.RequestId, new Dictionary<string, object?> { ["voucher_id"] = stored.VoucherId });
    }

    public IResult Update(ShopeeCall call)
    {
        if (!TryInput(call, out var input, out var invalid)) return invalid;
        if (input.VoucherId is not { } id) return Param("voucher_id is required", call.RequestId);
        if (!Find(call, id, out var current)) return NotFound(call.RequestId);
        sandbox.TryGetShop(call.ShopId, out var shop);
        var (updated, error) = ShopeeVoucherUpdates.Apply(shop, current, input, Now, sandbox.Options);
        if (error is not null) return Rule(error, call.RequestId);
        shop.Vouchers[id] = updated!;
        return Ok(call.RequestId, new Dictionary<string, object?> { ["voucher_id"] = id });
    }

    public IResult End(ShopeeCall call) => Stop(call, "ongoing", "only ongoing vouchers can be ended", (shop, v) =>
        shop.Vouchers[v.VoucherId] = v with { End = ShopeeSandbox.WholeSeconds(Now) });

    public IResult Delete(ShopeeCall call) => Stop(call, "upcoming", "only upcoming vouchers can be deleted", (shop, v) =>
        shop.Vouchers.Remove(v.VoucherId));

    private IResult Stop(ShopeeCall call, string requiredStatus, string refusal, Action<ShopeeSandboxShop, ShopeeSandboxVoucher> apply)
    {
        if (!TryInput(call, out var input, out var invalid)) return invalid;
        if (input.VoucherId is not { } id) return Param("voucher_id is required", call.RequestId);
        if (!Find(call, id, out var voucher)) return NotFound(call.RequestId);
        if (voucher.IsAdmin || voucher.VoucherPurpose != 0) return Rule(ShopeeVoucherUpdates.Permission, call.RequestId);
        if (voucher.StatusAt(Now) != requiredStatus) return Param(refusal, call.RequestId);
        sandbox.TryGetShop(call.ShopId, out var shop);
        apply(shop, voucher);
        return Ok(call.RequestId, new Dictionary<string, object?> { ["voucher_id"] = id });
    }

    private bool Find(ShopeeCall call, long id, out ShopeeSandboxVoucher voucher)
    {
        voucher = null!;
        return sandbox.TryGetShop(call.ShopId, out var shop) && shop.Vouchers.TryGetValue(id, out voucher!);
    }

    private static bool TryInput(ShopeeCall call, out ShopeeVoucherInput input, out IResult invalid)
    {
        invalid = null!;
        try
        {
            input = ShopeeVoucherInput.Read(call.Body);
            return true;
        }
        catch (JsonException ex)
        {
            input = null!;
            invalid = Param($"a field has the wrong type ({ex.Path})", call.RequestId);
            return false;
        }
    }

    /// <summary>A voucher as get_voucher (<paramref name="detail"/>) or a get_voucher_list item gives it. The official list
    /// item schema (v2.voucher.get_voucher_list.json) has no min_basket_price, max_price, display_channel_list, usecase or
    /// item_id_list: only get_voucher returns them (platform-apis.md §1, "Correction").</summary>
    private static Dictionary<string, object?> ToJson(ShopeeSandboxVoucher v, bool detail)
    {
        var json = new Dictionary<string, object?>
        {
            ["voucher_id"] = v.VoucherId,
            ["voucher_code"] = v.Code,
            ["voucher_name"] = v.Name,
            ["voucher_type"] = v.VoucherType,
            ["reward_type"] = v.RewardType,
            ["usage_quantity"] = v.UsageQuantity,
            ["current_usage"] = v.CurrentUsage,
            ["start_time"] = v.Start.ToUnixTimeSeconds(),
            ["end_time"] = v.End.ToUnixTimeSeconds(),
            ["is_admin"] = v.IsAdmin,
            ["voucher_purpose"] = v.VoucherPurpose,
            ["discount_amount"] = v.DiscountAmount,
            ["percentage"] = v.Percentage,
            ["display_start_time"] = v.DisplayStart?.ToUnixTimeSeconds() ?? 0,
        };
        if (!detail) return json;
        json["max_price"] = v.MaxPrice;
        json["min_basket_price"] = v.MinBasketPrice;
        json["display_channel_list"] = v.DisplayChannels;
        json["usecase"] = v.Usecase;
        json["item_id_list"] = v.ItemIds;
        return json;
    }

    private static bool TryInt(string? text, int fallback, out int value)
    {
        value = fallback;
        return string.IsNullOrEmpty(text) || int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    private static bool TryLong(string? text, out long value) => long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
