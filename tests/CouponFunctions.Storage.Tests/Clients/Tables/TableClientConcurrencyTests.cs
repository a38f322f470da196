using Azure;
using CouponFunctions.Storage.Clients.Tables;
using CouponFunctions.Testing;

namespace CouponFunctions.Storage.Tests.Clients.Tables;

/// <summary>Optimistic concurrency: a lost ETag race is a Conflict result, never an exception.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableClientConcurrencyTests(AzuriteFixture azurite)
{
    private async Task<TableClient> NewTableAsync()
    {
        var table = azurite.Clients.GetTableClient(azurite.UniqueName("etag"));
        await table.CreateIfNotExistsAsync();
        return table;
    }

    [Fact]
    public async Task UpdateEntityAsync_CurrentETag_SucceedsWithNewETag()
    {
        var table = await NewTableAsync();
        var entity = new TableEntity("p", "r") { ["Count"] = 1 };
        var etag = (await table.AddEntityAsync(entity)).Headers.ETag!.Value;
        entity["Count"] = 2;

        var result = await table.UpdateEntityAsync(entity, etag, TableUpdateMode.Replace);

        Assert.True(result.Succeeded);
        Assert.NotNull(result.ETag);
        Assert.NotEqual(etag, result.ETag);
        Assert.Equal(2, (await table.GetEntityIfExistsAsync("p", "r")).Value!["Count"]);
    }

    [Fact]
    public async Task UpdateEntityAsync_StaleETag_ReturnsConflictAndKeepsTheWinner()
    {
        var table = await NewTableAsync();
        var etag = (await table.AddEntityAsync(new TableEntity("p", "r") { ["Owner"] = "nobody" })).Headers.ETag!.Value;
        var winner = await table.UpdateEntityAsync(new TableEntity("p", "r") { ["Owner"] = "first" }, etag);

        var loser = await table.UpdateEntityAsync(new TableEntity("p", "r") { ["Owner"] = "second" }, etag);

        Assert.True(winner.Succeeded);
        Assert.True(loser.IsConflict);
        Assert.False(loser.Succeeded);
        Assert.Equal(412, loser.Status);
        Assert.Equal("UpdateConditionNotSatisfied", loser.ErrorCode);
        Assert.Equal("first", (await table.GetEntityIfExistsAsync("p", "r")).Value!["Owner"]);
    }

    [Fact]
    public async Task UpdateEntityAsync_Missing_ReturnsNotFound()
    {
        var table = await NewTableAsync();

        var result = await table.UpdateEntityAsync(new TableEntity("p", "ghost"), ETag.All);

        Assert.True(result.IsNotFound);
    }

    [Fact]
    public async Task DeleteEntityAsync_StaleETag_ReturnsConflictAndKeepsEntity()
    {
        var table = await NewTableAsync();
        var entity = new TableEntity("p", "r") { ["V"] = 1 };
        var stale = (await table.AddEntityAsync(entity)).Headers.ETag!.Value;
        await table.UpsertEntityAsync(new TableEntity("p", "r") { ["V"] = 2 });

        var result = await table.DeleteEntityAsync("p", "r", stale);

        Assert.True(result.IsConflict);
        Assert.True((await table.GetEntityIfExistsAsync("p", "r")).HasValue);
    }

    [Fact]
    public async Task DeleteEntityAsync_DefaultETag_DeletesUnconditionally()
    {
        var table = await NewTableAsync();
        await table.AddEntityAsync(new TableEntity("p", "r"));

        var deleted = await table.DeleteEntityAsync("p", "r");
        var again = await table.DeleteEntityAsync("p", "r");

        Assert.True(deleted.Succeeded);
        Assert.True(again.IsNotFound);
        Assert.False((await table.GetEntityIfExistsAsync("p", "r")).HasValue);
    }
}
