using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Core.Customers;

/// <summary>The customer fields an upsert can set.</summary>
public enum CustomerField
{
    Name,
    Email,
    Mobile,
    StoreId,
    Tags,
    EmailConsent,
    SmsConsent,
}

/// <summary>
/// How an upsert (an import row, a PATCH) changes a stored customer: fields the input does not carry stay as they are, an
/// empty cell in a carried column clears the field, and consent only moves forward in time — a consent older than the one
/// stored (an export from the shop's CRM made before the customer clicked "unsubscribe") does not undo it. A channel left
/// without its contact (the email or mobile cleared) keeps no grant: it falls to unknown, while an opt-out stays on record.
/// </summary>
public static class CustomerMerge
{
    public static Customer Apply(Customer? existing, TenantId tenantId, CustomerFields input, IReadOnlySet<CustomerField> present, DateTimeOffset now)
    {
        if (existing is null)
        {
            return new Customer
            {
                TenantId = tenantId,
                Id = input.Id,
                Name = input.Name,
                Email = input.Email,
                Mobile = input.Mobile,
                StoreId = input.StoreId,
                Tags = input.Tags,
                EmailConsent = Stamp(input.EmailConsent, now),
                SmsConsent = Stamp(input.SmsConsent, now),
                CreatedAt = now,
                UpdatedAt = now,
            };
        }

        var merged = existing with
        {
            Name = present.Contains(CustomerField.Name) ? input.Name : existing.Name,
            Email = present.Contains(CustomerField.Email) ? input.Email : existing.Email,
            Mobile = present.Contains(CustomerField.Mobile) ? input.Mobile : existing.Mobile,
            StoreId = present.Contains(CustomerField.StoreId) ? input.StoreId : existing.StoreId,
            Tags = present.Contains(CustomerField.Tags) ? input.Tags : existing.Tags,
            EmailConsent = present.Contains(CustomerField.EmailConsent) ? Newer(existing.EmailConsent, input.EmailConsent, now) : existing.EmailConsent,
            SmsConsent = present.Contains(CustomerField.SmsConsent) ? Newer(existing.SmsConsent, input.SmsConsent, now) : existing.SmsConsent,
        };
        merged = merged with
        {
            EmailConsent = WithoutContact(merged.Email, merged.EmailConsent),
            SmsConsent = WithoutContact(merged.Mobile, merged.SmsConsent),
        };
        var same = merged.Name == existing.Name && merged.Email == existing.Email && merged.Mobile == existing.Mobile && merged.StoreId == existing.StoreId
            && merged.Tags.SequenceEqual(existing.Tags) && merged.EmailConsent == existing.EmailConsent && merged.SmsConsent == existing.SmsConsent;
        return same ? existing : merged with { UpdatedAt = now };
    }

    /// <summary>
    /// The consent after an upsert. Unknown, or the status already stored, changes nothing (the stored record keeps its
    /// provenance). An opt-out is undone only by a grant dated after it: an undated "yes" (a CRM column re-imported every
    /// week) never re-subscribes someone who unsubscribed. Otherwise a dated statement wins if it is newer than the stored
    /// one, and an undated one is taken as said now.
    /// </summary>
    public static Consent Newer(Consent stored, Consent incoming, DateTimeOffset now)
    {
        if (incoming.Status == ConsentStatus.Unknown || incoming.Status == stored.Status) return stored;
        if (stored.Status == ConsentStatus.OptedOut && incoming.Status == ConsentStatus.Granted)
            return incoming.ChangedAt is { } at && (stored.ChangedAt is null || at > stored.ChangedAt) ? incoming : stored;
        if (incoming.ChangedAt is null) return Stamp(incoming, now);
        return stored.ChangedAt is { } storedAt && incoming.ChangedAt <= storedAt ? stored : incoming;
    }

    private static Consent WithoutContact(string? contact, Consent consent) =>
        contact is null && consent.Status == ConsentStatus.Granted ? Consent.None : consent;

    private static Consent Stamp(Consent consent, DateTimeOffset now) =>
        consent.Status != ConsentStatus.Unknown && consent.ChangedAt is null ? consent with { ChangedAt = now } : consent;
}
