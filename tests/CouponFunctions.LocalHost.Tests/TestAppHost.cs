using System.Text.Json;
using Azure.Data.Tables;
using CouponFunctions.Testing;

namespace CouponFunctions.LocalHost.Tests;

/// <summary>
/// The test app under the local host, on the shared Azurite with names of its own (record table, queue, host id, task hub),
/// so tests never see each other's data. <see cref="RecordsAsync"/> reads what the app's functions recorded.
/// </summary>
internal sealed class TestAppHost : IAsyncDisposable
{
    private TestAppHost(LocalFunctionHost host, TableClient records, IReadOnlyDictionary<string, string> settings)
    {
        Host = host;
        Records = records;
        Settings = settings;
    }

    public LocalFunctionHost Host { get; }

    public TableClient Records { get; }

    public IReadOnlyDictionary<string, string> Settings { get; }

    public static string ScriptRoot => BuildOutput.Find("CouponFunctions.LocalHost.TestApp", "worker.config.json");

    public static async Task<TestAppHost> StartAsync(AzuriteFixture storage, string name, IReadOnlyDictionary<string, string>? extra = null)
    {
        var settings = new Dictionary<string, string>
        {
            ["AzureWebJobsStorage"] = storage.ConnectionString,
            ["TestStorage"] = storage.ConnectionString,
            ["RecordTable"] = storage.UniqueName("records"),
            ["WorkQueue"] = storage.UniqueName("work"),
            ["AzureFunctionsWebHost__hostid"] = storage.UniqueName("host"),
            ["AzureFunctionsJobHost__extensions__durableTask__hubName"] = storage.UniqueName("hub"),
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>()) settings[key] = value;
        var records = new TableClient(storage.ConnectionString, settings["RecordTable"]);
        await records.CreateIfNotExistsAsync();
        var host = await LocalFunctionHost.StartAsync(ScriptRoot, settings, name);
        return new TestAppHost(host, records, settings);
    }

    /// <summary>The JSON details of every row recorded under <paramref name="partition"/>.</summary>
    public async Task<IReadOnlyList<JsonElement>> RecordsAsync(string partition)
    {
        var rows = new List<JsonElement>();
        await foreach (var entity in Records.QueryAsync<TableEntity>(e => e.PartitionKey == partition))
        {
            rows.Add(JsonDocument.Parse(entity.GetString("Json")).RootElement.Clone());
        }

        return rows;
    }

    /// <summary>Polls <paramref name="read"/> until <paramref name="done"/> holds; fails with the host's output after <paramref name="timeout"/>.</summary>
    public async Task<T> WaitForAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(60);
        using var cancel = new CancellationTokenSource(limit);
        while (true)
        {
            var value = await read();
            if (done(value)) return value;
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), cancel.Token);
            }
            catch (OperationCanceledException)
            {
                throw new Xunit.Sdk.XunitException($"Timed out after {limit.TotalSeconds} s waiting for {what}. Host output:\n{Host.Output}");
            }
        }
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
