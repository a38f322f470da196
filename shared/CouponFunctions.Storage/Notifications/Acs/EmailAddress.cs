namespace CouponFunctions.Storage.Notifications.Acs;

/// <summary>An email address with an optional display name.</summary>
public sealed class EmailAddress(string address, string? displayName = null)
{
    public string Address { get; } = string.IsNullOrWhiteSpace(address)
        ? throw new ArgumentException("An email address is required.", nameof(address))
        : address;

    public string? DisplayName { get; } = displayName;
}
