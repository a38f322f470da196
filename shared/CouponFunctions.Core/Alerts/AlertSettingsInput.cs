using System.Globalization;
using System.Net.Mail;
using CouponFunctions.Core.Common;
using CouponFunctions.Core.Inspections;

namespace CouponFunctions.Core.Alerts;

/// <summary>Alert settings as operators edit them: recipients, slots as "HH:mm", thresholds, ages in plain units.</summary>
public sealed record AlertSettingsInput(
    IReadOnlyList<string>? Recipients,
    IReadOnlyList<string>? Slots,
    decimal? LowStockPercent,
    int? LowStockCount,
    int? ExpiryWindowDays,
    double? StaleSyncHours)
{
    public const int MaxRecipients = 50;

    /// <summary>The longest address SMTP carries (RFC 5321: a 256-octet path less its angle brackets).</summary>
    public const int MaxAddressLength = 254;

    public const int MaxSlots = 24;

    public static AlertSettingsInput From(AlertSettings settings) => new(
        settings.Recipients,
        settings.Inspection.Slots.Select(s => s.ToString("HH:mm", CultureInfo.InvariantCulture)).ToList(),
        settings.Inspection.LowStockPercent,
        settings.Inspection.LowStockCount,
        settings.Inspection.ExpiryWindowDays,
        settings.Inspection.StaleSyncAge.TotalHours);

    /// <summary>The settings this input asks for on top of <paramref name="current"/>, or every bad field.</summary>
    public Result<AlertSettings> Apply(AlertSettings current)
    {
        var errors = new ValidationErrors();
        var recipients = current.Recipients;
        if (Recipients is not null)
        {
            if (Recipients.Count > MaxRecipients) errors.Add("recipients", $"At most {MaxRecipients} recipients.");
            for (var i = 0; i < Recipients.Count; i++)
            {
                if (Recipients[i] is { Length: > MaxAddressLength })
                    errors.Add($"recipients[{i}]", $"An email address has at most {MaxAddressLength} characters.");
                else if (!MailAddress.TryCreate(Recipients[i]?.Trim(), out var address) || address.Address != Recipients[i]!.Trim())
                    errors.Add($"recipients[{i}]", $"'{Recipients[i]}' is not an email address.");
            }
            recipients = Recipients.Select(r => r?.Trim() ?? "").Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        }

        var slots = current.Inspection.Slots;
        if (Slots is not null)
        {
            var parsed = new List<TimeOnly>();
            if (Slots.Count > MaxSlots) errors.Add("slots", $"At most {MaxSlots} inspection slots a day.");
            for (var i = 0; i < Slots.Count; i++)
            {
                if (TimeOnly.TryParseExact(Slots[i], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var slot)) parsed.Add(slot);
                else errors.Add($"slots[{i}]", $"'{Slots[i]}' is not a time of day as HH:mm (for example 09:00).");
            }
            slots = parsed.Order().ToList();
        }

        var inspection = current.Inspection with
        {
            Slots = slots,
            LowStockPercent = LowStockPercent ?? current.Inspection.LowStockPercent,
            LowStockCount = LowStockCount ?? current.Inspection.LowStockCount,
            ExpiryWindowDays = ExpiryWindowDays ?? current.Inspection.ExpiryWindowDays,
            StaleSyncAge = StaleSyncHours is { } hours && double.IsFinite(hours) && hours is > 0 and < 24 * 365 ? TimeSpan.FromHours(hours) : current.Inspection.StaleSyncAge,
        };
        if (StaleSyncHours is { } h && !(double.IsFinite(h) && h is > 0 and < 24 * 365)) errors.Add("staleSyncHours", "Give the stale-sync age in hours, more than 0.");
        foreach (var (field, messages) in inspection.Validate())
        {
            var name = field == "staleSyncAge" ? "staleSyncHours" : field;
            foreach (var message in messages) errors.Add(name, message);
        }
        return errors.IsEmpty ? Result<AlertSettings>.Ok(new AlertSettings(recipients, inspection)) : errors;
    }
}
