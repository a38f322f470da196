using System.Globalization;
using Azure;
using Azure.Core;
using CouponFunctions.Storage.Clients.Pipeline;

namespace CouponFunctions.Storage.Clients.Queues;

/// <summary>One queue over the Queue REST API, shaped like Azure.Storage.Queues' QueueClient (text base64-encoded by default).</summary>
public sealed partial class QueueClient
{
    private readonly StorageService _service;

    public QueueClient(string connectionString, string queueName, StorageClientOptions? options = null)
        : this(StoragePipelineFactory.Create(StorageConnection.Parse(connectionString), options ?? new StorageClientOptions(), StorageServiceKind.Queue), queueName)
    {
    }

    internal QueueClient(StorageService service, string queueName)
    {
        StorageNames.ValidateQueueOrContainerName(queueName, "Queue");
        _service = service;
        Name = queueName;
    }

    public string Name { get; }

    public Uri Uri => _service.Combine("/" + Name);

    public QueueMessageEncoding MessageEncoding => _service.Options.MessageEncoding;

    /// <summary>Creates the queue; the value says whether it was created (false: it already existed).</summary>
    public async Task<Response<bool>> CreateIfNotExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = _service.CreateMessage(RequestMethod.Put, "/" + Name);
        var response = await _service.Pipeline.GetResponseAsync(message, cancellationToken).ConfigureAwait(false);
        return response.Status switch
        {
            201 => Response.FromValue(true, response),
            204 => Response.FromValue(false, response),
            409 when StorageHttp.ErrorCode(response) == "QueueAlreadyExists" => Response.FromValue(false, response),
            _ => throw StorageHttp.Failure(response),
        };
    }

    /// <summary>Deletes the queue; the value says whether it existed.</summary>
    public async Task<Response<bool>> DeleteIfExistsAsync(CancellationToken cancellationToken = default)
    {
        using var message = _service.CreateMessage(RequestMethod.Delete, "/" + Name);
        var response = await _service.Pipeline.GetResponseAsync(message, cancellationToken).ConfigureAwait(false);
        return response.Status switch
        {
            204 => Response.FromValue(true, response),
            404 => Response.FromValue(false, response),
            _ => throw StorageHttp.Failure(response),
        };
    }

    public async Task<Response<QueueProperties>> GetPropertiesAsync(CancellationToken cancellationToken = default)
    {
        using var message = _service.CreateMessage(RequestMethod.Get, "/" + Name);
        message.Request.Uri.AppendQuery("comp", "metadata", escapeValue: false);
        var response = await _service.Pipeline.GetResponseAsync(message, cancellationToken).ConfigureAwait(false);
        if (response.Status != 200) throw StorageHttp.Failure(response);
        var count = int.TryParse(StorageHttp.Header(response, "x-ms-approximate-messages-count"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        var metadata = response.Headers
            .Where(h => h.Name.StartsWith("x-ms-meta-", StringComparison.OrdinalIgnoreCase))
            .ToDictionary(h => h.Name["x-ms-meta-".Length..], h => h.Value, StringComparer.OrdinalIgnoreCase);
        return Response.FromValue(new QueueProperties(count, metadata), response);
    }

    /// <summary>The service's approximate count of messages (visible or not); it may lag behind recent operations.</summary>
    public async Task<Response<int>> GetApproximateMessageCountAsync(CancellationToken cancellationToken = default)
    {
        var properties = await GetPropertiesAsync(cancellationToken).ConfigureAwait(false);
        return Response.FromValue(properties.Value.ApproximateMessagesCount, properties.GetRawResponse());
    }

    private static string Seconds(TimeSpan value) => ((long)value.TotalSeconds).ToString(CultureInfo.InvariantCulture);

    private static void ValidateVisibility(TimeSpan value, TimeSpan min, string paramName)
    {
        if (value < min || value > TimeSpan.FromDays(7))
        {
            throw new ArgumentOutOfRangeException(paramName, value, $"Visibility timeout must be between {min.TotalSeconds:0} seconds and 7 days.");
        }
    }
}
