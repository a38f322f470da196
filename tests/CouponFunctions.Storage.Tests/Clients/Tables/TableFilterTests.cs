using CouponFunctions.Storage.Clients.Tables;

namespace CouponFunctions.Storage.Tests.Clients.Tables;

public sealed class TableFilterTests
{
    [Fact]
    public void Create_StringWithQuotes_DoublesEachQuote()
    {
        var name = "O'Brien's";

        Assert.Equal("Name eq 'O''Brien''s'", TableFilter.Create($"Name eq {name}"));
    }

    [Fact]
    public void Create_InjectionAttempt_StaysOneStringLiteral()
    {
        var hostile = "x' or PartitionKey ne '";

        var filter = TableFilter.Create($"PartitionKey eq {"t1"} and Name eq {hostile}");

        Assert.Equal("PartitionKey eq 't1' and Name eq 'x'' or PartitionKey ne '''", filter);
    }

    [Fact]
    public void Create_TypedValues_UseODataLiteralForms()
    {
        var when = new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.FromHours(8)).AddTicks(1234567);
        var id = Guid.Parse("7c9e6679-7425-40de-944b-e07fc1f90ae7");
        byte[] bytes = [0x00, 0xAB, 0xFF];

        var filter = TableFilter.Create($"I eq {42} and L eq {42L} and D eq {2.5} and W eq {3.0} and B eq {true} and T ge {when} and G eq {id} and X eq {bytes}");

        Assert.Equal(
            "I eq 42 and L eq 42L and D eq 2.5 and W eq 3.0 and B eq true and T ge datetime'2026-11-21T01:00:00.1234567Z' " +
            "and G eq guid'7c9e6679-7425-40de-944b-e07fc1f90ae7' and X eq X'00abff'",
            filter);
    }

    [Fact]
    public void CreateQueryFilter_SameAsCreate()
    {
        var pk = "a'b";

        Assert.Equal(TableFilter.Create($"PartitionKey eq {pk}"), TableClient.CreateQueryFilter($"PartitionKey eq {pk}"));
    }

    [Theory]
    [InlineData(1.5e20, "150000000000000000000.0")]
    [InlineData(-2.5e-7, "-0.00000025")]
    [InlineData(0.1, "0.1")]
    [InlineData(-7d, "-7.0")]
    public void FormatValue_Double_NoExponentAndAlwaysAFraction(double value, string expected)
    {
        Assert.Equal(expected, TableFilter.FormatValue(value));
    }

    [Fact]
    public void FormatValue_NaN_Throws()
    {
        Assert.Throws<ArgumentException>(() => TableFilter.FormatValue(double.NaN));
    }

    [Fact]
    public void FormatValue_UnsupportedType_Throws()
    {
        Assert.Throws<ArgumentException>(() => TableFilter.FormatValue(new object()));
        Assert.Throws<ArgumentException>(() => TableFilter.FormatValue(1.5m));
    }

    [Fact]
    public void PartitionKeyStartsWith_Prefix_BuildsHalfOpenRange()
    {
        Assert.Equal("PartitionKey ge 't1|' and PartitionKey lt 't1}'", TableFilter.PartitionKeyStartsWith("t1|"));
    }

    [Fact]
    public void StartsWith_PrefixWithQuote_EscapesBothBounds()
    {
        Assert.Equal("RowKey ge 'o''a' and RowKey lt 'o''b'", TableFilter.RowKeyStartsWith("o'a"));
    }

    [Fact]
    public void StartsWith_LastCharIsMax_CarriesToPreviousChar()
    {
        Assert.Equal("RowKey ge 'a\uffff' and RowKey lt 'b'", TableFilter.RowKeyStartsWith("a\uffff"));
    }

    [Fact]
    public void StartsWith_BadPropertyName_Throws()
    {
        Assert.Throws<ArgumentException>(() => TableFilter.StartsWith("Name or true", "x"));
    }

    [Fact]
    public void AndOr_SkipEmptyAndParenthesise()
    {
        Assert.Equal("(A eq 1) and (B eq 2 or C eq 3)", TableFilter.And("A eq 1", null, "", TableFilter.Or("B eq 2 or C eq 3")));
        Assert.Equal("(A eq 1) or (B eq 2)", TableFilter.Or("A eq 1", "B eq 2"));
    }
}
