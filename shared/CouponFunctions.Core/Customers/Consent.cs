namespace CouponFunctions.Core.Customers;

/// <summary>The two ways a customer can be reached.</summary>
public enum ContactChannel
{
    Email,
    Sms,
}

/// <summary>Where a customer stands on one channel.</summary>
public enum ConsentStatus
{
    /// <summary>Never asked: not sent to.</summary>
    Unknown,
    Granted,
    Denied,

    /// <summary>Granted once, then withdrawn (unsubscribe link, STOP reply, request); never sent to until granted again.</summary>
    OptedOut,
}

/// <summary>Consent for one channel, with when and how it was given or withdrawn (for the merchant's records).</summary>
/// <param name="ChangedAt">When; null only on input that gave no time (a stored consent always has one, see <see cref="CustomerMerge"/>).</param>
/// <param name="Source">How: "checkout", "signup-form", "import", "api", "unsubscribe-link", "sms-stop", ...</param>
public sealed record Consent(ConsentStatus Status, DateTimeOffset? ChangedAt, string? Source)
{
    public static Consent None { get; } = new(ConsentStatus.Unknown, null, null);

    public bool AllowsSending => Status == ConsentStatus.Granted;

    /// <summary>The consent after an opt-out at <paramref name="at"/> (the same opt-out twice changes nothing).</summary>
    public Consent OptOut(DateTimeOffset at, string source) => Status == ConsentStatus.OptedOut ? this : new(ConsentStatus.OptedOut, at, source);
}
