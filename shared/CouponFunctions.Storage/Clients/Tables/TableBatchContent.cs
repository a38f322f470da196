using System.Text;
using Azure;
using CouponFunctions.Storage.Clients.Pipeline;

namespace CouponFunctions.Storage.Clients.Tables;

/// <summary>
/// Builds the <c>POST /$batch</c> body: one multipart/mixed batch holding one changeset with an application/http part per action.
/// JSON bodies stay on one line (Azurite's batch parser finds them with a single-line regex).
/// </summary>
internal static class TableBatchContent
{
    public const int MaxActions = 100;
    public const int MaxPayloadBytes = 4 * 1024 * 1024;

    public static void Validate(IReadOnlyList<TableTransactionAction> actions)
    {
        if (actions.Count == 0) throw new ArgumentException("A transaction needs at least one action.", nameof(actions));
        if (actions.Count > MaxActions) throw new ArgumentException($"A transaction holds at most {MaxActions} actions; got {actions.Count}.", nameof(actions));
        var partitionKey = actions[0].Entity.PartitionKey;
        var rowKeys = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < actions.Count; i++)
        {
            var entity = actions[i].Entity;
            TableClient.ValidateEntity(entity);
            if (!string.Equals(entity.PartitionKey, partitionKey, StringComparison.Ordinal))
            {
                throw new ArgumentException($"Action {i} has PartitionKey '{entity.PartitionKey}' but a transaction must stay in '{partitionKey}'.", nameof(actions));
            }

            if (!rowKeys.Add(entity.RowKey))
            {
                throw new ArgumentException($"Action {i} repeats RowKey '{entity.RowKey}'; an entity may appear once per transaction.", nameof(actions));
            }
        }
    }

    public static (byte[] Body, string ContentType) Build(StorageService service, string table, IReadOnlyList<TableTransactionAction> actions)
    {
        var batch = "batch_" + Guid.NewGuid().ToString("D");
        var changeset = "changeset_" + Guid.NewGuid().ToString("D");
        var text = new StringBuilder(actions.Count * 512);
        text.Append("--").Append(batch).Append("\r\n")
            .Append("Content-Type: multipart/mixed; boundary=").Append(changeset).Append("\r\n\r\n");
        foreach (var action in actions)
        {
            text.Append("--").Append(changeset).Append("\r\n")
                .Append("Content-Type: application/http\r\nContent-Transfer-Encoding: binary\r\n\r\n");
            AppendOperation(text, service, table, action);
        }

        text.Append("--").Append(changeset).Append("--\r\n")
            .Append("--").Append(batch).Append("--\r\n");
        var body = Encoding.UTF8.GetBytes(text.ToString());
        if (body.Length > MaxPayloadBytes)
        {
            throw new ArgumentException($"The transaction payload is {body.Length} bytes; the limit is 4 MiB.", nameof(actions));
        }

        return (body, "multipart/mixed; boundary=" + batch);
    }

    private static void AppendOperation(StringBuilder text, StorageService service, string table, TableTransactionAction action)
    {
        var entity = action.Entity;
        var entityUri = service.Combine(TableKeys.EntityPath(table, entity.PartitionKey, entity.RowKey)).AbsoluteUri;
        var ifMatch = (action.ETag == default ? ETag.All : action.ETag).ToString();
        var (method, uri, etag, hasBody) = action.ActionType switch
        {
            TableTransactionActionType.Add => ("POST", service.Combine("/" + table).AbsoluteUri, null, true),
            TableTransactionActionType.UpsertReplace => ("PUT", entityUri, null, true),
            TableTransactionActionType.UpsertMerge => ("MERGE", entityUri, null, true),
            TableTransactionActionType.UpdateReplace => ("PUT", entityUri, ifMatch, true),
            TableTransactionActionType.UpdateMerge => ("MERGE", entityUri, ifMatch, true),
            TableTransactionActionType.Delete => ("DELETE", entityUri, ifMatch, false),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action.ActionType, "Unknown transaction action."),
        };

        text.Append(method).Append(' ').Append(uri).Append(" HTTP/1.1\r\n")
            .Append("Accept: application/json;odata=minimalmetadata\r\n")
            .Append("DataServiceVersion: 3.0\r\n");
        if (etag is not null) text.Append("If-Match: ").Append(etag).Append("\r\n");
        if (hasBody)
        {
            text.Append("Content-Type: application/json\r\n");
            if (action.ActionType == TableTransactionActionType.Add) text.Append("Prefer: return-no-content\r\n");
            text.Append("\r\n").Append(Encoding.UTF8.GetString(TableEntityJson.Serialize(entity))).Append("\r\n");
        }
        else
        {
            text.Append("\r\n");
        }
    }
}
