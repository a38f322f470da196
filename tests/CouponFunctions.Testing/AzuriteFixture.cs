using System.Globalization;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using CouponFunctions.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace CouponFunctions.Testing;

/// <summary>
/// Storage for tests and benchmarks: the connection string in <c>COUPONFUNCTIONS_TEST_STORAGE</c> when set (e.g. one Azurite
/// shared by the test script), otherwise a private in-memory Azurite child process on free loopback ports, stopped on dispose.
/// Works as an xunit class/collection fixture, or by hand: <c>await using var f = new AzuriteFixture(); await f.InitializeAsync();</c>.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime, IAsyncDisposable
{
    public const string EnvironmentVariable = "COUPONFUNCTIONS_TEST_STORAGE";

    private static long s_counter;
    private AzuriteProcess? _process;
    private ServiceProvider? _services;

    /// <summary>The connection string of the storage in use.</summary>
    public string ConnectionString { get; private set; } = string.Empty;

    /// <summary>True when this fixture started (and will stop) its own Azurite.</summary>
    public bool OwnsProcess => _process is not null;

    /// <summary>
    /// Start Azurite's blob, queue and table services as three processes (each on its own event loop, as Azure serves
    /// them from separate front ends) rather than one. Only for a private Azurite; set before <see cref="InitializeAsync"/>.
    /// </summary>
    public bool ServicesApart { get; init; }

    /// <summary>The Azurite processes this fixture started; empty when it uses a shared one.</summary>
    public IReadOnlyList<int> ProcessIds => _process?.ProcessIds ?? [];

    /// <summary>The storage services of <c>AddCouponStorage</c> over <see cref="ConnectionString"/>: the SDK clients exactly as the app builds them.</summary>
    public IServiceProvider Services => _services ?? throw new InvalidOperationException("Call InitializeAsync first.");

    public TableServiceClient Tables => Services.GetRequiredService<TableServiceClient>();

    /// <summary>Queues with base64 message text, as the app sends and the Functions queue trigger expects.</summary>
    public QueueServiceClient Queues => Services.GetRequiredService<QueueServiceClient>();

    public BlobServiceClient Blobs => Services.GetRequiredService<BlobServiceClient>();

    /// <summary>
    /// A fresh name valid as a table, a queue and a container name at once: lowercase letters and digits starting with a letter,
    /// at most 63 characters, unique in this process and (by its random part) across processes sharing one Azurite.
    /// </summary>
    public string UniqueName(string prefix)
    {
        var head = new string((prefix ?? string.Empty).ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).Take(24).ToArray());
        if (head.Length == 0 || !char.IsAsciiLetter(head[0])) head = "t" + head;
        var count = Interlocked.Increment(ref s_counter).ToString(CultureInfo.InvariantCulture);
        return head + count + Guid.NewGuid().ToString("N")[..10];
    }

    public async Task InitializeAsync()
    {
        var shared = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(shared))
        {
            _process = await AzuriteProcess.StartAsync(ServicesApart).ConfigureAwait(false);
            ConnectionString = _process.ConnectionString;
        }
        else
        {
            ConnectionString = shared.Trim();
        }

        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [CouponStorageOptions.SettingName] = ConnectionString })
            .Build();
        _services = new ServiceCollection().AddLogging().AddCouponStorage(configuration).BuildServiceProvider();
    }

    public async Task DisposeAsync()
    {
        var services = Interlocked.Exchange(ref _services, null);
        if (services is not null) await services.DisposeAsync().ConfigureAwait(false);
        var process = Interlocked.Exchange(ref _process, null);
        if (process is not null) await process.DisposeAsync().ConfigureAwait(false);
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync().ConfigureAwait(false);
}
