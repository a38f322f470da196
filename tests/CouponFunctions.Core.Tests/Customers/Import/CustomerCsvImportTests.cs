using System.Text;
using CouponFunctions.Core.Customers;
using CouponFunctions.Core.Customers.Import;
using CouponFunctions.Core.Stores;
using static CouponFunctions.Core.Tests.Sends.SendTestData;

namespace CouponFunctions.Core.Tests.Customers.Import;

public sealed class CustomerCsvImportTests
{
    private static readonly CustomerImportOptions Options = new(new Dictionary<StoreId, string> { [StoreId.Parse("s-bkk")] = "TH", [StoreId.Parse("s-sg")] = "SG" });

    private static async Task<List<CustomerImportRow>> ReadAsync(string csv, CustomerImportOptions? options = null)
    {
        var open = await CustomerCsvImport.OpenAsync(new StringReader(csv), options ?? Options);
        Assert.True(open.IsOk, open.Errors is null ? open.Message : string.Join(" ", open.Errors.SelectMany(e => e.Value)));
        var rows = new List<CustomerImportRow>();
        await foreach (var row in open.Value.ReadAsync(Now)) rows.Add(row);
        return rows;
    }

    [Fact]
    public async Task ReadAsync_GoodRows_YieldsUpsertsWithNormalisedFields()
    {
        var rows = await ReadAsync(
            "\uFEFFExternal ID,Name,Email,Mobile,Store,Tags,Email consent,Email consent at,SMS consent\r\n" +
            "C1,Ann,ann@example.com,081 234 5678,s-bkk,VIP;payday,yes,2026-11-01T09:00:00+07:00,no\r\n" +
            "C2,\"Lee, Bo\",bo@example.com,+65 9123 4567,s-sg,,granted,,\r\n");

        Assert.All(rows, r => Assert.True(r.IsOk));
        Assert.Equal([1L, 2L], rows.Select(r => r.Row));
        Assert.Equal("+66812345678", rows[0].Customer!.Mobile);
        Assert.Equal(["vip", "payday"], rows[0].Customer!.Tags);
        Assert.Equal(new DateTimeOffset(2026, 11, 1, 2, 0, 0, TimeSpan.Zero), rows[0].Customer!.EmailConsent.ChangedAt);
        Assert.Equal("import", rows[1].Customer!.EmailConsent.Source);
        Assert.Equal("Lee, Bo", rows[1].Customer!.Name);
    }

    [Fact]
    public async Task ReadAsync_BadEmailAndMobileForTheStoresCountry_GiveRowErrorsAndKeepReading()
    {
        var rows = await ReadAsync(
            "externalId,email,mobile,storeId\n" +
            "C1,not-an-email,,s-bkk\n" +
            "C2,,+66 81 234 5678,s-sg\n" +
            "C3,c3@example.com,,s-bkk\n");

        Assert.Equal("Row 1: email: Email must have exactly one '@'.", rows[0].Error!.Reason);
        Assert.Equal("not-an-email", rows[0].Error!.Email);
        Assert.StartsWith("Row 2: mobile: The mobile number is not a Singapore number", rows[1].Error!.Reason, StringComparison.Ordinal);
        Assert.Equal("C2", rows[1].Error!.CustomerId);
        Assert.True(rows[2].IsOk);
    }

