using Azure;
using CouponFunctions.Storage.Clients.Tables;
using CouponFunctions.Testing;

namespace CouponFunctions.Storage.Tests.Clients.Tables;

[Collection(AzuriteCollection.Name)]
public sealed class TableClientTests(AzuriteFixture azurite)
{
    private async Task<TableClient> NewTableAsync()
    {
        var table = azurite.Clients.GetTableClient(azurite.UniqueName("tbl"));
        await table.CreateIfNotExistsAsync();
        return table;
    }

    [Fact]
    public async Task CreateIfNotExistsAsync_CalledTwice_SecondIsNotAnError()
    {
        var table = azurite.Clients.GetTableClient(azurite.UniqueName("tbl"));

        var first = await table.CreateIfNotExistsAsync();
        var second = await table.CreateIfNotExistsAsync();

        Assert.Equal(204, first.GetRawResponse().Status);
        Assert.Equal(409, second.GetRawResponse().Status);
        Assert.Equal(table.Name, second.Value.Name);
    }

    [Fact]
    public async Task DeleteAsync_ExistingThenMissing_NeitherThrows()
    {
        var table = await NewTableAsync();

        Assert.Equal(204, (await table.DeleteAsync()).Status);
        Assert.Equal(404, (await table.DeleteAsync()).Status);
    }

    [Fact]
    public async Task PingAsync_ReachableService_Returns200()
    {
        var response = await azurite.Clients.TableService.PingAsync();

        Assert.Equal(200, response.Status);
    }

    [Fact]
    public async Task PingAsync_WrongKey_ThrowsAuthorizationFailure()
    {
        var wrongKey = Convert.ToBase64String(new byte[64]);
        var connection = azurite.ConnectionString.Replace(TestConnections.DevKey, wrongKey, StringComparison.Ordinal);
        var clients = new CouponFunctions.Storage.Clients.StorageClients(connection);

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => clients.TableService.PingAsync());

        Assert.Equal(403, error.Status);
    }

    [Fact]
    public async Task AddEntityAsync_EveryType_RoundTripsExactly()
    {
        var table = await NewTableAsync();
        var when = new DateTimeOffset(2026, 11, 21, 9, 15, 30, TimeSpan.FromHours(8)).AddTicks(1234567);
        var id = Guid.NewGuid();
        var bytes = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        var entity = new TableEntity("t1|store 1", "coupon'1 ü")
        {
            ["Text"] = "héllo \"world\" \n 😀 <&>",
            ["Empty"] = string.Empty,
            ["Int"] = int.MinValue,
            ["Long"] = long.MaxValue,
            ["SmallLong"] = 5L,
            ["Fraction"] = 0.1,
            ["Whole"] = 5.0,
            ["Huge"] = 1.7976931348623157E+308,
            ["Tiny"] = double.Epsilon,
            ["NaN"] = double.NaN,
            ["PosInf"] = double.PositiveInfinity,
            ["NegInf"] = double.NegativeInfinity,
            ["Flag"] = true,
            ["When"] = when,
            ["Id"] = id,
            ["Bytes"] = bytes,
        };

        var added = await table.AddEntityAsync(entity);
        var read = await table.GetEntityIfExistsAsync(entity.PartitionKey, entity.RowKey);

        Assert.True(read.HasValue);
        var e = read.Value!;
        Assert.Equal("héllo \"world\" \n 😀 <&>", e.GetString("Text"));
        Assert.Equal(string.Empty, e.GetString("Empty"));
        Assert.Equal(int.MinValue, e.GetInt32("Int"));
        Assert.Equal(long.MaxValue, e["Long"]);
        Assert.Equal(5L, e["SmallLong"]);
        Assert.Equal(0.1, e["Fraction"]);
        Assert.Equal(5.0, e["Whole"]);
        Assert.Equal(1.7976931348623157E+308, e["Huge"]);
        Assert.Equal(double.Epsilon, e["Tiny"]);
        Assert.Equal(double.NaN, e["NaN"]);
        Assert.Equal(double.PositiveInfinity, e["PosInf"]);
        Assert.Equal(double.NegativeInfinity, e["NegInf"]);
        Assert.True(Assert.IsType<bool>(e["Flag"]));
        Assert.Equal(when, e.GetDateTimeOffset("When"));
        Assert.Equal(when.UtcTicks, e.GetDateTimeOffset("When")!.Value.UtcTicks);
        Assert.Equal(id, e["Id"]);
        Assert.Equal(bytes, e.GetBinary("Bytes"));
        Assert.Equal("t1|store 1", e.PartitionKey);
        Assert.Equal("coupon'1 ü", e.RowKey);
        Assert.NotNull(e.Timestamp);
        Assert.Equal(added.Headers.ETag, e.ETag);
    }

    [Fact]
    public async Task AddEntityAsync_Existing_ThrowsEntityAlreadyExists()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "r"));

        var error = await Assert.ThrowsAsync<RequestFailedException>(() => table.AddEntityAsync(new TableEntity("p", "r")));

        Assert.Equal(409, error.Status);
        Assert.Equal("EntityAlreadyExists", error.ErrorCode);
    }

    [Fact]
    public async Task GetEntityIfExistsAsync_Missing_HasNoValue()
    {
        var table = await NewTableAsync();

        var read = await table.GetEntityIfExistsAsync("p", "nope");

        Assert.False(read.HasValue);
        Assert.Equal(404, read.GetRawResponse().Status);
    }

    [Fact]
    public async Task GetEntityIfExistsAsync_Select_ReturnsOnlyChosenProperties()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "r") { ["A"] = 1, ["B"] = 2 });

        var read = await table.GetEntityIfExistsAsync("p", "r", ["A"]);

        Assert.Equal(1, read.Value!["A"]);
        Assert.False(read.Value.ContainsKey("B"));
    }

    [Fact]
    public async Task UpdateEntityAsync_DefaultETag_Throws()
    {
        var table = TestConnections.Unreachable().GetTableClient("coupons");

        await Assert.ThrowsAsync<ArgumentException>(() => table.UpdateEntityAsync(new TableEntity("p", "r"), default));
    }

    [Fact]
    public async Task UpsertEntityAsync_MergeKeepsOtherPropertiesAndReplaceDropsThem()
    {
        var table = await NewTableAsync();
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["A"] = "a", ["B"] = "b" }, TableUpdateMode.Replace);

        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["B"] = "b2" }, TableUpdateMode.Merge);
        var merged = (await table.GetEntityIfExistsAsync("p", "r")).Value!;
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["C"] = "c" }, TableUpdateMode.Replace);
        var replaced = (await table.GetEntityIfExistsAsync("p", "r")).Value!;

        Assert.Equal("a", merged["A"]);
        Assert.Equal("b2", merged["B"]);
        Assert.False(replaced.ContainsKey("A"));
        Assert.Equal("c", replaced["C"]);
    }

    [Fact]
    public async Task AddEntityAsync_ForbiddenKeyOnLiveTable_ThrowsArgumentException()
    {
        var table = await NewTableAsync();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => table.AddEntityAsync(new TableEntity("p", "a/b")));

        Assert.Equal("RowKey", error.ParamName);
        Assert.Contains("'/'", error.Message, StringComparison.Ordinal);
    }
}
