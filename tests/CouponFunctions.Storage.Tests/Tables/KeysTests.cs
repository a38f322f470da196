using Azure.Data.Tables;
using CouponFunctions.Storage.Tests.Infrastructure;
using CouponFunctions.Testing;

namespace CouponFunctions.Storage.Tests.Tables;

/// <summary>Our key encoding and key-range filters against a real table service.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class KeysTests(AzuriteFixture azurite)
{
    [Theory]
    [InlineData("a/b\\c#d?e")]
    [InlineData("tab\there\u0001")]
    [InlineData("O'Brien 50% off")]
    [InlineData("ลดราคา-9.9")]
    public async Task Escape_PlatformIdWithForbiddenCharacters_IsAUsableRowKey(string platformId)
    {
        var table = await TableAsync();
        var rowKey = "c_" + Keys.Escape(platformId);

        await table.AddEntityAsync(new TableEntity("p", rowKey) { ["Id"] = platformId });
        var read = await table.GetEntityIfExistsAsync<TableEntity>("p", rowKey);

        Assert.True(read.HasValue);
        Assert.Equal(platformId, read.Value!.GetString("Id"));
        Assert.All(rowKey, c => Assert.True(char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_' or '!'));
    }

    [Fact]
    public async Task RowKeyStartsWith_NeighbouringKeysAndPartitions_ReturnsOnlyThePrefixInThePartition()
    {
        var table = await TableAsync();
        foreach (var (pk, rk) in new[] { ("t_s1", "c_1"), ("t_s1", "c_2"), ("t_s1", "c`"), ("t_s1", "c"), ("t_s1", "h_1"), ("t_s10", "c_3"), ("t_s", "c_4") })
        {
            await table.AddEntityAsync(new TableEntity(pk, rk));
        }

        var rows = await table.QueryAsync<TableEntity>(Keys.RowKeyStartsWith("t_s1", "c_")).Select(e => e.RowKey).ToListAsync();
        var everywhere = await table.QueryAsync<TableEntity>(Keys.RowKeyStartsWith("c_")).Select(e => $"{e.PartitionKey}/{e.RowKey}").ToListAsync();

        Assert.Equal(["c_1", "c_2"], rows);
        Assert.Equal(["t_s/c_4", "t_s1/c_1", "t_s1/c_2", "t_s10/c_3"], everywhere);
    }

    [Fact]
    public async Task InPartition_ValueWithQuotes_IsEscapedNotInjected()
    {
        var table = await TableAsync();
        await table.AddEntityAsync(new TableEntity("a'b", "1"));
        await table.AddEntityAsync(new TableEntity("x", "2"));

        var rows = await table.QueryAsync<TableEntity>(Keys.InPartition("a'b")).ToListAsync();
        var injected = await table.QueryAsync<TableEntity>(Keys.InPartition("x' or PartitionKey ne '")).ToListAsync();

        Assert.Equal("1", Assert.Single(rows).RowKey);
        Assert.Empty(injected);
    }

    private async Task<TableClient> TableAsync()
    {
        var table = azurite.Tables.GetTableClient(azurite.UniqueName("keys"));
        await table.CreateIfNotExistsAsync();
        return table;
    }
}
