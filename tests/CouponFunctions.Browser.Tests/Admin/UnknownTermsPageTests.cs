using System.Text.Json.Nodes;
using CouponFunctions.Browser.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CouponFunctions.Browser.Tests.Admin;

/// <summary>Unknown is not zero: what the API sends as null and names in <c>unknown</c> (a Shopee voucher whose get_voucher
/// has not been read yet) reads "unknown" on the page, never "none" or "no minimum spend". The API answers are the real
/// ones with those fields turned unknown on the way, so the page is tested against the shape the API gives.</summary>
[Collection(BrowserCollection.Name)]
public sealed class UnknownTermsPageTests(BrowserApp app)
{
    [Fact]
    public async Task CouponDetail_MinSpendCapAndProductsUnknown_ReadUnknown()
    {
        var page = await app.SignedInPageAsync();
        await page.RouteAsync("**/api/coupons/*/*", route => RewriteAsync(route, body =>
        {
            var coupon = body["coupon"]!;
            coupon["minSpend"] = null;
            coupon["scope"] = "product";
            coupon["reward"] = "percentage";
            coupon["percentage"] = 10;
            coupon["maxDiscount"] = null;
            coupon["unknown"] = "minSpend, maxDiscount, products";
        }));
        await page.EvaluateAsync("hash => location.hash = hash", $"#/coupons/{app.Data.Bangkok}/{app.Data.Weekend.VoucherId}");

        var detail = page.Locator("#coupon-detail");
        await Expect(Fact(detail, "Minimum spend")).ToHaveTextAsync("unknown");
        await Expect(Fact(detail, "Applies to")).ToHaveTextAsync("listed products: unknown");
        await Expect(Fact(detail, "Reward")).ToHaveTextAsync("10% off, cap unknown");
    }

    [Fact]
    public async Task CouponList_MinSpendUnknown_ReadsUnknownBesideTheReward()
    {
        var page = await app.SignedInPageAsync();
        await page.RouteAsync("**/api/coupons?**", route => RewriteAsync(route, body =>
        {
            foreach (var item in body["items"]!.AsArray())
            {
                item!["minSpend"] = null;
                item["unknown"] = "minSpend";
            }
        }));
        await page.EvaluateAsync("hash => location.hash = hash", $"#/coupons?store={app.Data.Bangkok}");

        var row = page.Locator("#coupons tbody tr", new() { HasText = "Weekend Mega Deal" });
        await Expect(row).ToContainTextAsync("min. spend unknown");
        await Expect(row).Not.ToContainTextAsync("no minimum spend");
    }

    private static ILocator Fact(ILocator detail, string label) =>
        detail.Locator($"dt:text-is('{label}') + dd");

    private static async Task RewriteAsync(IRoute route, Action<JsonNode> change)
    {
        var response = await route.FetchAsync();
        var body = JsonNode.Parse(await response.TextAsync())!;
        change(body);
        await route.FulfillAsync(new() { Response = response, Body = body.ToJsonString() });
    }
}
