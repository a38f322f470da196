using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using CouponFunctions.LocalHost.Configuration;

namespace CouponFunctions.LocalHost.Timers;

/// <summary>A timer's last and next occurrence, as Azure's host keeps it for <c>useMonitor</c> timers.</summary>
internal sealed record ScheduleStatus(DateTimeOffset Last, DateTimeOffset Next, DateTimeOffset LastUpdated);

/// <summary>
/// Schedule status in blob storage (<c>AzureWebJobsStorage</c>), where Azure's host keeps it:
/// container <c>azure-webjobs-hosts</c>, blob <c>timers/&lt;hostId&gt;/&lt;Function&gt;/status</c>.
/// </summary>
internal sealed class BlobScheduleMonitor
{
    public const string ContainerName = "azure-webjobs-hosts";

    // The real host's blob: {"Last":"...","Next":"...","LastUpdated":"..."}.
    private static readonly JsonSerializerOptions s_json = new() { PropertyNameCaseInsensitive = true };

    private readonly BlobContainerClient _container;
    private readonly string _hostId;
    private readonly Lazy<Task> _created;

    public BlobScheduleMonitor(ScriptRoot root)
    {
        _container = new BlobContainerClient(root.Settings.StorageConnection(null), ContainerName);
        _hostId = HostId(root);
        _created = new Lazy<Task>(() => _container.CreateIfNotExistsAsync());
    }

    public async Task<ScheduleStatus?> GetAsync(string function, CancellationToken cancellationToken)
    {
        await _created.Value.ConfigureAwait(false);
        try
        {
            var content = await _container.GetBlobClient(BlobName(function)).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return content.Value.Content.ToObjectFromJson<ScheduleStatus>(s_json);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    public async Task SetAsync(string function, ScheduleStatus status, CancellationToken cancellationToken)
    {
        await _created.Value.ConfigureAwait(false);
        var json = BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(status, s_json));
        await _container.GetBlobClient(BlobName(function)).UploadAsync(json, overwrite: true, cancellationToken).ConfigureAwait(false);
    }

    private string BlobName(string function) => $"timers/{_hostId}/{function}/status";

    /// <summary>
    /// <c>AzureFunctionsWebHost__hostid</c> when set (as in Azure), else the worker assembly's name, lower-case, at most 32
    /// characters: two apps sharing one storage account keep their timers apart.
    /// </summary>
    public static string HostId(ScriptRoot root)
    {
        var configured = root.Settings.Get("AzureFunctionsWebHost__hostid");
        var source = configured ?? Path.GetFileNameWithoutExtension(root.WorkerPath);
        var id = new string(source.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
        return id.Length <= 32 ? id : id[..32].TrimEnd('-');
    }
}
