using CouponFunctions.Storage.Clients.Tables;

namespace CouponFunctions.Storage.Tests.Clients.Tables;

public sealed class TableKeysTests
{
    [Theory]
    [InlineData("t1/s1", '/')]
    [InlineData("t1\\s1", '\\')]
    [InlineData("t1#s1", '#')]
    [InlineData("t1?s1", '?')]
    [InlineData("t1\u0000", '\u0000')]
    [InlineData("t1\u001F", '\u001F')]
    [InlineData("t1\u007F", '\u007F')]
    [InlineData("t1\u009F", '\u009F')]
    public async Task AddEntityAsync_ForbiddenCharacterInKey_ThrowsNamingKeyAndCharacterBeforeAnyRequest(string partitionKey, char bad)
    {
        var table = TestConnections.Unreachable().GetTableClient("coupons");

        var error = await Assert.ThrowsAsync<ArgumentException>(() => table.AddEntityAsync(new TableEntity(partitionKey, "r1")));

        Assert.Equal("PartitionKey", error.ParamName);
        Assert.Contains($"U+{(int)bad:X4}", error.Message, StringComparison.Ordinal);
        Assert.Contains("index 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeleteEntityAsync_RowKeyOver1KiB_ThrowsNamingRowKey()
    {
        var table = TestConnections.Unreachable().GetTableClient("coupons");

        var error = await Assert.ThrowsAsync<ArgumentException>(() => table.DeleteEntityAsync("t1", new string('r', 513)));

        Assert.Equal("RowKey", error.ParamName);
        Assert.Contains("513", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_512CharsAndAllowedPunctuation_Passes()
    {
        TableKeys.Validate(new string('k', 512), "RowKey");
        TableKeys.Validate("t1|store:42 o'neil ü-€ 😀", "PartitionKey");
    }

    [Fact]
    public async Task GetEntityIfExistsAsync_NullKey_Throws()
    {
        var table = TestConnections.Unreachable().GetTableClient("coupons");

        await Assert.ThrowsAsync<ArgumentException>(() => table.GetEntityIfExistsAsync(null!, "r"));
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("1coupons")]
    [InlineData("coupon-list")]
    [InlineData("Tables")]
    [InlineData("a234567890123456789012345678901234567890123456789012345678901234")]
    public void GetTableClient_InvalidName_Throws(string name)
    {
        Assert.Throws<ArgumentException>(() => TestConnections.Unreachable().GetTableClient(name));
    }

    [Fact]
    public void EntityPath_QuoteAndUnicode_DoublesQuoteThenPercentEncodes()
    {
        Assert.Equal("/Coupons(PartitionKey='o%27%27b%20c',RowKey='%C3%BC')", TableKeys.EntityPath("Coupons", "o'b c", "ü"));
    }
}
