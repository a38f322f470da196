namespace CouponFunctions.Core.Customers;

/// <summary>A customer as submitted (API body or one import row): all text, checked by <see cref="CustomerValidator"/>.</summary>
public sealed record CustomerInput(
    string? ExternalId,
    string? Name,
    string? Email,
    string? Mobile,
    string? StoreId,
    IReadOnlyList<string>? Tags,
    ConsentInput? EmailConsent,
    ConsentInput? SmsConsent);

/// <summary>Consent as submitted: status "granted", "denied", "optedOut" (or yes/no/true/false), when and how.</summary>
public sealed record ConsentInput(string? Status, DateTimeOffset? At, string? Source);

/// <summary>A customer's fields after validation: what an upsert writes (the store-side times and version are added there).</summary>
public sealed record CustomerFields(
    CustomerId Id,
    string? Name,
    string? Email,
    string? Mobile,
    Stores.StoreId StoreId,
    IReadOnlyList<string> Tags,
    Consent EmailConsent,
    Consent SmsConsent);
