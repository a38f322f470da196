using Azure;
using Azure.Data.Tables;
using CouponFunctions.Core.Common;
using CouponFunctions.Storage.Tables;
using CouponFunctions.Storage.Tests.Infrastructure;
using CouponFunctions.Testing;

namespace CouponFunctions.Storage.Tests.Tables;

/// <summary>Lost races and refused transactions come back as results that name what happened, against a real Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableWritesTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task UpdateIfUnchanged_SomeoneWroteFirst_ReturnsConflictAndKeepsTheirWrite()
    {
        var table = await TableAsync();
        var added = await table.AddIfAbsentAsync(new TableEntity("p", "r") { ["Owner"] = "first" });
        var theirs = await table.UpdateIfUnchangedAsync(new TableEntity("p", "r") { ["Owner"] = "theirs" }, added.Value, TableUpdateMode.Replace);

        var ours = await table.UpdateIfUnchangedAsync(new TableEntity("p", "r") { ["Owner"] = "ours" }, added.Value, TableUpdateMode.Replace);

        Assert.True(theirs.IsOk);
        Assert.NotEqual(added.Value, theirs.Value);
        Assert.Equal(OutcomeKind.Conflict, ours.Kind);
        Assert.Equal("theirs", (await table.GetEntityAsync<TableEntity>("p", "r")).Value.GetString("Owner"));
    }

    [Fact]
    public async Task UpdateIfUnchanged_RowDeletedSinceRead_ReturnsConflictWithoutRecreatingIt()
    {
        var table = await TableAsync();
        var added = await table.AddIfAbsentAsync(new TableEntity("p", "r"));
        await table.DeleteEntityAsync("p", "r");

        var result = await table.UpdateIfUnchangedAsync(new TableEntity("p", "r") { ["X"] = 1 }, added.Value, TableUpdateMode.Merge);

        Assert.Equal(OutcomeKind.Conflict, result.Kind);
        Assert.False((await table.GetEntityIfExistsAsync<TableEntity>("p", "r")).HasValue);
    }

    [Fact]
    public async Task AddIfAbsent_RowExists_ReturnsConflictAndLeavesTheRow()
    {
        var table = await TableAsync();
        await table.AddIfAbsentAsync(new TableEntity("p", "r") { ["V"] = "first" });

        var second = await table.AddIfAbsentAsync(new TableEntity("p", "r") { ["V"] = "second" });

        Assert.Equal(OutcomeKind.Conflict, second.Kind);
        Assert.Equal("first", (await table.GetEntityAsync<TableEntity>("p", "r")).Value.GetString("V"));
    }

    [Fact]
    public async Task TrySubmit_ThirdActionRefused_ReportsItsIndexAndRollsBackTheOthers()
    {
        var table = await TableAsync();
        await table.AddEntityAsync(new TableEntity("p", "c"));
        TableTransactionAction[] actions =
        [
            new(TableTransactionActionType.Add, new TableEntity("p", "a")),
            new(TableTransactionActionType.UpsertReplace, new TableEntity("p", "b")),
            new(TableTransactionActionType.Add, new TableEntity("p", "c")),
        ];

        var failure = await table.TrySubmitAsync(actions);

        Assert.NotNull(failure);
        Assert.Equal(2, failure.ActionIndex);
        Assert.Same(actions[2], failure.Action);
        Assert.Equal(409, failure.Status);
        Assert.False((await table.GetEntityIfExistsAsync<TableEntity>("p", "a")).HasValue);
        Assert.False((await table.GetEntityIfExistsAsync<TableEntity>("p", "b")).HasValue);
    }

    [Fact]
    public async Task Submit_StaleETagInTheBatch_ThrowsNamingTheFailedAction()
    {
        var table = await TableAsync();
        var first = await table.AddIfAbsentAsync(new TableEntity("p", "guarded"));
        await table.UpsertEntityAsync(new TableEntity("p", "guarded") { ["Changed"] = true });

        var error = await Assert.ThrowsAsync<TableBatchException>(() => table.SubmitAsync(
        [
            new TableTransactionAction(TableTransactionActionType.Add, new TableEntity("p", "new")),
            new TableTransactionAction(TableTransactionActionType.UpdateReplace, new TableEntity("p", "guarded"), first.Value),
        ]));

        Assert.Equal(1, error.Failure.ActionIndex);
        Assert.Equal(412, error.Failure.Status);
        Assert.Contains("action 1 (UpdateReplace p/guarded)", error.Message, StringComparison.Ordinal);
        Assert.False((await table.GetEntityIfExistsAsync<TableEntity>("p", "new")).HasValue);
    }

    [Fact]
    public async Task TrySubmit_AllActionsValid_AppliesThemTogether()
    {
        var table = await TableAsync();

        var failure = await table.TrySubmitAsync([.. Enumerable.Range(0, 100).Select(i => new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity("p", $"r{i:D3}")))]);

        Assert.Null(failure);
        Assert.Equal(100, await table.QueryAsync<TableEntity>(Keys.InPartition("p")).CountAsync());
    }

    private async Task<TableClient> TableAsync()
    {
        var table = azurite.Tables.GetTableClient(azurite.UniqueName("writes"));
        await table.CreateIfNotExistsAsync();
        return table;
    }
}
