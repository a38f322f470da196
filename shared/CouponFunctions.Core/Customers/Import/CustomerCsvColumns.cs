namespace CouponFunctions.Core.Customers.Import;

/// <summary>What each column of an import file means, found from the header by name (case, spaces, '_' and '-' ignored).</summary>
internal sealed class CustomerCsvColumns
{
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["externalid"] = "externalId", ["customerid"] = "externalId", ["id"] = "externalId",
        ["name"] = "name", ["fullname"] = "name",
        ["email"] = "email", ["emailaddress"] = "email",
        ["mobile"] = "mobile", ["phone"] = "mobile", ["mobilenumber"] = "mobile", ["phonenumber"] = "mobile",
        ["storeid"] = "storeId", ["store"] = "storeId",
        ["tags"] = "tags",
        ["emailconsent"] = "emailConsent", ["emailconsentat"] = "emailConsentAt", ["emailconsentsource"] = "emailConsentSource",
        ["smsconsent"] = "smsConsent", ["smsconsentat"] = "smsConsentAt", ["smsconsentsource"] = "smsConsentSource",
    };

    private readonly Dictionary<string, int> index = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Ignored { get; private init; } = [];

    public int Count { get; private init; }

    /// <summary>The customer fields the file has a column for (name, email, mobile, storeId, tags, emailConsent, smsConsent).</summary>
    public IReadOnlySet<CustomerField> Present => new HashSet<CustomerField>(index.Keys.Select(Field).OfType<CustomerField>());

    private static CustomerField? Field(string column) => column switch
    {
        "name" => CustomerField.Name,
        "email" => CustomerField.Email,
        "mobile" => CustomerField.Mobile,
        "storeId" => CustomerField.StoreId,
        "tags" => CustomerField.Tags,
        "emailConsent" or "emailConsentAt" or "emailConsentSource" => CustomerField.EmailConsent,
        "smsConsent" or "smsConsentAt" or "smsConsentSource" => CustomerField.SmsConsent,
        _ => null,
    };

    /// <summary>The columns of a header row, or null with the reason (a required column missing, a column given twice).</summary>
    public static CustomerCsvColumns? From(string[] header, bool storeGiven, out string? error)
    {
        var ignored = new List<string>();
        var columns = new CustomerCsvColumns { Ignored = ignored, Count = header.Length };
        for (var i = 0; i < header.Length; i++)
        {
            var name = i == 0 ? header[i].TrimStart('\uFEFF') : header[i];
            var key = new string(name.Where(c => !char.IsWhiteSpace(c) && c is not ('_' or '-')).ToArray()).ToLowerInvariant();
            if (!Aliases.TryGetValue(key, out var field))
            {
                ignored.Add(name.Trim());
                continue;
            }

            if (!columns.index.TryAdd(field, i))
            {
                error = $"The header has the column '{field}' twice.";
                return null;
            }
        }

        error = !columns.index.ContainsKey("externalId") ? "The header has no externalId column (also accepted: customer id, id)."
            : !storeGiven && !columns.index.ContainsKey("storeId") ? "The header has no storeId column, and no store was chosen for the whole file."
            : null;
        return error is null ? columns : null;
    }

    public string? Get(string[] record, string field) =>
        index.TryGetValue(field, out var i) && i < record.Length && record[i].Length > 0 ? record[i] : null;
}
