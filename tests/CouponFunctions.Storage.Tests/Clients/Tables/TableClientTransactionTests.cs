using Azure;
using CouponFunctions.Storage.Clients.Tables;
using CouponFunctions.Testing;

namespace CouponFunctions.Storage.Tests.Clients.Tables;

[Collection(AzuriteCollection.Name)]
public sealed class TableClientTransactionTests(AzuriteFixture azurite)
{
    private async Task<TableClient> NewTableAsync()
    {
        var table = azurite.Clients.GetTableClient(azurite.UniqueName("trx"));
        await table.CreateIfNotExistsAsync();
        return table;
    }

    [Fact]
    public async Task SubmitTransactionAsync_EveryActionKind_AppliesAll()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "merge") { ["A"] = "a", ["B"] = "b" });
        await table.AddEntityAsync(new TableEntity("p", "replace") { ["A"] = "a" });
        await table.AddEntityAsync(new TableEntity("p", "upmerge") { ["A"] = "a" });
        await table.AddEntityAsync(new TableEntity("p", "gone"));
        var mergeETag = (await table.GetEntityIfExistsAsync("p", "merge")).Value!.ETag;

        var result = await table.SubmitTransactionAsync([
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", "new") { ["N"] = 1 }),
            new TableTransactionAction(TableTransactionActionType.UpdateMerge, new TableEntity("p", "merge") { ["B"] = "b2" }, mergeETag),
            new TableTransactionAction(TableTransactionActionType.UpdateReplace, new TableEntity("p", "replace") { ["C"] = "c" }),
            new TableTransactionAction(TableTransactionActionType.UpsertMerge, new TableEntity("p", "upmerge") { ["Z"] = "z" }),
            new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity("p", "upreplace") { ["Y"] = "y" }),
            new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity("p", "gone")),
        ]);

        Assert.True(result.Succeeded);
        Assert.Null(result.FailedActionIndex);
        Assert.Equal(6, result.ETags.Count);
        Assert.NotNull(result.ETags[0]);
        Assert.Null(result.ETags[5]);
        async Task<TableEntity?> Get(string rk) { var r = await table.GetEntityIfExistsAsync("p", rk); return r.HasValue ? r.Value : null; }
        Assert.Equal(1, (await Get("new"))!["N"]);
        var merged = (await Get("merge"))!;
        Assert.Equal("a", merged["A"]);
        Assert.Equal("b2", merged["B"]);
        Assert.Equal(result.ETags[1], merged.ETag);
        var replaced = (await Get("replace"))!;
        Assert.False(replaced.ContainsKey("A"));
        Assert.Equal("c", replaced["C"]);
        Assert.Equal("a", (await Get("upmerge"))!["A"]);
        Assert.Equal("y", (await Get("upreplace"))!["Y"]);
        Assert.Null(await Get("gone"));
    }

    [Fact]
    public async Task SubmitTransactionAsync_ThirdActionFails_ReportsIndexAndAppliesNothing()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "exists") { ["V"] = "original" });

        var result = await table.SubmitTransactionAsync([
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", "a")),
            new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity("p", "b")),
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", "exists") { ["V"] = "clobbered" }),
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", "c")),
        ]);

        Assert.False(result.Succeeded);
        Assert.Equal(2, result.FailedActionIndex);
        Assert.Equal(409, result.FailedStatus);
        Assert.Equal("EntityAlreadyExists", result.ErrorCode);
        Assert.False((await table.GetEntityIfExistsAsync("p", "a")).HasValue);
        Assert.False((await table.GetEntityIfExistsAsync("p", "b")).HasValue);
        Assert.False((await table.GetEntityIfExistsAsync("p", "c")).HasValue);
        Assert.Equal("original", (await table.GetEntityIfExistsAsync("p", "exists")).Value!["V"]);
    }

    [Fact]
    public async Task SubmitTransactionAsync_StaleETagOnDelete_ReportsConflictAtThatIndex()
    {
        var table = await NewTableAsync();
        var stale = (await table.AddEntityAsync(new TableEntity("p", "r") { ["V"] = 1 })).Headers.ETag!.Value;
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["V"] = 2 });

        var result = await table.SubmitTransactionAsync([
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", "other")),
            new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity("p", "r"), stale),
        ]);

        Assert.False(result.Succeeded);
        Assert.Equal(1, result.FailedActionIndex);
        Assert.Equal(412, result.FailedStatus);
        Assert.False((await table.GetEntityIfExistsAsync("p", "other")).HasValue);
        var error = Assert.Throws<TableTransactionFailedException>(result.EnsureSuccess);
        Assert.Equal(1, error.FailedTransactionActionIndex);
        Assert.Equal(412, error.Status);
    }

    [Fact]
    public async Task SubmitTransactionAsync_HundredActions_Succeeds()
    {
        var table = await NewTableAsync();

        var result = await table.SubmitTransactionAsync(
            Enumerable.Range(0, 100).Select(i => new TableTransactionAction(TableTransactionActionType.UpsertMerge, new TableEntity("p", $"r{i:D3}") { ["I"] = i })));

        Assert.True(result.Succeeded);
        Assert.Equal(100, result.ETags.Count);
    }

    [Fact]
    public async Task SubmitTransactionAsync_MixedPartitions_ThrowsBeforeSending()
    {
        var table = TestConnections.Unreachable().GetTableClient("coupons");

        var error = await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync([
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p1", "r")),
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p2", "r")),
        ]));

        Assert.Contains("Action 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitTransactionAsync_RepeatedRow_ThrowsBeforeSending()
    {
        var table = TestConnections.Unreachable().GetTableClient("coupons");

        var error = await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync([
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", "r")),
            new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity("p", "r")),
        ]));

        Assert.Contains("repeats RowKey", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public async Task SubmitTransactionAsync_ActionCountOutOfRange_Throws(int count)
    {
        var table = TestConnections.Unreachable().GetTableClient("coupons");

        await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync(
            Enumerable.Range(0, count).Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", $"r{i}")))));
    }

    [Fact]
    public async Task SubmitTransactionAsync_PayloadOver4MiB_ThrowsBeforeSending()
    {
        var table = TestConnections.Unreachable().GetTableClient("coupons");
        var big = new string('x', 30_000);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync(
            Enumerable.Range(0, 100).Select(i => new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", $"r{i}")
            {
                ["A"] = big, ["B"] = big,
            }))));

        Assert.Contains("4 MiB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitTransactionAsync_InvalidKey_ThrowsBeforeSending()
    {
        var table = TestConnections.Unreachable().GetTableClient("coupons");

        var error = await Assert.ThrowsAsync<ArgumentException>(() => table.SubmitTransactionAsync([
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", "a#b")),
        ]));

        Assert.Equal("RowKey", error.ParamName);
    }
}
