using System.Globalization;

namespace CouponFunctions.Sandbox.Lazada;

/// <summary>The create / update form as Lazada reads it: every field optional here (the rules say what is required).
/// The literal "null", which Lazada's own examples send for an absent value, counts as absent.</summary>
internal sealed record LazadaVoucherInput
{
    public long? Id { get; init; }

    public string? VoucherType { get; init; }

    public string? Name { get; init; }

    public string? Apply { get; init; }

    public string? DisplayArea { get; init; }

    public string? DiscountType { get; init; }

    public decimal? CriteriaOverMoney { get; init; }

    public decimal? MoneyValueOff { get; init; }

    public decimal? PercentageOff { get; init; }

    public decimal? MaxDiscount { get; init; }

    public long? Start { get; init; }

    public long? End { get; init; }

    public long? CollectStart { get; init; }

    public int? Limit { get; init; }

    public int? Issued { get; init; }

    public IReadOnlySet<string> Present { get; init; } = new HashSet<string>();

    public static LazadaVoucherInput Read(LazadaCall call, out LazadaRuleError? error)
    {
        error = null;
        var present = call.Parameters.Where(p => p.Value.Length > 0 && p.Value != "null").Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        string? Text(string name) => present.Contains(name) ? call.Parameters[name] : null;
        var bad = new List<string>();
        T? Parse<T>(string name, Func<string, (bool, T)> parse)
            where T : struct
        {
            if (Text(name) is not { } text) return null;
            var (ok, value) = parse(text);
            if (!ok) bad.Add(name);
            return ok ? value : null;
        }

        static (bool, decimal) Money(string s) => (decimal.TryParse(s, NumberStyles.Number, CultureInfo.InvariantCulture, out var v), v);
        static (bool, long) Whole(string s) => (long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v), v);
        static (bool, int) Count(string s) => (int.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v), v);

        var input = new LazadaVoucherInput
        {
            Id = Parse("id", Whole),
            VoucherType = Text("voucher_type"),
            Name = Text("voucher_name"),
            Apply = Text("apply"),
            DisplayArea = Text("display_area"),
            DiscountType = Text("voucher_discount_type"),
            CriteriaOverMoney = Parse("criteria_over_money", Money),
            MoneyValueOff = Parse("offering_money_value_off", Money),
            PercentageOff = Parse("offering_percentage_discount_off", Money),
            MaxDiscount = Parse("max_discount_offering_money_value", Money),
            Start = Parse("period_start_time", Whole),
            End = Parse("period_end_time", Whole),
            CollectStart = Parse("collect_start", Whole),
            Limit = Parse("limit", Count),
            Issued = Parse("issued", Count),
            Present = present,
        };
        if (bad.Count > 0) error = LazadaRuleError.Illegal($"{string.Join(", ", bad)} must be numbers");
        return input;
    }

    /// <summary>The voucher with every field this form carries applied over <paramref name="current"/>.</summary>
    public LazadaSandboxVoucher ApplyTo(LazadaSandboxVoucher current) => current with
    {
        VoucherType = VoucherType ?? current.VoucherType,
        Name = Name ?? current.Name,
        Apply = Apply ?? current.Apply,
        DisplayArea = DisplayArea ?? current.DisplayArea,
        DiscountType = DiscountType ?? current.DiscountType,
        CriteriaOverMoney = CriteriaOverMoney ?? current.CriteriaOverMoney,
        MoneyValueOff = MoneyValueOff ?? current.MoneyValueOff,
        PercentageOff = PercentageOff ?? current.PercentageOff,
        MaxDiscount = MaxDiscount ?? current.MaxDiscount,
        Start = Start is { } s ? DateTimeOffset.FromUnixTimeMilliseconds(s) : current.Start,
        End = End is { } e ? DateTimeOffset.FromUnixTimeMilliseconds(e) : current.End,
        CollectStart = CollectStart is { } c ? DateTimeOffset.FromUnixTimeMilliseconds(c) : current.CollectStart,
        Limit = Limit ?? current.Limit,
        Issued = Issued ?? current.Issued,
    };
}
