namespace CouponFunctions.Storage.Notifications.Acs;

/// <summary>Parses <c>endpoint=https://{resource}.communication.azure.com/;accesskey={base64}</c>. Errors never echo the key.</summary>
internal sealed record AcsConnectionString(Uri Endpoint, byte[] AccessKey)
{
    public static AcsConnectionString Parse(string connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString)) throw Invalid("it is empty");
        string? endpoint = null;
        string? key = null;
        foreach (var segment in connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            // Split on the first '=' only: base64 keys end with '='.
            var equals = segment.IndexOf('=');
            if (equals <= 0) throw Invalid("a segment is not of the form name=value");
            var name = segment[..equals].Trim();
            var value = segment[(equals + 1)..].Trim();
            if (name.Equals("endpoint", StringComparison.OrdinalIgnoreCase)) endpoint = value;
            else if (name.Equals("accesskey", StringComparison.OrdinalIgnoreCase)) key = value;
            else throw Invalid("only 'endpoint' and 'accesskey' are recognised");
        }

        if (string.IsNullOrEmpty(endpoint)) throw Invalid("endpoint is missing");
        if (string.IsNullOrEmpty(key)) throw Invalid("accesskey is missing");
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
        {
            throw Invalid("endpoint is not an absolute http(s) URI");
        }

        var buffer = new byte[key.Length];
        if (!Convert.TryFromBase64String(key, buffer, out var written) || written == 0) throw Invalid("accesskey is not valid base64");
        return new AcsConnectionString(uri, buffer[..written]);
    }

    public override string ToString() => $"AcsConnectionString({Endpoint.Host})";

    private static FormatException Invalid(string reason) => new($"The Communication Services connection string is invalid: {reason}.");
}
