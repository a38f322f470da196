using System.Runtime.CompilerServices;
using CouponFunctions.Core.Common;
using CouponFunctions.Core.Customers;
using CouponFunctions.Core.Customers.Import;
using CouponFunctions.Core.Reports;

namespace CouponFunctions.Core.Segments;

/// <summary>One row of a static segment's member file: the customer id to add or remove, or why the row was refused.</summary>
public sealed record SegmentMemberRow(long Row, CustomerId? CustomerId, FailureReportRow? Error);

/// <summary>
/// Reads a member file for a static segment (add or remove members by CSV), one row at a time: the customer id column is found
/// by name (externalId, customer id or id); other columns are ignored. Ids repeated in the file are reported once as duplicates.
/// </summary>
public sealed class SegmentMemberCsv
{
    private static readonly string[] IdColumns = ["externalid", "customerid", "id"];

    private readonly CsvRecordReader reader;
    private readonly int column;
    private readonly int maxRows;

    private SegmentMemberCsv(CsvRecordReader reader, int column, int maxRows)
    {
        this.reader = reader;
        this.column = column;
        this.maxRows = maxRows;
    }

    public static async Task<Result<SegmentMemberCsv>> OpenAsync(TextReader text, int maxRows = CustomerImportOptions.DefaultMaxRows, CancellationToken cancellationToken = default)
    {
        var reader = new CsvRecordReader(text, 4096);
        string[]? header;
        try
        {
            header = await reader.ReadAsync(cancellationToken);
        }
        catch (InvalidDataException e)
        {
            return new ValidationErrors().Add("file", "The header is not valid CSV: " + e.Message);
        }

        var names = (header ?? []).Select(h => new string(h.TrimStart('\uFEFF').Where(c => !char.IsWhiteSpace(c) && c is not ('_' or '-')).ToArray()).ToLowerInvariant()).ToList();
        var column = names.FindIndex(n => IdColumns.Contains(n));
        return column < 0
            ? new ValidationErrors().Add("file", "The file needs a header row with a customer id column (externalId, customer id or id).")
            : Result<SegmentMemberCsv>.Ok(new SegmentMemberCsv(reader, column, maxRows));
    }

    public async IAsyncEnumerable<SegmentMemberRow> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var seen = new DuplicateIdSet();
        long row = 0;
        while (true)
        {
            string[]? record = null;
            string? broken = null;
            try
            {
                record = await reader.ReadAsync(cancellationToken);
            }
            catch (InvalidDataException e)
            {
                broken = e.Message;
            }

            if (broken is not null)
            {
                row++;
                yield return new SegmentMemberRow(row, null, new FailureReportRow(null, null, null, $"Row {row}: {broken} The rest of the file was not read."));
                yield break;
            }

            if (record is null) yield break;
            if (++row > maxRows)
            {
                yield return new SegmentMemberRow(row, null, new FailureReportRow(null, null, null, $"The file has more than {maxRows:N0} rows; row {row:N0} and later were not read."));
                yield break;
            }

            var text = column < record.Length ? record[column] : null;
            if (!CustomerId.TryParse(text, out var id))
                yield return new SegmentMemberRow(row, null, new FailureReportRow(text, null, null, $"Row {row}: {CustomerId.Rule}"));
            else if (!seen.Add(id.Value))
                yield return new SegmentMemberRow(row, null, new FailureReportRow(id.Value, null, null, $"Row {row}: Duplicate in the file: an earlier row has this customer id."));
            else
                yield return new SegmentMemberRow(row, id, null);
        }
    }
}
