using System.Text;

namespace CouponFunctions.Core.Coupons.Listing;

/// <summary>One CSV line being built, RFC 4180: text is neutralised against spreadsheet formulas and quoted when needed; numbers are written as they are.</summary>
internal sealed class CsvLine
{
    private bool atStart = true;

    public StringBuilder Builder { get; } = new(1024);

    public CsvLine Text(string? value)
    {
        Separate();
        if (string.IsNullOrEmpty(value)) return this;

        // Spreadsheets run a cell starting with = + - @ (or a tab or CR before one) as a formula; a leading apostrophe makes it text.
        var neutralise = value[0] is '=' or '+' or '-' or '@' or '\t' or '\r';
        var quote = value.AsSpan().IndexOfAny(",\"\r\n") >= 0;
        if (quote) Builder.Append('"');
        if (neutralise) Builder.Append('\'');
        if (quote) Builder.Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
        else Builder.Append(value);
        return this;
    }

    /// <summary>A value we formatted ourselves (invariant number, date, fixed word): never user text, so it is not neutralised.</summary>
    public CsvLine Plain(string? value)
    {
        Separate();
        Builder.Append(value);
        return this;
    }

    public StringBuilder End()
    {
        atStart = true;
        return Builder.Append("\r\n");
    }

    public void Clear()
    {
        atStart = true;
        Builder.Clear();
    }

    private void Separate()
    {
        if (!atStart) Builder.Append(',');
        atStart = false;
    }
}
