using CouponFunctions.Core.Common;
using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Core.Performance;

/// <summary>
/// A tenant's reporting choices: the currency money is compared in, the rates it sets (one unit of a store currency in the
/// reporting currency), and the diagnosis thresholds.
/// </summary>
public sealed record ReportingSettings(string Currency, IReadOnlyDictionary<string, decimal> Rates, DiagnosisThresholds Thresholds)
{
    public static ReportingSettings Default { get; } = new("USD", new Dictionary<string, decimal>(), DiagnosisThresholds.Default);

    /// <summary><paramref name="amount"/> of <paramref name="currency"/> in the reporting currency; null when no rate is set.</summary>
    public decimal? Convert(decimal amount, string currency) =>
        string.Equals(currency, Currency, StringComparison.OrdinalIgnoreCase) ? amount
        : Rates.TryGetValue(currency.ToUpperInvariant(), out var rate) ? amount * rate : null;

    /// <summary>Checks a settings body: ISO-like 3-letter codes, positive rates, at most 50 of them, thresholds between 0 and 1.</summary>
    public static Result<ReportingSettings> Validate(string? currency, IReadOnlyDictionary<string, decimal>? rates, DiagnosisThresholds? thresholds)
    {
        var errors = new ValidationErrors();
        if (!IsCode(currency)) errors.Add("currency", "A three-letter currency code such as USD.");
        if (rates is { Count: > 50 }) errors.Add("rates", "At most 50 rates.");
        foreach (var (code, rate) in rates ?? new Dictionary<string, decimal>())
        {
            if (!IsCode(code)) errors.Add("rates", $"'{Shorten(code)}' is not a three-letter currency code.");
            else if (rate <= 0 || rate > 1_000_000) errors.Add("rates", $"The rate of {code.ToUpperInvariant()} must be above 0 and at most 1,000,000.");
        }
        var t = thresholds ?? DiagnosisThresholds.Default;
        if (t.LowClaimRate is < 0 or > 1) errors.Add("thresholds.lowClaimRate", "A share between 0 and 1.");
        if (t.LowUseRate is < 0 or > 1) errors.Add("thresholds.lowUseRate", "A share between 0 and 1.");
        if (!errors.IsEmpty) return errors;
        return Result<ReportingSettings>.Ok(new ReportingSettings(
            currency!.ToUpperInvariant(),
            (rates ?? new Dictionary<string, decimal>()).ToDictionary(r => r.Key.ToUpperInvariant(), r => r.Value),
            t));
    }

    private static bool IsCode(string? code) => code is { Length: 3 } && code.All(char.IsAsciiLetter);

    private static string Shorten(string text) => text.Length > 12 ? text[..12] + "…" : text;
}

/// <summary>Where the diagnosis quadrant splits: claimed/quantity below <see cref="LowClaimRate"/> is few claims; used/claimed below <see cref="LowUseRate"/> is few uses.</summary>
public sealed record DiagnosisThresholds(decimal LowClaimRate, decimal LowUseRate)
{
    public static DiagnosisThresholds Default { get; } = new(0.2m, 0.1m);
}

/// <summary>Stores each tenant's reporting settings.</summary>
public interface IReportingSettingsRepository
{
    Task<ReportingSettings> GetAsync(TenantId tenantId, CancellationToken cancellationToken = default);

    Task SaveAsync(TenantId tenantId, ReportingSettings settings, CancellationToken cancellationToken = default);
}
