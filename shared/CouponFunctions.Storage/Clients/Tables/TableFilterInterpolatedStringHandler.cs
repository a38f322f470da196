using System.Runtime.CompilerServices;
using System.Text;

namespace CouponFunctions.Storage.Clients.Tables;

/// <summary>
/// Builds an OData filter from an interpolated string: literal text is kept, every hole becomes a typed, escaped
/// literal (see <see cref="TableFilter.FormatValue"/>), so a value can never change the shape of the query.
/// </summary>
[InterpolatedStringHandler]
public ref struct TableFilterInterpolatedStringHandler
{
    private readonly StringBuilder _builder;

    public TableFilterInterpolatedStringHandler(int literalLength, int formattedCount)
    {
        _builder = new StringBuilder(literalLength + (formattedCount * 24));
    }

    public readonly void AppendLiteral(string value) => _builder.Append(value);

    public readonly void AppendFormatted<T>(T value) => _builder.Append(TableFilter.FormatValue(value));

    internal readonly string ToStringAndClear()
    {
        var text = _builder.ToString();
        _builder.Clear();
        return text;
    }
}
