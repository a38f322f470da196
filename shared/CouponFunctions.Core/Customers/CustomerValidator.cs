using CouponFunctions.Core.Common;
using CouponFunctions.Core.Stores;

namespace CouponFunctions.Core.Customers;

/// <summary>Checks customer input field by field (names as in the request: externalId, email, mobile, emailConsent.at, ...).</summary>
public static class CustomerValidator
{
    /// <param name="storeSites">The tenant's stores and their site codes: a mobile number is checked against the store's country.</param>
    /// <param name="now">Consent given "in the future" is refused.</param>
    public static ValidationErrors Validate(CustomerInput input, IReadOnlyDictionary<StoreId, string> storeSites, DateTimeOffset now, out CustomerFields? fields)
    {
        var errors = new ValidationErrors();
        fields = null;
        if (!CustomerId.TryParse(input.ExternalId, out var id)) errors.Add("externalId", CustomerId.Rule);

        string? site = null;
        if (!StoreId.TryParse(input.StoreId?.Trim(), out var storeId) || !storeSites.TryGetValue(storeId, out site))
            errors.Add("storeId", "Store id must be one of the workspace's stores.");

        var name = Text(input.Name, "name", CustomerLimits.MaxNameLength, errors);
        string? email = null;
        if (!string.IsNullOrWhiteSpace(input.Email))
        {
            if (!SafeText.IsSafe(input.Email)) errors.Add("email", "Email has control or direction-changing characters.");
            else
            {
                email = EmailAddress.Normalize(input.Email, out var emailError);
                if (emailError is not null) errors.Add("email", emailError);
            }
        }

        string? mobile = null;
        if (!string.IsNullOrWhiteSpace(input.Mobile) && site is not null)
        {
            mobile = MobileNumber.Normalize(input.Mobile, site, out var mobileError);
            if (mobileError is not null) errors.Add("mobile", mobileError);
        }

        var tags = Tags(input.Tags, errors);
        var emailConsent = ConsentOf(input.EmailConsent, "emailConsent", now, errors);
        var smsConsent = ConsentOf(input.SmsConsent, "smsConsent", now, errors);
        if (emailConsent.AllowsSending && string.IsNullOrWhiteSpace(input.Email))
            errors.Add("emailConsent.status", "Email consent is granted but the customer has no email.");
        if (smsConsent.AllowsSending && string.IsNullOrWhiteSpace(input.Mobile))
            errors.Add("smsConsent.status", "SMS consent is granted but the customer has no mobile number.");

        if (errors.IsEmpty) fields = new CustomerFields(id, name, email, mobile, storeId, tags, emailConsent, smsConsent);
        return errors;
    }

    /// <summary>Tags trimmed, lower case and distinct; each 1–40 safe characters without ',', ';' or '|' (the CSV tag separators).</summary>
    public static IReadOnlyList<string> Tags(IReadOnlyList<string>? input, ValidationErrors errors, string field = "tags")
    {
        if (input is null || input.Count == 0) return [];
        var tags = new List<string>(input.Count);
        foreach (var raw in input)
        {
            var tag = raw?.Trim().ToLowerInvariant();
            if (string.IsNullOrEmpty(tag) || tag.Length > CustomerLimits.MaxTagLength || !SafeText.IsSafe(tag) || tag.AsSpan().IndexOfAny(",;|") >= 0)
            {
                errors.Add(field, $"Each tag is 1–{CustomerLimits.MaxTagLength} characters, without control characters, ',', ';' or '|'.");
                return [];
            }

            if (!tags.Contains(tag, StringComparer.Ordinal)) tags.Add(tag);
        }

        if (tags.Count > CustomerLimits.MaxTags) errors.Add(field, $"At most {CustomerLimits.MaxTags} tags.");
        return tags;
    }

    private static string? Text(string? value, string field, int max, ValidationErrors errors)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var trimmed = value.Trim();
        if (trimmed.Length > max) errors.Add(field, $"{Capital(field)} is longer than {max} characters.");
        else if (!SafeText.IsSafe(trimmed)) errors.Add(field, $"{Capital(field)} has control or direction-changing characters.");
        return trimmed;
    }

    private static Consent ConsentOf(ConsentInput? input, string field, DateTimeOffset now, ValidationErrors errors)
    {
        if (input is null) return Consent.None;
        ConsentStatus? status = input.Status?.Trim().ToLowerInvariant() switch
        {
            "granted" or "yes" or "true" or "y" or "1" => ConsentStatus.Granted,
            "denied" or "no" or "false" or "n" or "0" => ConsentStatus.Denied,
            "optedout" or "opted-out" or "opted_out" or "unsubscribed" => ConsentStatus.OptedOut,
            null or "" or "unknown" => ConsentStatus.Unknown,
            _ => null,
        };
        if (status is null)
        {
            errors.Add(field + ".status", "Consent status must be granted, denied, optedOut or unknown (yes/no also accepted).");
            return Consent.None;
        }

        if (input.At > now) errors.Add(field + ".at", "Consent cannot be given in the future.");
        var source = Text(input.Source, field + ".source", CustomerLimits.MaxSourceLength, errors);
        if (status == ConsentStatus.Unknown) return Consent.None;
        // No time given stays null here: CustomerMerge stamps it, and an undated grant cannot undo a dated opt-out.
        return new Consent(status.Value, input.At, source);
    }

    private static string Capital(string field) => char.ToUpperInvariant(field[0]) + field[1..];
}
