using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Core.Customers;

/// <summary>A merchant's customer: contacts, the store they belong to, tags and consent per channel.</summary>
public sealed record Customer
{
    public required TenantId TenantId { get; init; }

    public required CustomerId Id { get; init; }

    public string? Name { get; init; }

    /// <summary>Trimmed, domain in lower case (see <see cref="EmailAddress"/>).</summary>
    public string? Email { get; init; }

    /// <summary>E.164 ("+6591234567"), valid for the store's country (see <see cref="MobileNumber"/>).</summary>
    public string? Mobile { get; init; }

    public required StoreId StoreId { get; init; }

    /// <summary>Lower case, distinct, at most <see cref="CustomerLimits.MaxTags"/>.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];

    public Consent EmailConsent { get; init; } = Consent.None;

    public Consent SmsConsent { get; init; } = Consent.None;

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Opaque concurrency token of the stored row (its ETag); null for a customer not yet stored.</summary>
    public string? Version { get; init; }

    public Consent ConsentFor(ContactChannel channel) => channel == ContactChannel.Email ? EmailConsent : SmsConsent;

    public string? ContactFor(ContactChannel channel) => channel == ContactChannel.Email ? Email : Mobile;

    /// <summary>The customer after an opt-out on one channel (unsubscribe link, STOP reply).</summary>
    public Customer OptOut(ContactChannel channel, DateTimeOffset at, string source) => channel == ContactChannel.Email
        ? this with { EmailConsent = EmailConsent.OptOut(at, source), UpdatedAt = at }
        : this with { SmsConsent = SmsConsent.OptOut(at, source), UpdatedAt = at };
}

/// <summary>The bounds every customer field is held to.</summary>
public static class CustomerLimits
{
    public const int MaxNameLength = 100;
    public const int MaxTags = 20;
    public const int MaxTagLength = 40;
    public const int MaxSourceLength = 60;
}
