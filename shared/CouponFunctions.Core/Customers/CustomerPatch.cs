namespace CouponFunctions.Core.Customers;

/// <summary>
/// A PATCH as JSON merge patch (RFC 7396): <see cref="Present"/> names the members the body has; a present member set to null
/// clears the field (name, email, mobile; tags become none), an absent one keeps what is stored. A store and a consent cannot be
/// removed (a customer always has a store; consent is a record of what the customer said, changed by giving a new status).
/// </summary>
public sealed record CustomerPatch(CustomerInput Values, IReadOnlySet<CustomerField> Present)
{
    /// <summary>The customer after the patch, as input for <see cref="CustomerValidator"/>; errors for members that cannot be null.</summary>
    public CustomerInput Apply(Customer existing, ConsentInput storedEmailConsent, ConsentInput storedSmsConsent, Common.ValidationErrors errors)
    {
        bool Has(CustomerField field) => Present.Contains(field);
        if (Has(CustomerField.StoreId) && Values.StoreId is null) errors.Add("storeId", "A customer always belongs to a store; give another store id instead of null.");
        if (Has(CustomerField.EmailConsent) && Values.EmailConsent is null) errors.Add("emailConsent", "Consent cannot be removed; give its new status (denied or optedOut).");
        if (Has(CustomerField.SmsConsent) && Values.SmsConsent is null) errors.Add("smsConsent", "Consent cannot be removed; give its new status (denied or optedOut).");
        return new CustomerInput(
            existing.Id.Value,
            Has(CustomerField.Name) ? Values.Name : existing.Name,
            Has(CustomerField.Email) ? Values.Email : existing.Email,
            Has(CustomerField.Mobile) ? Values.Mobile : existing.Mobile,
            Has(CustomerField.StoreId) ? Values.StoreId ?? existing.StoreId.Value : existing.StoreId.Value,
            Has(CustomerField.Tags) ? Values.Tags ?? [] : existing.Tags,
            Has(CustomerField.EmailConsent) ? Values.EmailConsent ?? storedEmailConsent : ContactKept(storedEmailConsent, Has(CustomerField.Email) ? Values.Email : existing.Email),
            Has(CustomerField.SmsConsent) ? Values.SmsConsent ?? storedSmsConsent : ContactKept(storedSmsConsent, Has(CustomerField.Mobile) ? Values.Mobile : existing.Mobile));
    }

    /// <summary>A stored grant on a channel whose contact the patch removed is not checked against the missing contact:
    /// <see cref="CustomerMerge"/> lets it fall to unknown (an opt-out stays).</summary>
    private static ConsentInput? ContactKept(ConsentInput stored, string? contact) =>
        string.IsNullOrWhiteSpace(contact) && stored.Status == "granted" ? null : stored;
}