    [Fact]
    public async Task ReadAsync_DuplicateExternalId_RefusesTheLaterRow()
    {
        var rows = await ReadAsync("externalId,storeId\nC1,s-bkk\nC2,s-bkk\nC1,s-bkk\n");

        Assert.True(rows[0].IsOk);
        Assert.True(rows[1].IsOk);
        Assert.Contains("Duplicate in the file", rows[2].Error!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_BadRowThenGoodRowWithTheSameId_ImportsTheGoodOne()
    {
        var rows = await ReadAsync("externalId,email,storeId\nC1,bad,s-bkk\nC1,c1@example.com,s-bkk\n");

        Assert.False(rows[0].IsOk);
        Assert.True(rows[1].IsOk);
    }

    [Fact]
    public async Task ReadAsync_QuotedFieldsWithNewlinesAndQuotes_AreOneCell()
    {
        var rows = await ReadAsync("externalId,name,storeId\r\nC1,\"Ann \"\"the best\"\"\",s-bkk\r\n");

        Assert.Equal("Ann \"the best\"", rows[0].Customer!.Name);
    }

    [Fact]
    public async Task ReadAsync_NewlineInsideAName_IsRefusedAsUnsafeButParsedAsOneRow()
    {
        var rows = await ReadAsync("externalId,name,storeId\nC1,\"Ann\nLee\",s-bkk\nC2,Bo,s-bkk\n");

        Assert.Equal(2, rows.Count);
        Assert.Contains("name:", rows[0].Error!.Reason, StringComparison.Ordinal);
        Assert.True(rows[1].IsOk);
    }

    [Fact]
    public async Task ReadAsync_WrongCellCountOrStrayQuote_GivesARowError()
    {
        var rows = await ReadAsync("externalId,storeId\nC1,s-bkk,extra\nC2\"x,s-bkk\n\nC3,s-bkk");

        Assert.Contains("3 cells; the header has 2", rows[0].Error!.Reason, StringComparison.Ordinal);
        Assert.Contains("not valid CSV", rows[1].Error!.Reason, StringComparison.Ordinal);
        Assert.True(rows[2].IsOk);
        Assert.Equal(3, rows.Count);
    }

    [Fact]
    public async Task ReadAsync_UnclosedQuote_StopsWithOneErrorInsteadOfReadingTheFileIntoOneCell()
    {
        var csv = "externalId,name,storeId\nC1,\"Ann,s-bkk\n" + string.Concat(Enumerable.Repeat("C2,Bo,s-bkk\n", 1000));

        var rows = await ReadAsync(csv, Options with { MaxFieldLength = 1000 });

        var row = Assert.Single(rows);
        Assert.Contains("longer than 1000 characters", row.Error!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_MoreRowsThanTheLimit_EndsWithOneErrorRow()
    {
        var rows = await ReadAsync("externalId,storeId\nC1,s-bkk\nC2,s-bkk\nC3,s-bkk\n", Options with { MaxRows = 2 });

        Assert.Equal(3, rows.Count);
        Assert.Contains("more than 2 customer rows", rows[2].Error!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_DefaultStoreWithoutStoreColumn_UsesIt()
    {
        var rows = await ReadAsync("id,phone\nC1,9123 4567\n", Options with { DefaultStoreId = "s-sg" });

        Assert.Equal("+6591234567", rows[0].Customer!.Mobile);
    }

    [Fact]
    public async Task ReadAsync_UnparsableConsentTime_NamesTheColumn()
    {
        var rows = await ReadAsync("externalId,storeId,emailConsent,emailConsentAt,email\nC1,s-bkk,yes,last tuesday,a@example.com\n");

        Assert.Contains("emailConsentAt: Not a date", rows[0].Error!.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("name,email\nAnn,a@example.com\n", "no externalId column")]
    [InlineData("externalId,email\nC1,a@example.com\n", "no storeId column")]
    [InlineData("externalId,customer id,storeId\n", "'externalId' twice")]
    public async Task OpenAsync_BadHeader_IsInvalidNamingTheFile(string csv, string reason)
    {
        var open = await CustomerCsvImport.OpenAsync(new StringReader(csv), Options);

        Assert.False(open.IsOk);
        Assert.Contains(reason, open.Errors!["file"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fields_Header_SaysWhichFieldsTheUpsertSets()
    {
        var withStore = await CustomerCsvImport.OpenAsync(new StringReader("externalId,email,storeId,SMS consent at\n"), Options);
        var defaultStore = await CustomerCsvImport.OpenAsync(new StringReader("externalId,tags\n"), Options with { DefaultStoreId = "s-sg" });

        Assert.Equal([CustomerField.Email, CustomerField.StoreId, CustomerField.SmsConsent], withStore.Value!.Fields.Order());
        Assert.Equal([CustomerField.StoreId, CustomerField.Tags], defaultStore.Value!.Fields.Order());
    }

    [Fact]
    public async Task OpenAsync_UnknownColumns_AreListedAndIgnored()
    {
        var open = await CustomerCsvImport.OpenAsync(new StringReader("externalId,storeId,Loyalty points\n"), Options);

        Assert.Equal(["Loyalty points"], open.Value!.IgnoredColumns);
    }

    [Fact]
    public async Task ReadAsync_ManyRowsThroughASmallBuffer_ReadsEveryRowOnce()
    {
        // 20,000 rows cross the reader's buffer many times, including quotes split across reads.
        var csv = new StringBuilder("externalId,name,storeId\r\n");
        for (var i = 0; i < 20_000; i++) csv.Append("C").Append(i).Append(",\"N \"\"").Append(i).Append("\"\"\",s-bkk\r\n");

        var count = 0;
        await foreach (var row in (await CustomerCsvImport.OpenAsync(new StringReader(csv.ToString()), Options)).Value!.ReadAsync(Now))
        {
            Assert.True(row.IsOk);
            Assert.Equal($"N \"{count}\"", row.Customer!.Name);
            count++;
        }

        Assert.Equal(20_000, count);
    }
}
