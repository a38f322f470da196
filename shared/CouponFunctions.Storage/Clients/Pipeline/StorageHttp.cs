using System.Globalization;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace CouponFunctions.Storage.Clients.Pipeline;

internal static class StorageHttp
{
    public static readonly RequestMethod Merge = new("MERGE");

    public static string FormatRfc1123(DateTimeOffset value) =>
        value.UtcDateTime.ToString("R", CultureInfo.InvariantCulture);

    public static DateTimeOffset? ParseRfc1123(string? value) =>
        DateTimeOffset.TryParseExact(value, "R", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed
            : null;

    public static async ValueTask<Response> GetResponseAsync(this HttpPipeline pipeline, HttpMessage message, CancellationToken cancellationToken)
    {
        await pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        return message.Response;
    }

    public static RequestFailedException Failure(Response response) => new(response, null, StorageErrorParser.Instance);

    public static string? ErrorCode(Response response) =>
        StorageErrorParser.Instance.TryParse(response, out var error, out _) ? error?.Code : null;

    public static ETag? ETagHeader(Response response) =>
        response.Headers.TryGetValue("ETag", out var value) && !string.IsNullOrEmpty(value) ? new ETag(value) : null;

    public static string? Header(Response response, string name) =>
        response.Headers.TryGetValue(name, out var value) ? value : null;
}
