using System.Globalization;
using CouponFunctions.Core.Common;
using CouponFunctions.Core.Templates;

namespace CouponFunctions.Core.BulkActions;

/// <summary>A bulk action as the API receives it; <see cref="Validate"/> names each bad field.</summary>
public sealed record BulkActionInput
{
    public string? Kind { get; init; }
    public int? ExtendDays { get; init; }

    /// <summary>"yyyy-MM-dd", the last day on each store's clock.</summary>
    public string? EndDate { get; init; }
    public int? AddQuantity { get; init; }
    public int? SetQuantity { get; init; }
    public string? Name { get; init; }
    public decimal? MinSpend { get; init; }
    public decimal? Percentage { get; init; }
    public decimal? DiscountAmount { get; init; }
    public decimal? MaxDiscount { get; init; }
    public int? StartAfterHours { get; init; }
    public int? DurationDays { get; init; }
    public string? Code { get; init; }
    public int? TotalQuantity { get; init; }

    public const int MaxExtendDays = 366;
    public const int MaxQuantity = 10_000_000;

    public static BulkActionInput From(BulkActionRequest r) => new()
    {
        Kind = r.Action, ExtendDays = r.ExtendDays, EndDate = r.EndDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        AddQuantity = r.AddQuantity, SetQuantity = r.SetQuantity, Name = r.Name, MinSpend = r.MinSpend, Percentage = r.Percentage,
        DiscountAmount = r.DiscountAmount, MaxDiscount = r.MaxDiscount, StartAfterHours = r.StartAfterHours, DurationDays = r.DurationDays,
        Code = r.Code, TotalQuantity = r.TotalQuantity,
    };

    public Result<BulkActionRequest> Validate()
    {
        var errors = new ValidationErrors();
        var match = BulkActionRequest.WireNames.Where(p => p.Value == Kind?.Trim()).ToList();
        if (match.Count == 0)
            return errors.Add("kind", $"Kind must be one of: {string.Join(", ", BulkActionRequest.WireNames.Values)}.");
        var kind = match[0].Key;
        var request = new BulkActionRequest { Kind = kind };
        switch (kind)
        {
            case BulkActionKind.Renew:
                request = Renew(request, errors);
                break;
            case BulkActionKind.Replenish:
                if ((AddQuantity is null) == (SetQuantity is null)) errors.Add("addQuantity", "Give either addQuantity or setQuantity.");
                else if (AddQuantity is < 1 or > MaxQuantity) errors.Add("addQuantity", $"Add 1–{MaxQuantity:N0}.");
                else if (SetQuantity is < 1 or > MaxQuantity) errors.Add("setQuantity", $"Set 1–{MaxQuantity:N0}.");
                request = request with { AddQuantity = AddQuantity, SetQuantity = SetQuantity };
                break;
            case BulkActionKind.Modify:
                request = Terms(request, errors);
                if (request is { Name: null, MinSpend: null, Percentage: null, DiscountAmount: null, MaxDiscount: null })
                    errors.Add("body", "Nothing to modify: give name, minSpend, percentage, discountAmount or maxDiscount.");
                break;
            case BulkActionKind.CloneAsNew:
                request = Terms(request, errors);
                if (StartAfterHours is < 0 or > TemplateValidator.MaxStartAfterHours) errors.Add("startAfterHours", $"Start 0–{TemplateValidator.MaxStartAfterHours} hours after the action.");
                if (DurationDays is < 1 or > TemplateValidator.MaxDurationDays) errors.Add("durationDays", $"Run 1–{TemplateValidator.MaxDurationDays} days.");
                if (TotalQuantity is < 1 or > MaxQuantity) errors.Add("totalQuantity", $"Total quantity 1–{MaxQuantity:N0}.");
                var code = Code?.Trim();
                if (code is not null && (code.Length is 0 or > TemplateValidator.CodeMaxLength || !code.All(char.IsAsciiLetterOrDigit)))
                    errors.Add("code", $"A code is 1–{TemplateValidator.CodeMaxLength} letters and digits.");
                request = request with { StartAfterHours = StartAfterHours, DurationDays = DurationDays, TotalQuantity = TotalQuantity, Code = code };
                break;
        }

        return errors.IsEmpty ? Result<BulkActionRequest>.Ok(request) : errors;
    }

    private BulkActionRequest Renew(BulkActionRequest request, ValidationErrors errors)
    {
        DateOnly? date = null;
        if ((ExtendDays is null) == (EndDate is null)) errors.Add("extendDays", "Give either extendDays or endDate.");
        else if (ExtendDays is < 1 or > MaxExtendDays) errors.Add("extendDays", $"Extend by 1–{MaxExtendDays} days.");
        else if (EndDate is not null)
        {
            if (DateOnly.TryParseExact(EndDate.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) date = d;
            else errors.Add("endDate", "Give the last day as yyyy-MM-dd; each store reads it on its own clock.");
        }

        return request with { ExtendDays = ExtendDays, EndDate = date };
    }

    private BulkActionRequest Terms(BulkActionRequest request, ValidationErrors errors)
    {
        var name = TextRules.Check(Name, "name", "Name", TemplateValidator.NameMaxLength, required: false, errors);
        if (MinSpend is < 0m) errors.Add("minSpend", "The minimum spend cannot be negative.");
        if (Percentage is { } p && (p <= 0m || p > 100m)) errors.Add("percentage", "The percentage must be above 0 and at most 100.");
        if (DiscountAmount is <= 0m) errors.Add("discountAmount", "The discount amount must be above zero.");
        if (MaxDiscount is < 0m) errors.Add("maxDiscount", "The maximum discount cannot be negative.");
        if (Percentage is not null && DiscountAmount is not null) errors.Add("discountAmount", "Give a percentage or a discount amount, not both.");
        return request with { Name = name, MinSpend = MinSpend, Percentage = Percentage, DiscountAmount = DiscountAmount, MaxDiscount = MaxDiscount };
    }
}
