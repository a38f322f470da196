using Azure.Core;

namespace CouponFunctions.Storage.Notifications.Acs;

/// <summary>Options for <see cref="AcsEmailClient"/>: Azure.Core retry (429 Retry-After is honoured), the clock and the API version.</summary>
public sealed class AcsEmailClientOptions : ClientOptions
{
    public const string DefaultApiVersion = "2023-03-31";

    public AcsEmailClientOptions()
    {
        Retry.Mode = RetryMode.Exponential;
        Retry.MaxRetries = 4;
    }

    /// <summary>Clock for <c>x-ms-date</c>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    public string ApiVersion { get; set; } = DefaultApiVersion;
}
