using Azure.Core;
using CouponFunctions.Storage.Clients.Queues;

namespace CouponFunctions.Storage.Clients;

/// <summary>Options for the Table, Queue and Blob clients: Azure.Core retry/transport/diagnostics plus the clock and queue encoding.</summary>
public sealed class StorageClientOptions : ClientOptions
{
    public StorageClientOptions()
    {
        // Azure.Core's RetryPolicy retries 408/429/500/502/503/504 and honours Retry-After; storage throttles with 503 ServerBusy.
        Retry.Mode = RetryMode.Exponential;
        Retry.MaxRetries = 5;
        Retry.Delay = TimeSpan.FromMilliseconds(800);
        Retry.MaxDelay = TimeSpan.FromSeconds(30);
    }

    /// <summary>Clock for <c>x-ms-date</c> and SAS expiry checks.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>How queue message text is put on the wire; Base64 by default because the Functions queue trigger expects it.</summary>
    public QueueMessageEncoding MessageEncoding { get; set; } = QueueMessageEncoding.Base64;
}
