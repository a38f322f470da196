using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;

namespace CouponFunctions.LocalHost.TestApp;

/// <summary>
/// Writes what a function saw as one row of the record table (setting <c>RecordTable</c> in <c>AzureWebJobsStorage</c>), so the
/// tests can assert on it from outside the worker: partition = what recorded it, row = a fresh id, <c>Json</c> = the details.
/// </summary>
internal sealed class Recorder(TableClient table)
{
    private readonly Lazy<Task> _created = new(() => table.CreateIfNotExistsAsync());

    public static Recorder FromConfiguration(IConfiguration configuration)
    {
        var connection = configuration["AzureWebJobsStorage"] ?? throw new InvalidOperationException("AzureWebJobsStorage is not set.");
        var name = configuration["RecordTable"] ?? throw new InvalidOperationException("RecordTable is not set.");
        return new Recorder(new TableClient(connection, name));
    }

    public async Task RecordAsync(string partition, object details, CancellationToken cancellationToken = default)
    {
        await _created.Value.ConfigureAwait(false);
        var entity = new TableEntity(partition, Guid.NewGuid().ToString("N")) { ["Json"] = JsonSerializer.Serialize(details) };
        await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>True once a row <c>(gate, name)</c> exists: the tests open a gate to let held activities finish.</summary>
    public async Task<bool> IsOpenAsync(string name, CancellationToken cancellationToken)
    {
        await _created.Value.ConfigureAwait(false);
        try
        {
            await table.GetEntityAsync<TableEntity>("gate", name, cancellationToken: cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return false;
        }
    }
}
