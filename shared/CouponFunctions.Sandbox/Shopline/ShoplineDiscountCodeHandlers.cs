using System.Text.Json;
using Microsoft.AspNetCore.Http;
using static CouponFunctions.Sandbox.Shopline.ShoplineSandboxResults;

namespace CouponFunctions.Sandbox.Shopline;

/// <summary>The discount code APIs of one price rule; each runs inside <see cref="ShoplineSandboxGate"/> under the lock.</summary>
internal sealed class ShoplineDiscountCodeHandlers(ShoplineSandbox sandbox)
{
    public IResult List(ShoplineCall call, string priceRuleId)
    {
        if (!call.Store.Rules.ContainsKey(ShoplineSandbox.Id(priceRuleId))) return NotFound();
        var (limit, after, error) = ShoplinePaging.Read(call.Http.Request.Query, sandbox.Options);
        return error is not null
            ? Invalid(error, 400)
            : ShoplinePaging.Page(call.Http, "discount_codes", call.Store.Codes.Where(c => c.Value.PriceRuleId == priceRuleId), limit, after, ShoplinePriceRuleJson.Code);
    }

    public IResult Create(ShoplineCall call, string priceRuleId)
    {
        if (!call.Store.Rules.ContainsKey(ShoplineSandbox.Id(priceRuleId))) return NotFound();
        var code = call.Body.ValueKind == JsonValueKind.Object && call.Body.TryGetProperty("discount_code", out var input)
            && input.ValueKind == JsonValueKind.Object && input.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String
            ? c.GetString()
            : null;
        if (ShoplinePriceRuleRules.CheckCode(call.Store, code) is { } error) return Invalid(error);
        var stored = sandbox.AddCodeLocked(call.Store, priceRuleId, code!, 0);
        return Ok(new Dictionary<string, object?> { ["discount_code"] = ShoplinePriceRuleJson.Code(stored) }, 201);
    }
}
