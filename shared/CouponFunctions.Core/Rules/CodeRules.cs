using System.Text.RegularExpressions;

namespace CouponFunctions.Core.Rules;

/// <summary>Whether a platform takes a code chosen by the seller when a coupon is created.</summary>
public enum CodeRequirement
{
    Required,
    Optional,

    /// <summary>The platform assigns its own code (or none); a code in the draft is ignored.</summary>
    NotSupported,
}

/// <summary>What a seller-chosen coupon code must look like on one platform.</summary>
/// <param name="AllowedPattern">A regular expression every character of the code must match (anchored).</param>
/// <param name="AllowedDescription">The same in words, for messages ("letters A–Z, a–z and digits 0–9").</param>
public sealed record CodeRules(
    CodeRequirement Requirement,
    int MinLength,
    int MaxLength,
    string AllowedPattern,
    string AllowedDescription)
{
    public static CodeRules None { get; } = new(CodeRequirement.NotSupported, 0, 0, "^$", "no code");

    // The static Regex methods cache the parsed pattern, so this stays cheap for bulk previews.
    public bool IsAllowed(string code) =>
        Regex.IsMatch(code, AllowedPattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
}

/// <summary>A longest allowed validity, in calendar months or in days (a month limit follows the calendar).</summary>
public sealed record DurationLimit(int Months, int Days)
{
    public static DurationLimit OfMonths(int months) => new(months, 0);

    public static DurationLimit OfDays(int days) => new(0, days);

    /// <summary>The latest end allowed for a coupon that starts at <paramref name="start"/> (computed in UTC).</summary>
    public DateTimeOffset LatestEnd(DateTimeOffset start) => start.ToUniversalTime().AddMonths(Months).AddDays(Days);

    public override string ToString() => (Months, Days) switch
    {
        (> 0, 0) => Months == 1 ? "1 month" : $"{Months} months",
        (0, _) => Days == 1 ? "1 day" : $"{Days} days",
        _ => $"{Months} months and {Days} days",
    };
}

/// <summary>Which way a running coupon's end may move.</summary>
public enum EndTimeDirection
{
    Any,
    LaterOnly,
    EarlierOnly,
}
