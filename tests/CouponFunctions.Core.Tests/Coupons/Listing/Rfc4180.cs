using System.Text;

namespace CouponFunctions.Core.Tests.Coupons.Listing;

/// <summary>A strict RFC 4180 reader for the tests, kept apart from the writer so that quoting is checked by other code.</summary>
internal static class Rfc4180
{
    public static List<string[]> Parse(string text)
    {
        var records = new List<string[]>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '"' && field.Length == 0)
            {
                for (i++; !(text[i] == '"' && (i + 1 == text.Length || text[i + 1] != '"')); i++)
                {
                    field.Append(text[i]);
                    if (text[i] == '"') i++;
                }

                i++;
                if (i < text.Length && text[i] is not (',' or '\r')) throw new FormatException($"Text after a closing quote at {i}.");
                continue;
            }

            if (text[i] == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
                i++;
            }
            else if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                fields.Add(field.ToString());
                field.Clear();
                records.Add([.. fields]);
                fields.Clear();
                i += 2;
            }
            else if (text[i] is '"' or '\n' or '\r')
            {
                throw new FormatException($"Unquoted '{text[i]}' at {i}.");
            }
            else
            {
                field.Append(text[i++]);
            }
        }

        if (fields.Count > 0 || field.Length > 0) throw new FormatException("The last record does not end with CRLF.");
        return records;
    }
}
