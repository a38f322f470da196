using System.Globalization;
using CouponFunctions.Core.Stores;

namespace CouponFunctions.Core.Rules;

/// <summary>Money display and rounding by currency decimals ("SGD 1,234.50", "IDR 15,000"), as the preview and messages show it.</summary>
public static class Money
{
    /// <summary>ISO 4217 minor units of a currency the product knows (from <see cref="Sites"/>); 2 for any other.</summary>
    public static int DecimalsOf(string currency) =>
        Sites.Known.FirstOrDefault(s => string.Equals(s.Currency, currency, StringComparison.OrdinalIgnoreCase))?.CurrencyDecimals ?? 2;

    /// <summary>Rounds half away from zero, as shoppers expect on a price tag.</summary>
    public static decimal Round(decimal amount, int decimals) => Math.Round(amount, decimals, MidpointRounding.AwayFromZero);

    public static decimal Round(decimal amount, string currency) => Round(amount, DecimalsOf(currency));

    /// <summary>True when the amount needs no more than <paramref name="decimals"/> decimals (trailing zeros do not count).</summary>
    public static bool FitsDecimals(decimal amount, int decimals) => Math.Round(amount, decimals) == amount;

    public static string Format(decimal amount, string currency, int decimals) =>
        $"{currency.ToUpperInvariant()} {Round(amount, decimals).ToString("N" + decimals, CultureInfo.InvariantCulture)}";

    public static string Format(decimal amount, string currency) => Format(amount, currency, DecimalsOf(currency));
}
