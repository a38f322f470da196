using System.Text.Json;
using Microsoft.AspNetCore.Http;
using static CouponFunctions.Sandbox.Shopline.ShoplineSandboxResults;

namespace CouponFunctions.Sandbox.Shopline;

/// <summary>The price rule APIs; each runs inside <see cref="ShoplineSandboxGate"/> under the sandbox's lock.</summary>
internal sealed class ShoplinePriceRuleHandlers(ShoplineSandbox sandbox)
{
    private static readonly string[] RequiredOnCreate = ["title", "value_type", "value", "starts_at"];

    public IResult List(ShoplineCall call)
    {
        var (limit, after, error) = ShoplinePaging.Read(call.Http.Request.Query, sandbox.Options);
        return error is not null
            ? Invalid(error, 400)
            : ShoplinePaging.Page(call.Http, "price_rules", call.Store.Rules, limit, after, ShoplinePriceRuleJson.Rule);
    }

    public IResult Get(ShoplineCall call, string id) =>
        call.Store.Rules.TryGetValue(ShoplineSandbox.Id(id), out var rule) ? Ok(Wrap(rule)) : NotFound();

    public IResult Create(ShoplineCall call)
    {
        var (rule, error, present) = ShoplinePriceRuleInput.Apply(Input(call), new ShoplineSandboxPriceRule { Title = string.Empty, StartsAt = default });
        if (error is not null) return Invalid(error);
        if (RequiredOnCreate.FirstOrDefault(f => !present.Contains(f)) is { } missing) return Invalid(new(missing, "can't be blank"));
        if (ShoplinePriceRuleRules.Check(rule!, call.Store.Currency) is { } broken) return Invalid(broken);
        return Ok(Wrap(sandbox.InsertRuleLocked(call.Store, rule!)), 201);
    }

    public IResult Update(ShoplineCall call, string id)
    {
        if (!call.Store.Rules.TryGetValue(ShoplineSandbox.Id(id), out var current)) return NotFound();
        var (rule, error, _) = ShoplinePriceRuleInput.Apply(Input(call), current);
        if (error is not null) return Invalid(error);
        if (ShoplinePriceRuleRules.Check(rule!, call.Store.Currency) is { } broken) return Invalid(broken);
        var stored = rule! with { Id = current.Id, CreatedAt = current.CreatedAt, UpdatedAt = ShoplineSandbox.WholeSeconds(sandbox.Clock.GetUtcNow()) };
        call.Store.Rules[ShoplineSandbox.Id(id)] = stored;
        return Ok(Wrap(stored));
    }

    /// <summary>Deletes the rule and its discount codes; answers an empty object.</summary>
    public IResult Delete(ShoplineCall call, string id)
    {
        var key = ShoplineSandbox.Id(id);
        if (!call.Store.Rules.Remove(key)) return NotFound();
        foreach (var code in call.Store.Codes.Where(c => c.Value.PriceRuleId == id).Select(c => c.Key).ToList()) call.Store.Codes.Remove(code);
        return Ok(new Dictionary<string, object?>());
    }

    private static JsonElement Input(ShoplineCall call) =>
        call.Body.ValueKind == JsonValueKind.Object && call.Body.TryGetProperty("price_rule", out var input) ? input : default;

    private static Dictionary<string, object?> Wrap(ShoplineSandboxPriceRule rule) => new() { ["price_rule"] = ShoplinePriceRuleJson.Rule(rule) };
}
