using System.Globalization;
using System.Runtime.CompilerServices;
using CouponFunctions.Core.Common;
using CouponFunctions.Core.Reports;

namespace CouponFunctions.Core.Customers.Import;

/// <summary>
/// Reads a customer CSV one row at a time (never the whole file): header mapping by name, RFC 4180 quoting, a BOM or none. Each row comes back as an upsert by external id or as a failure-report row: bad email,
/// bad mobile for the store's country, a duplicate external id in the file, or any other invalid field.
/// </summary>
public sealed class CustomerCsvImport
{
    private readonly CsvRecordReader parser;
    private readonly CustomerCsvColumns columns;
    private readonly CustomerImportOptions options;

    private CustomerCsvImport(CsvRecordReader parser, CustomerCsvColumns columns, CustomerImportOptions options)
    {
        this.parser = parser;
        this.columns = columns;
        this.options = options;
    }

    /// <summary>Header columns that mean nothing to the import and are left out.</summary>
    public IReadOnlyList<string> IgnoredColumns => columns.Ignored;

    /// <summary>The fields the file sets; an upsert leaves the others as they are (see <see cref="CustomerMerge"/>).
    /// A store chosen for the whole file counts as setting the store.</summary>
    public IReadOnlySet<CustomerField> Fields => options.DefaultStoreId is null ? columns.Present : new HashSet<CustomerField>(columns.Present) { CustomerField.StoreId };

    /// <summary>Reads the header; Invalid ("file") when there is none or a required column is missing.</summary>
    public static async Task<Result<CustomerCsvImport>> OpenAsync(TextReader reader, CustomerImportOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var parser = new CsvRecordReader(reader, options.MaxFieldLength);
        string[]? header;
        try
        {
            header = await parser.ReadAsync(cancellationToken);
        }
        catch (InvalidDataException e)
        {
            return new ValidationErrors().Add("file", "The header is not valid CSV: " + e.Message);
        }

        if (header is null)
            return new ValidationErrors().Add("file", "The file is empty: it needs a header row and one row per customer.");
        var columns = CustomerCsvColumns.From(header, options.DefaultStoreId is not null, out var error);
        if (columns is null) return new ValidationErrors().Add("file", error!);
        return Result<CustomerCsvImport>.Ok(new CustomerCsvImport(parser, columns, options));
    }

    /// <summary>The data rows in file order; after <see cref="CustomerImportOptions.MaxRows"/> rows one last error row ends the read.</summary>
    public async IAsyncEnumerable<CustomerImportRow> ReadAsync(DateTimeOffset now, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var seen = new DuplicateIdSet();
        long row = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            string[]? record = null;
            string? tooLong = null;
            try
            {
                record = await parser.ReadAsync(cancellationToken);
            }
            catch (InvalidDataException)
            {
                tooLong = $"Row {row + 1}: a cell is longer than {options.MaxFieldLength} characters (an unclosed quote?); the rest of the file was not read.";
            }

            if (tooLong is not null)
            {
                yield return new CustomerImportRow(row + 1, null, new FailureReportRow(null, null, null, tooLong));
                yield break;
            }

            if (record is null) yield break;
            row++;
            if (row > options.MaxRows)
            {
                yield return new CustomerImportRow(row, null, new FailureReportRow(null, null, null,
                    $"The file has more than {options.MaxRows:N0} customer rows; row {row:N0} and later were not imported."));
                yield break;
            }

            yield return Map(row, record, seen, now);
        }
    }

    private CustomerImportRow Map(long row, string[] record, DuplicateIdSet seen, DateTimeOffset now)
    {
        var externalId = columns.Get(record, "externalId");
        var email = columns.Get(record, "email");
        var mobile = columns.Get(record, "mobile");
        if (parser.LastRecordMalformed) return Error(row, externalId, email, mobile, "The row is not valid CSV (a quote inside an unquoted cell).");
        if (record.Length != columns.Count)
            return Error(row, externalId, email, mobile, $"The row has {record.Length} cells; the header has {columns.Count}.");

        var input = new CustomerInput(
            externalId,
            columns.Get(record, "name"),
            email,
            mobile,
            columns.Get(record, "storeId") ?? options.DefaultStoreId,
            columns.Get(record, "tags")?.Split([';', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Consent(record, "email", out var emailAtError),
            Consent(record, "sms", out var smsAtError));
        var errors = CustomerValidator.Validate(input, options.StoreSites, now, out var fields);
        if (emailAtError is not null) errors.Add("emailConsentAt", emailAtError);
        if (smsAtError is not null) errors.Add("smsConsentAt", smsAtError);
        if (!errors.IsEmpty || fields is null) return Error(row, externalId, email, mobile, string.Join(" ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")));

        // Only valid rows take part: a bad row does not stop a later good row with the same id from being imported.
        if (!seen.Add(fields.Id.Value)) return Error(row, externalId, email, mobile, "externalId: Duplicate in the file: an earlier row has this external id.");
        return new CustomerImportRow(row, fields, null);
    }

    private ConsentInput? Consent(string[] record, string channel, out string? atError)
    {
        atError = null;
        var status = columns.Get(record, channel + "Consent");
        var atText = columns.Get(record, channel + "ConsentAt");
        var source = columns.Get(record, channel + "ConsentSource") ?? "import";
        if (status is null && atText is null) return null;
        DateTimeOffset? at = null;
        if (atText is not null)
        {
            if (DateTimeOffset.TryParse(atText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)) at = parsed;
            else atError = "Not a date and time (use ISO 8601, for example 2026-11-30T09:00:00+08:00).";
        }

        return new ConsentInput(status, at, source);
    }

    private static CustomerImportRow Error(long row, string? id, string? email, string? mobile, string reason) =>
        new(row, null, new FailureReportRow(id, email, mobile, $"Row {row}: {reason}"));

}
