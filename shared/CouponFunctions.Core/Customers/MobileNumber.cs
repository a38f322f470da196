using CouponFunctions.Core.Stores;

namespace CouponFunctions.Core.Customers;

/// <summary>
/// Mobile numbers per site the product knows: the country calling code, the length of the national (significant) number
/// and the digits mobile numbers start with (ITU-T E.164 national numbering plans, as libphonenumber's metadata has them).
/// Input may be international ("+65 9123 4567", "0065…") or national ("9123 4567", "081-234-5678" with its trunk 0);
/// the result is E.164.
/// </summary>
public static class MobileNumber
{
    /// <param name="Starts">First digits of mobile numbers; empty where mobiles share the geographic plan (US).</param>
    private sealed record Plan(string CallingCode, int MinLength, int MaxLength, string Starts, bool TrunkZero);

    private static readonly Dictionary<string, Plan> Plans = new(StringComparer.OrdinalIgnoreCase)
    {
        ["SG"] = new("65", 8, 8, "89", TrunkZero: false),
        ["MY"] = new("60", 9, 10, "1", TrunkZero: true),     // 1x-xxx xxxx(x)
        ["PH"] = new("63", 10, 10, "9", TrunkZero: true),    // 9xx xxx xxxx
        ["TH"] = new("66", 9, 9, "689", TrunkZero: true),    // 6x/8x/9x-xxx-xxxx
        ["VN"] = new("84", 9, 9, "35789", TrunkZero: true),
        ["ID"] = new("62", 9, 12, "8", TrunkZero: true),     // 8xx-xxxx-xxxx(x)
        ["TW"] = new("886", 9, 9, "9", TrunkZero: true),     // 9xx xxx xxx
        ["HK"] = new("852", 8, 8, "45679", TrunkZero: false),
        ["BR"] = new("55", 11, 11, "123456789", TrunkZero: true), // 2-digit area code + 9 + 8 digits
        ["MX"] = new("52", 10, 10, "123456789", TrunkZero: false),
        ["GB"] = new("44", 10, 10, "7", TrunkZero: true),
        ["US"] = new("1", 10, 10, "23456789", TrunkZero: false),
    };

    public static bool Knows(string site) => Plans.ContainsKey(site);

    /// <summary>The number in E.164 for a store of <paramref name="site"/>, or null with a reason naming what is wrong.</summary>
    public static string? Normalize(string input, string site, out string? error)
    {
        if (!Plans.TryGetValue(site, out var plan) || !Sites.TryGet(site, out var known))
        {
            error = $"Mobile numbers cannot be checked for site '{site}'.";
            return null;
        }

        var digits = new System.Text.StringBuilder(16);
        var international = false;
        var trimmed = input.Trim();
        for (var i = 0; i < trimmed.Length; i++)
        {
            var c = trimmed[i];
            if (char.IsAsciiDigit(c)) digits.Append(c);
            else if (c == '+' && i == 0) international = true;
            else if (c is not (' ' or '-' or '(' or ')' or '.'))
            {
                error = "A mobile number may only have digits, a leading '+', spaces, '-', '.' and brackets.";
                return null;
            }
        }

        var number = digits.ToString();
        if (!international && number.StartsWith("00", StringComparison.Ordinal))
        {
            international = true;
            number = number[2..];
        }

        string national;
        if (international)
        {
            if (!number.StartsWith(plan.CallingCode, StringComparison.Ordinal))
            {
                error = $"The mobile number is not a {known.Name} number: it must start with +{plan.CallingCode}.";
                return null;
            }

            national = number[plan.CallingCode.Length..];
        }
        else
        {
            national = plan.TrunkZero && number.StartsWith('0') ? number[1..] : number;
        }

        if (national.Length < plan.MinLength || national.Length > plan.MaxLength)
        {
            var length = plan.MinLength == plan.MaxLength ? $"{plan.MinLength}" : $"{plan.MinLength}–{plan.MaxLength}";
            error = $"A {known.Name} mobile number has {length} digits after +{plan.CallingCode}; this one has {national.Length}.";
            return null;
        }

        if (plan.Starts.Length > 0 && !plan.Starts.Contains(national[0]))
        {
            error = $"A {known.Name} mobile number starts with {string.Join(" or ", plan.Starts.ToCharArray())} after +{plan.CallingCode}.";
            return null;
        }

        error = null;
        return "+" + plan.CallingCode + national;
    }
}
