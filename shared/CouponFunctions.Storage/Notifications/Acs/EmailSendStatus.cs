namespace CouponFunctions.Storage.Notifications.Acs;

/// <summary>Status of an email send operation (an extensible string enum like the Azure SDK's).</summary>
public readonly struct EmailSendStatus(string value) : IEquatable<EmailSendStatus>
{
    private readonly string _value = value ?? throw new ArgumentNullException(nameof(value));

    public static EmailSendStatus NotStarted { get; } = new("NotStarted");

    public static EmailSendStatus Running { get; } = new("Running");

    public static EmailSendStatus Succeeded { get; } = new("Succeeded");

    public static EmailSendStatus Failed { get; } = new("Failed");

    public static EmailSendStatus Canceled { get; } = new("Canceled");

    /// <summary>True for Succeeded, Failed and Canceled: polling can stop.</summary>
    public bool IsFinal => Equals(Succeeded) || Equals(Failed) || Equals(Canceled);

    public static bool operator ==(EmailSendStatus left, EmailSendStatus right) => left.Equals(right);

    public static bool operator !=(EmailSendStatus left, EmailSendStatus right) => !left.Equals(right);

    public bool Equals(EmailSendStatus other) => string.Equals(_value, other._value, StringComparison.OrdinalIgnoreCase);

    public override bool Equals(object? obj) => obj is EmailSendStatus other && Equals(other);

    public override int GetHashCode() => _value is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(_value);

    public override string ToString() => _value ?? string.Empty;
}
