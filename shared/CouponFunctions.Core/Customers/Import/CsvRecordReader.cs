using System.Text;

namespace CouponFunctions.Core.Customers.Import;

/// <summary>
/// A streaming RFC 4180 reader: ',' separated, fields optionally in double quotes ("" inside is one quote, quoted fields may
/// hold commas and line breaks), records ending in CRLF, LF or CR, a leading BOM dropped, blank lines skipped. It holds one
/// record at a time; a cell longer than the limit stops the read instead of growing without bound.
/// </summary>
internal sealed class CsvRecordReader(TextReader reader, int maxFieldLength)
{
    private readonly char[] buffer = new char[16 * 1024];
    private readonly StringBuilder field = new();
    private readonly List<string> fields = [];
    private int position;
    private int length;
    private bool started;

    /// <summary>A quote appeared inside an unquoted cell, or text followed a closing quote, in the last record read.</summary>
    public bool LastRecordMalformed { get; private set; }

    /// <summary>The next record, or null at the end of the input.</summary>
    /// <exception cref="InvalidDataException">A cell is longer than the limit (typically an unclosed quote).</exception>
    public async ValueTask<string[]?> ReadAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var record = await ReadRecordAsync(cancellationToken);
            if (record is null) return null;
            if (record.Length == 1 && record[0].Length == 0 && !LastRecordMalformed) continue; // blank line
            return record;
        }
    }

    private async ValueTask<string[]?> ReadRecordAsync(CancellationToken cancellationToken)
    {
        fields.Clear();
        field.Clear();
        LastRecordMalformed = false;
        var quoted = false;
        var inQuotes = false;
        var any = false;
        while (true)
        {
            if (position == length)
            {
                length = await reader.ReadAsync(buffer.AsMemory(), cancellationToken);
                position = 0;
                if (!started && length > 0)
                {
                    started = true;
                    if (buffer[0] == '\uFEFF') position = 1;
                }

                if (length == 0)
                {
                    if (!any) return null;
                    fields.Add(field.ToString());
                    return [.. fields];
                }

                continue;
            }

            var c = buffer[position++];
            any = true;
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (position == length) await FillAsync(cancellationToken);
                    if (position < length && buffer[position] == '"')
                    {
                        position++;
                        Append(c);
                    }
                    else
                    {
                        inQuotes = false;
                    }
                }
                else
                {
                    Append(c);
                }

                continue;
            }

            switch (c)
            {
                case ',':
                    fields.Add(field.ToString());
                    field.Clear();
                    quoted = false;
                    break;
                case '\r' or '\n':
                    if (c == '\r')
                    {
                        if (position == length) await FillAsync(cancellationToken);
                        if (position < length && buffer[position] == '\n') position++;
                    }

                    fields.Add(field.ToString());
                    return [.. fields];
                case '"' when field.Length == 0 && !quoted:
                    quoted = inQuotes = true;
                    break;
                default:
                    if (c == '"' || quoted) LastRecordMalformed = true;
                    Append(c);
                    break;
            }
        }
    }

    private void Append(char c)
    {
        if (field.Length >= maxFieldLength) throw new InvalidDataException($"A cell is longer than {maxFieldLength} characters.");
        field.Append(c);
    }

    // Keeps the unread character at the front so that a look-ahead across a buffer boundary works.
    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        length = await reader.ReadAsync(buffer.AsMemory(), cancellationToken);
        position = 0;
    }
}
