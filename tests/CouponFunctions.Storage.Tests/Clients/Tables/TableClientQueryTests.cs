using CouponFunctions.Storage.Clients.Tables;
using CouponFunctions.Testing;

namespace CouponFunctions.Storage.Tests.Clients.Tables;

[Collection(AzuriteCollection.Name)]
public sealed class TableClientQueryTests(AzuriteFixture azurite)
{
    private async Task<TableClient> NewTableAsync()
    {
        var table = azurite.Clients.GetTableClient(azurite.UniqueName("qry"));
        await table.CreateIfNotExistsAsync();
        return table;
    }

    private static async Task AddAsync(TableClient table, IEnumerable<TableEntity> entities)
    {
        foreach (var partition in entities.GroupBy(e => e.PartitionKey))
        {
            foreach (var chunk in partition.Chunk(100))
            {
                var result = await table.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(TableTransactionActionType.Add, e)));
                result.EnsureSuccess();
            }
        }
    }

    private static async Task<List<TableEntity>> AllAsync(Azure.AsyncPageable<TableEntity> query)
    {
        var all = new List<TableEntity>();
        await foreach (var entity in query) all.Add(entity);
        return all;
    }

    [Fact]
    public async Task QueryAsync_MoreThan1000Entities_ReturnsAllAcrossPages()
    {
        var table = await NewTableAsync();
        var rows = Enumerable.Range(0, 1050).Select(i => new TableEntity("t1", $"r{i:D5}") { ["N"] = i }).ToList();
        await AddAsync(table, rows);

        var pageSizes = new List<int>();
        var seen = new List<string>();
        await foreach (var page in table.QueryAsync(TableFilter.Create($"PartitionKey eq {"t1"}")).AsPages())
        {
            pageSizes.Add(page.Values.Count);
            seen.AddRange(page.Values.Select(e => e.RowKey));
        }

        Assert.True(pageSizes.Count >= 2, $"expected several pages, got {pageSizes.Count}");
        Assert.All(pageSizes, size => Assert.InRange(size, 0, 1000));
        Assert.Equal(rows.Select(r => r.RowKey), seen);
    }

    [Fact]
    public async Task QueryAsync_MaxPerPageAcrossPartitions_FollowsContinuationToTheEnd()
    {
        var table = await NewTableAsync();
        await AddAsync(table, Enumerable.Range(0, 23).Select(i => new TableEntity($"p{i % 3}", $"r{i:D2}")));

        var pages = new List<int>();
        await foreach (var page in table.QueryAsync(maxPerPage: 5).AsPages()) pages.Add(page.Values.Count);

        Assert.Equal(23, pages.Sum());
        Assert.True(pages.Count >= 5);
        Assert.All(pages, size => Assert.InRange(size, 0, 5));
    }

    [Fact]
    public async Task QueryAsync_HostileValueWithQuoteAndOr_CannotWidenTheQuery()
    {
        var table = await NewTableAsync();
        var hostile = "x' or 'a' eq 'a";
        await AddAsync(table, [
            new TableEntity("t1", "1") { ["Name"] = "alice" },
            new TableEntity("t1", "2") { ["Name"] = "bob" },
            new TableEntity("t1", "3") { ["Name"] = hostile },
        ]);

        var none = await AllAsync(table.QueryAsync(TableFilter.Create($"Name eq {"nobody' or 'a' eq 'a"}")));
        var exact = await AllAsync(table.QueryAsync(TableFilter.Create($"Name eq {hostile}")));

        Assert.Empty(none);
        Assert.Equal("3", Assert.Single(exact).RowKey);
    }

    [Fact]
    public async Task QueryAsync_TypedLiterals_MatchStoredTypes()
    {
        var table = await NewTableAsync();
        var when = new DateTimeOffset(2026, 11, 21, 1, 0, 0, TimeSpan.Zero);
        var id = Guid.NewGuid();
        await AddAsync(table, [
            new TableEntity("t1", "a") { ["Count"] = 3, ["Big"] = 5_000_000_000L, ["Price"] = 9.5, ["On"] = true, ["At"] = when, ["Id"] = id },
            new TableEntity("t1", "b") { ["Count"] = 7, ["Big"] = 1L, ["Price"] = 20.0, ["On"] = false, ["At"] = when.AddDays(2), ["Id"] = Guid.NewGuid() },
        ]);

        async Task<string> Only(string filter) => Assert.Single(await AllAsync(table.QueryAsync(filter))).RowKey;

        Assert.Equal("b", await Only(TableFilter.Create($"Count gt {5}")));
        Assert.Equal("a", await Only(TableFilter.Create($"Big ge {4_000_000_000L}")));
        Assert.Equal("b", await Only(TableFilter.Create($"Price ge {20.0}")));
        Assert.Equal("a", await Only(TableFilter.Create($"On eq {true}")));
        Assert.Equal("b", await Only(TableFilter.Create($"At gt {when.AddDays(1)}")));
        Assert.Equal("a", await Only(TableFilter.Create($"Id eq {id}")));
    }

    [Fact]
    public async Task QueryAsync_PartitionKeyPrefix_ReturnsOnlyThatPrefix()
    {
        var table = await NewTableAsync();
        await AddAsync(table, [
            new TableEntity("t1|s1", "1"), new TableEntity("t1|s2", "1"), new TableEntity("t1", "1"),
            new TableEntity("t1}", "1"), new TableEntity("t2|s1", "1"),
        ]);

        var found = await AllAsync(table.QueryAsync(TableFilter.PartitionKeyStartsWith("t1|")));

        Assert.Equal(["t1|s1", "t1|s2"], found.Select(e => e.PartitionKey).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task QueryAsync_Select_ReturnsOnlyChosenColumns()
    {
        var table = await NewTableAsync();
        await AddAsync(table, [new TableEntity("t1", "1") { ["Keep"] = "k", ["Drop"] = "d" }]);

        var entity = Assert.Single(await AllAsync(table.QueryAsync(select: ["Keep"])));

        Assert.Equal("k", entity["Keep"]);
        Assert.False(entity.ContainsKey("Drop"));
        Assert.NotEqual(default, entity.ETag);
    }
}
