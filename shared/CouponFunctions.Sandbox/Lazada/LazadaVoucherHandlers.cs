using System.Globalization;
using Microsoft.AspNetCore.Http;
using static CouponFunctions.Sandbox.Lazada.LazadaSandboxResults;

namespace CouponFunctions.Sandbox.Lazada;

/// <summary>The seller voucher APIs; each runs inside <see cref="LazadaSandboxGate"/> under the sandbox's lock.</summary>
internal sealed class LazadaVoucherHandlers(LazadaSandbox sandbox)
{
    private static readonly string[] Types = [LazadaVoucherRules.Collectible, LazadaVoucherRules.CodeVoucher];
    private static readonly string[] Statuses = ["NOT_START", "ONGOING", "SUSPEND", "FINISH"];

    private DateTimeOffset Now => sandbox.Clock.GetUtcNow();

    /// <summary>/promotion/vouchers/get: one voucher_type, optionally one status and a name filter, newest first,
    /// cur_page from 1; a page past the end is empty, with the total still given.</summary>
    public IResult List(LazadaCall call)
    {
        if (CheckType(call) is { } invalid) return invalid;
        var type = call.Param("voucher_type")!;
        var status = Absent(call.Param("status"));
        if (status is not null && !Statuses.Contains(status)) return Refuse(LazadaRuleError.Illegal("status must be NOT_START, ONGOING, SUSPEND or FINISH"), call.RequestId);
        if (!TryPaging(call, out var page, out var size, out var paging)) return paging;
        var name = Absent(call.Param("name"));

        var now = Now;
        sandbox.TryGetSeller(call.SellerId, out var seller);
        var matching = seller.Vouchers.Values.Reverse()
            .Where(v => v.VoucherType == type && (status is null || v.StatusAt(now) == status))
            .Where(v => name is null || v.Name.Contains(name, StringComparison.OrdinalIgnoreCase))
            .ToList();
        var items = matching.Skip((page - 1) * size).Take(size).Select(v => (object)LazadaVoucherJson.Voucher(v, seller, now));
        return Ok(call.RequestId, LazadaVoucherJson.Page(matching.Count, page, size, items));
    }

    public IResult Get(LazadaCall call) =>
        Find(call, out var voucher, out var seller, out var missing) ? Ok(call.RequestId, LazadaVoucherJson.Voucher(voucher, seller, Now)) : missing;

    public IResult Create(LazadaCall call)
    {
        var input = LazadaVoucherInput.Read(call, out var malformed);
        if (malformed is not null) return Refuse(malformed, call.RequestId);
        sandbox.TryGetSeller(call.SellerId, out var seller);
        var candidate = input.ApplyTo(new LazadaSandboxVoucher { Name = string.Empty, Start = DateTimeOffset.UnixEpoch, End = DateTimeOffset.UnixEpoch, Limit = 0, Issued = 0 });
        var error = LazadaVoucherRules.CheckCreate(seller, input, candidate, Now, sandbox.Options);
        if (error is not null) return Refuse(error, call.RequestId);
        var stored = sandbox.InsertLocked(seller, candidate with { Currency = LazadaVoucherJson.CurrencyOf(seller.Site) });
        return Ok(call.RequestId, stored.Id);
    }

    public IResult Update(LazadaCall call)
    {
        var input = LazadaVoucherInput.Read(call, out var malformed);
        if (malformed is not null) return Refuse(malformed, call.RequestId);
        if (!Find(call, out var current, out var seller, out var missing)) return missing;
        var (updated, error) = LazadaVoucherUpdates.Apply(seller, current, input, Now, sandbox.Options);
        if (error is not null) return Refuse(error, call.RequestId);
        seller.Vouchers[current.Id] = updated!;
        return Ok(call.RequestId, current.Id);
    }

    /// <summary>Resumes a SUSPEND voucher.</summary>
    public IResult Activate(LazadaCall call)
    {
        if (!Find(call, out var voucher, out var seller, out var missing)) return missing;
        if (voucher.StatusAt(Now) != "SUSPEND") return Refuse(LazadaRuleError.Invalid("Only a suspended voucher can be activated."), call.RequestId);
        seller.Vouchers[voucher.Id] = voucher with { Suspended = false };
        return Ok(call.RequestId);
    }

    /// <summary>Finishes the voucher for good, in any status but FINISH (code vouchers included: the API takes either type).</summary>
    public IResult Deactivate(LazadaCall call)
    {
        if (!Find(call, out var voucher, out var seller, out var missing)) return missing;
        if (voucher.StatusAt(Now) == "FINISH") return Refuse(LazadaRuleError.Invalid("The voucher has already finished."), call.RequestId);
        seller.Vouchers[voucher.Id] = voucher with { DeactivatedAt = LazadaSandbox.WholeMilliseconds(Now) };
        return Ok(call.RequestId);
    }

    /// <summary>The voucher named by voucher_type and id; the type must match, as Lazada keys vouchers by both.</summary>
    /// <param name="typeOptional">For /promotion/voucher/products/get, whose documented parameters are id, cur_page and
    /// page_size only: a voucher_type, when sent, must still match.</param>
    internal bool Find(LazadaCall call, out LazadaSandboxVoucher voucher, out LazadaSandboxSeller seller, out IResult refusal, bool typeOptional = false)
    {
        voucher = null!;
        sandbox.TryGetSeller(call.SellerId, out seller);
        var typed = !typeOptional || !string.IsNullOrEmpty(call.Param("voucher_type"));
        refusal = typed ? CheckType(call)! : null!;
        if (refusal is not null) return false;
        if (!long.TryParse(call.Param("id"), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            refusal = Refuse(LazadaRuleError.Illegal("id is required"), call.RequestId);
            return false;
        }
        if (seller.Vouchers.TryGetValue(id, out voucher!) && (!typed || voucher.VoucherType == call.Param("voucher_type"))) return true;
        refusal = Refuse(LazadaRuleError.NotFound, call.RequestId);
        return false;
    }

    /// <summary>cur_page from 1 (default 1); page_size from 1 to the maximum (default the docs' 10).</summary>
    internal bool TryPaging(LazadaCall call, out int page, out int size, out IResult refusal)
    {
        refusal = null!;
        page = 1;
        size = sandbox.Options.DefaultPageSize;
        var pageText = Absent(call.Param("cur_page"));
        var sizeText = Absent(call.Param("page_size"));
        if (pageText is not null && (!int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1))
            refusal = Refuse(LazadaRuleError.Illegal("cur_page must be a number from 1"), call.RequestId);
        else if (sizeText is not null && (!int.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size < 1 || size > sandbox.Options.MaxPageSize))
            refusal = Refuse(LazadaRuleError.Illegal($"page_size must be 1-{sandbox.Options.MaxPageSize}"), call.RequestId);
        return refusal is null;
    }

    private static IResult? CheckType(LazadaCall call) => call.Param("voucher_type") switch
    {
        null => Refuse(LazadaRuleError.Illegal("voucher_type is required"), call.RequestId),
        var type when !Types.Contains(type) => Refuse(new LazadaRuleError("E021", $"Invalid voucher_type {type}."), call.RequestId),
        _ => null,
    };

    // Lazada's own examples send the literal "null" for a parameter left out.
    internal static string? Absent(string? value) => value is null or "null" ? null : value;
}
