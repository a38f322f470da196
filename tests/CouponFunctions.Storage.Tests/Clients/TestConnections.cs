using Azure.Core.Pipeline;
using CouponFunctions.Storage.Clients;

namespace CouponFunctions.Storage.Tests.Clients;

/// <summary>Connections for tests that must not reach a real service.</summary>
internal static class TestConnections
{
    public const string DevKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>Port 1 on loopback refuses connections: an ArgumentException here proves validation ran before any request.</summary>
    public static StorageClients Unreachable() => new(
        $"AccountName=devstoreaccount1;AccountKey={DevKey};TableEndpoint=http://127.0.0.1:1/devstoreaccount1;QueueEndpoint=http://127.0.0.1:1/devstoreaccount1;BlobEndpoint=http://127.0.0.1:1/devstoreaccount1",
        new StorageClientOptions { Retry = { MaxRetries = 0 } });

    /// <summary>Clients whose HTTP goes to <paramref name="handler"/>.</summary>
    public static StorageClients Stubbed(HttpMessageHandler handler, int maxRetries = 0, TimeProvider? timeProvider = null) => new(
        $"AccountName=devstoreaccount1;AccountKey={DevKey};TableEndpoint=http://stub.local/devstoreaccount1;QueueEndpoint=http://stub.local/devstoreaccount1",
        new StorageClientOptions
        {
            Transport = new HttpClientTransport(handler),
            Retry = { MaxRetries = maxRetries, Delay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) },
            TimeProvider = timeProvider ?? TimeProvider.System,
        });
}
