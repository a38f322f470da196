using CouponFunctions.Storage.Clients.Auth;

namespace CouponFunctions.Storage.Clients;

/// <summary>
/// Parses the three connection string forms: <c>UseDevelopmentStorage=true</c>, account + key (+ protocol/suffix),
/// and explicit <c>BlobEndpoint=</c>/<c>QueueEndpoint=</c>/<c>TableEndpoint=</c> (Azurite, path-style).
/// Error messages name settings, never values, so a key can never leak into a log.
/// </summary>
internal static class StorageConnectionStringParser
{
    private static readonly HashSet<string> KnownSettings = new(StringComparer.OrdinalIgnoreCase)
    {
        "UseDevelopmentStorage", "DevelopmentStorageProxyUri", "DefaultEndpointsProtocol", "AccountName", "AccountKey",
        "EndpointSuffix", "BlobEndpoint", "QueueEndpoint", "TableEndpoint", "FileEndpoint", "SharedAccessSignature",
    };

    public static StorageConnection Parse(string connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString)) throw Invalid("it is empty");
        var settings = Split(connectionString);

        if (settings.TryGetValue("UseDevelopmentStorage", out var dev))
        {
            if (!dev.Equals("true", StringComparison.OrdinalIgnoreCase)) throw Invalid("UseDevelopmentStorage must be 'true'");
            return Development();
        }

        if (settings.ContainsKey("SharedAccessSignature")) throw Invalid("SAS connection strings are not supported; use an account key or a managed identity");
        if (!settings.TryGetValue("AccountName", out var account) || account.Length == 0) throw Invalid("AccountName is missing");
        if (!settings.TryGetValue("AccountKey", out var key) || key.Length == 0) throw Invalid("AccountKey is missing");
        if (StorageSharedKeyCredential.DecodeKey(key) is null) throw Invalid("AccountKey is not valid base64");

        var protocol = settings.GetValueOrDefault("DefaultEndpointsProtocol", "https").ToLowerInvariant();
        if (protocol is not ("http" or "https")) throw Invalid("DefaultEndpointsProtocol must be http or https");
        settings.TryGetValue("EndpointSuffix", out var suffix);
        var derive = settings.ContainsKey("DefaultEndpointsProtocol") || suffix is not null;
        suffix ??= "core.windows.net";

        Uri? Endpoint(string setting, string service)
        {
            if (settings.TryGetValue(setting, out var explicitValue))
            {
                return Uri.TryCreate(explicitValue, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                    ? uri
                    : throw Invalid($"{setting} is not an absolute http(s) URI");
            }

            return derive ? new Uri($"{protocol}://{account}.{service}.{suffix}") : null;
        }

        var table = Endpoint("TableEndpoint", "table");
        var queue = Endpoint("QueueEndpoint", "queue");
        var blob = Endpoint("BlobEndpoint", "blob");
        if (table is null && queue is null && blob is null) throw Invalid("no endpoint is given and none can be derived (add DefaultEndpointsProtocol or EndpointSuffix)");
        return new StorageConnection(account, table, queue, blob, new StorageSharedKeyCredential(account, key), null);
    }

    private static StorageConnection Development() => new(
        StorageConnection.DevelopmentAccountName,
        new Uri("http://127.0.0.1:10002/devstoreaccount1"),
        new Uri("http://127.0.0.1:10001/devstoreaccount1"),
        new Uri("http://127.0.0.1:10000/devstoreaccount1"),
        new StorageSharedKeyCredential(StorageConnection.DevelopmentAccountName, StorageConnection.DevelopmentAccountKey),
        null);

    private static Dictionary<string, string> Split(string connectionString)
    {
        var settings = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var segment in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // Split on the first '=' only: base64 keys end with '='.
            var equals = segment.IndexOf('=');
            if (equals <= 0) throw Invalid("a segment is not of the form Name=Value");
            var name = segment[..equals].Trim();
            if (!KnownSettings.Contains(name)) throw Invalid($"the setting '{Printable(name)}' is not recognised");
            if (!settings.TryAdd(name, segment[(equals + 1)..].Trim())) throw Invalid($"{name} appears twice");
        }

        return settings;
    }

    private static string Printable(string name) => name.Length <= 40 && name.All(char.IsAsciiLetterOrDigit) ? name : "(unreadable)";

    private static FormatException Invalid(string reason) => new($"The storage connection string is invalid: {reason}.");
}
