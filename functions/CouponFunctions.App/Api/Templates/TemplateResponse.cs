using System.Globalization;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Templates;

namespace CouponFunctions.App.Api.Templates;

/// <summary>A template as the API returns it: the same shape POST and PUT take (so a client can edit and send it back),
/// plus id, version (also the ETag header), timestamps and the campaign's tag.</summary>
internal static class TemplateResponse
{
    public static object From(CouponTemplate t)
    {
        var d = t.Definition;
        return new
        {
            id = t.Id.Value,
            version = t.Version,
            createdAt = t.CreatedAt,
            updatedAt = t.UpdatedAt,
            name = d.Name,
            displayNamePattern = d.DisplayNamePattern,
            description = d.Description,
            campaign = d.Campaign is { } c ? new { name = c.Name, tag = c.Tag, channel = c.Channel, dealUrl = c.DealUrl } : null,
            discount = new
            {
                type = d.Discount.Kind switch { TemplateRewardKind.Percentage => "percentage", TemplateRewardKind.FixedAmount => "fixedAmount", _ => "freeShipping" },
                percentage = d.Discount.Percentage,
                amount = d.Discount.Amount,
                cap = d.Discount.Cap,
            },
            minSpend = d.MinSpend,
            totalQuantity = d.TotalQuantity,
            perBuyerLimit = d.PerBuyerLimit,
            code = new { mode = d.Code.Mode == CodeMode.Fixed ? "fixed" : "prefix", value = d.Code.Value, suffixLength = d.Code.SuffixLength },
            visibility = Visibility(d.Visibility),
            validity = new
            {
                type = d.Validity.Kind == ValidityKind.Absolute ? "absolute" : "relative",
                start = Local(d.Validity.LocalStart),
                end = Local(d.Validity.LocalEnd),
                startAfterHours = d.Validity.StartAfterHours,
                durationDays = d.Validity.DurationDays,
            },
            scope = new
            {
                type = d.Scope.IsShopWide ? "shop" : "products",
                productIds = d.Scope.IsShopWide ? null : d.Scope.ProductIds.ToDictionary(p => p.Key.Value, p => p.Value),
            },
            overrides = d.Overrides.ToDictionary(o => o.Key.ToWire(), o => new
            {
                displayNamePattern = o.Value.DisplayNamePattern,
                percentage = o.Value.Percentage,
                amount = o.Value.Amount,
                cap = o.Value.Cap,
                minSpend = o.Value.MinSpend,
                totalQuantity = o.Value.TotalQuantity,
                perBuyerLimit = o.Value.PerBuyerLimit,
                visibility = o.Value.Visibility is { } v ? Visibility(v) : null,
                code = o.Value.Code,
            }),
        };
    }

    /// <summary>The version as an HTTP ETag: quoted, as RFC 9110 wants (Table Storage's ETags carry their own quotes).</summary>
    public static string ETag(CouponTemplate t) => t.Version!.StartsWith("W/", StringComparison.Ordinal) || t.Version.StartsWith('"') ? t.Version : $"\"{t.Version}\"";

    public static IResult Ok(HttpResponse response, CouponTemplate t, int status = StatusCodes.Status200OK)
    {
        response.Headers.ETag = ETag(t);
        return status == StatusCodes.Status201Created ? Results.Created($"/api/templates/{t.Id}", From(t)) : Results.Ok(From(t));
    }

    private static string Visibility(CouponVisibility v) => v == CouponVisibility.Public ? "public" : "codeOnly";

    private static string? Local(DateTime? value) => value?.ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
}
