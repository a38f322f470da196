using System.Net;
using Azure.Core;
using CouponFunctions.Storage.Clients.Auth;

namespace CouponFunctions.Storage.Clients;

/// <summary>Where the storage account is and how to authenticate: SharedKey (connection string, Azurite) or a TokenCredential (managed identity).</summary>
public sealed class StorageConnection
{
    /// <summary>Azurite's well-known development account and key (public, documented by Microsoft).</summary>
    internal const string DevelopmentAccountName = "devstoreaccount1";

    internal const string DevelopmentAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    internal StorageConnection(
        string accountName,
        Uri? tableEndpoint,
        Uri? queueEndpoint,
        Uri? blobEndpoint,
        StorageSharedKeyCredential? sharedKey,
        TokenCredential? tokenCredential)
    {
        AccountName = accountName;
        TableEndpoint = Normalize(tableEndpoint);
        QueueEndpoint = Normalize(queueEndpoint);
        BlobEndpoint = Normalize(blobEndpoint);
        SharedKey = sharedKey;
        TokenCredential = tokenCredential;
    }

    public string AccountName { get; }

    public Uri? TableEndpoint { get; }

    public Uri? QueueEndpoint { get; }

    public Uri? BlobEndpoint { get; }

    /// <summary>The token credential (Bearer auth), or null when the connection uses the account key.</summary>
    public TokenCredential? TokenCredential { get; }

    /// <summary>True when the account key is known, so requests use SharedKey and service SAS URLs can be signed locally.</summary>
    public bool HasAccountKey => SharedKey is not null;

    internal StorageSharedKeyCredential? SharedKey { get; }

    /// <summary>Parses a storage connection string. Throws <see cref="FormatException"/> that names the problem but never echoes the key.</summary>
    public static StorageConnection Parse(string connectionString) => StorageConnectionStringParser.Parse(connectionString);

    /// <summary>Endpoints with a token credential (managed identity); scope <c>https://storage.azure.com/.default</c>.</summary>
    public static StorageConnection FromServiceUris(Uri? tableUri, Uri? queueUri, Uri? blobUri, TokenCredential credential)
    {
        ArgumentNullException.ThrowIfNull(credential);
        var any = tableUri ?? queueUri ?? blobUri
            ?? throw new ArgumentException("At least one service endpoint is required.", nameof(tableUri));
        return new StorageConnection(AccountNameFromUri(any), tableUri, queueUri, blobUri, null, credential);
    }

    public override string ToString() =>
        $"StorageConnection(account={AccountName}, auth={(HasAccountKey ? "SharedKey" : "Token")})";

    /// <summary>https://acct.blob.core.windows.net → acct; path-style http://127.0.0.1:10000/acct → acct.</summary>
    internal static string AccountNameFromUri(Uri uri)
    {
        var host = uri.Host;
        var pathStyle = IPAddress.TryParse(host, out _) || host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || !host.Contains('.');
        if (pathStyle)
        {
            var first = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
            return first ?? throw new ArgumentException("A path-style endpoint must include the account name in its path.", nameof(uri));
        }

        return host[..host.IndexOf('.', StringComparison.Ordinal)];
    }

    private static Uri? Normalize(Uri? endpoint)
    {
        if (endpoint is null) return null;
        if (!endpoint.IsAbsoluteUri || (endpoint.Scheme != Uri.UriSchemeHttps && endpoint.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException("Storage endpoints must be absolute http(s) URIs.", nameof(endpoint));
        }

        // Drop any query and the trailing slash so paths can be appended as "/segment".
        var builder = new UriBuilder(endpoint) { Query = string.Empty, Fragment = string.Empty };
        builder.Path = builder.Path.TrimEnd('/');
        return builder.Uri;
    }
}
