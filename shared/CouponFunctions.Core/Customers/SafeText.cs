namespace CouponFunctions.Core.Customers;

/// <summary>Text that is safe to show in an email, an SMS, a CSV or the admin page: no control characters, no bidirectional
/// overrides or isolates (they make "gpj.exe" read as "exe.jpg", CVE-2021-42574), no broken surrogate pairs.</summary>
public static class SafeText
{
    public static bool IsSafe(string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsControl(c) || IsBidiControl(c)) return false;
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1])) return false;
                i++;
            }
            else if (char.IsLowSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }

    // LRE, RLE, PDF, LRO, RLO (U+202A–U+202E); LRI, RLI, FSI, PDI (U+2066–U+2069); LRM, RLM, ALM.
    private static bool IsBidiControl(char c) => c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') or '\u200E' or '\u200F' or '\u061C';
}
