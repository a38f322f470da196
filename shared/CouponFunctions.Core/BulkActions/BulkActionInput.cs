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

    /// <summary>"yyyy-MM-dd", the clone's first day on each store's clock.</summary>
    public string? StartDate { get; init; }
    public int? DurationDays { get; init; }
    public string? Code { get; init; }
    public string? CodeSuffix { get; init; }
    public int? TotalQuantity { get; init; }

    public const int MaxExtendDays = 366;
    public const int MaxQuantity = 10_000_000;
    public const int MaxCodeSuffixLength = 8;

    public static BulkActionInput From(BulkActionRequest r) => new()
    {
        Kind = r.Action, ExtendDays = r.ExtendDays, EndDate = r.EndDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        AddQuantity = r.AddQuantity, SetQuantity = r.SetQuantity, Name = r.Name, MinSpend = r.MinSpend, Percentage = r.Percentage,
        DiscountAmount = r.DiscountAmount, MaxDiscount = r.MaxDiscount, StartAfterHours = r.StartAfterHours, DurationDays = r.DurationDays,
        Code = r.Code, TotalQuantity = r.TotalQuantity, StartDate = r.StartDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), CodeSuffix = r.CodeSuffix,
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
                request = CloneTerms(Terms(request, errors), errors);
                break;
        }

        return errors.IsEmpty ? Result<BulkActionRequest>.Ok(request) : errors;
    }

    private BulkActionRequest CloneTerms(BulkActionRequest request, ValidationErrors errors)
    {
        if (StartAfterHours is not null && StartDate is not null) errors.Add("startDate", "Give startAfterHours or startDate, not both.");
        else if (StartAfterHours is < 0 or > TemplateValidator.MaxStartAfterHours) errors.Add("startAfterHours", $"Start 0–{TemplateValidator.MaxStartAfterHours} hours after the action.");
        var start = Day(StartDate, "startDate", "Give the first day as yyyy-MM-dd; each store reads it on its own clock.", errors);
        if (DurationDays is not null && EndDate is not null) errors.Add("endDate", "Give durationDays or endDate, not both.");
        else if (DurationDays is < 1 or > TemplateValidator.MaxDurationDays) errors.Add("durationDays", $"Run 1–{TemplateValidator.MaxDurationDays} days.");
        var end = Day(EndDate, "endDate", "Give the last day as yyyy-MM-dd; each store reads it on its own clock.", errors);
        if (start is not null && end is not null && end < start) errors.Add("endDate", "The last day is before the first day.");
        if (TotalQuantity is < 1 or > MaxQuantity) errors.Add("totalQuantity", $"Total quantity 1–{MaxQuantity:N0}.");
        var code = Code?.Trim();
        if (code is not null && (code.Length is 0 or > TemplateValidator.CodeMaxLength || !code.All(char.IsAsciiLetterOrDigit)))
            errors.Add("code", $"A code is 1–{TemplateValidator.CodeMaxLength} letters and digits.");
        var suffix = CodeSuffix?.Trim().ToUpperInvariant();
        if (suffix is not null && code is not null) errors.Add("codeSuffix", "Give code or codeSuffix, not both.");
        else if (suffix is not null && (suffix.Length is 0 or > MaxCodeSuffixLength || !suffix.All(char.IsAsciiLetterOrDigit)))
            errors.Add("codeSuffix", $"A code suffix is 1–{MaxCodeSuffixLength} letters and digits.");
        return request with
        {
            StartAfterHours = StartAfterHours, StartDate = start, DurationDays = DurationDays, EndDate = end, TotalQuantity = TotalQuantity,
            Code = code, CodeSuffix = suffix,
        };
    }

    private static DateOnly? Day(string? text, string field, string message, ValidationErrors errors)
    {
        if (text is null) return null;
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return day;
        errors.Add(field, message);
        return null;
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
