using System.Runtime.CompilerServices;
using CouponFunctions.Core.Common;
using CouponFunctions.Core.Customers;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Storage.Customers;
using CouponFunctions.Storage.Tests.Infrastructure;
using CouponFunctions.Testing;

namespace CouponFunctions.Storage.Tests.Customers;

[Collection(AzuriteCollection.Name)]
public sealed class CustomerRepositoryTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);
    private static readonly StoreId Store = StoreId.Parse("store-sg");
    private static readonly HashSet<CustomerField> AllFields = [.. Enum.GetValues<CustomerField>()];

    [Fact]
    public async Task Upsert_NewThenChanged_CreatesThenMergesOnlyPresentFields()
    {
        var (repository, tenant) = await SetUpAsync();
        var created = await repository.UpsertAsync(tenant, Fields("C-1", name: "Ana", email: "ana@example.com"), AllFields, Now);

        var merged = await repository.UpsertAsync(tenant, Fields("C-1", name: "Ana Lim", email: null), new HashSet<CustomerField> { CustomerField.Name }, Now.AddHours(1));

        Assert.Equal(Now, created.CreatedAt);
        var stored = await repository.GetAsync(tenant, CustomerId.Parse("C-1"));
        Assert.Equal("Ana Lim", stored!.Name);
        Assert.Equal("ana@example.com", stored.Email);
        Assert.Equal(Now, stored.CreatedAt);
        Assert.Equal(Now.AddHours(1), stored.UpdatedAt);
        Assert.Equal(merged.Version, stored.Version);
        Assert.Equal(["vip", "new"], stored.Tags);
    }

    [Fact]
    public async Task Upsert_SameFieldsAgain_LeavesTheRowUntouched()
    {
        var (repository, tenant) = await SetUpAsync();
        var first = await repository.UpsertAsync(tenant, Fields("C-1"), AllFields, Now);

        var again = await repository.UpsertAsync(tenant, Fields("C-1"), AllFields, Now.AddDays(1));

        Assert.Equal(first.Version, again.Version);
        Assert.Equal(Now, (await repository.GetAsync(tenant, CustomerId.Parse("C-1")))!.UpdatedAt);
    }

    [Fact]
    public async Task OptOut_ThenUndatedGrantReimported_StaysOptedOut()
    {
        var (repository, tenant) = await SetUpAsync();
        await repository.UpsertAsync(tenant, Fields("C-1"), AllFields, Now);

        var opted = await repository.OptOutAsync(tenant, CustomerId.Parse("C-1"), ContactChannel.Email, Now.AddHours(1), "unsubscribe-link");
        await repository.UpsertAsync(tenant, Fields("C-1"), AllFields, Now.AddHours(2));

        Assert.True(opted.IsOk);
        var stored = await repository.GetAsync(tenant, CustomerId.Parse("C-1"));
        Assert.Equal(ConsentStatus.OptedOut, stored!.EmailConsent.Status);
        Assert.Equal("unsubscribe-link", stored.EmailConsent.Source);
        Assert.Equal(ConsentStatus.Granted, stored.SmsConsent.Status);
    }

    [Fact]
    public async Task OptOut_UnknownCustomer_NotFound()
    {
        var (repository, tenant) = await SetUpAsync();

        var result = await repository.OptOutAsync(tenant, CustomerId.Parse("nobody"), ContactChannel.Sms, Now, "sms-stop");

        Assert.Equal(OutcomeKind.NotFound, result.Kind);
    }

    [Fact]
    public async Task Delete_ExistingThenAgain_TrueThenFalse()
    {
        var (repository, tenant) = await SetUpAsync();
        await repository.UpsertAsync(tenant, Fields("C-1"), AllFields, Now);

        Assert.True(await repository.DeleteAsync(tenant, CustomerId.Parse("C-1")));
        Assert.False(await repository.DeleteAsync(tenant, CustomerId.Parse("C-1")));
        Assert.Null(await repository.GetAsync(tenant, CustomerId.Parse("C-1")));
    }

    [Fact]
    public async Task List_PagesThroughEveryPartitionOnceAndStaysInTheTenant()
    {
        var (repository, tenant) = await SetUpAsync();
        var other = TenantId.Parse(tenant.Value + "x");
        var counts = await repository.UpsertManyAsync(tenant, Rows(Enumerable.Range(0, 45).Select(i => Fields($"c{i:D3}"))), AllFields, Now);
        await repository.UpsertAsync(other, Fields("c999"), AllFields, Now);

        var seen = new List<string>();
        string? continuation = null;
        var pages = 0;
        do
        {
            var page = await repository.ListAsync(tenant, new CustomerQuery(PageSize: 10, Continuation: continuation));
            seen.AddRange(page.Items.Select(c => c.Id.Value));
            continuation = page.Continuation;
            pages++;
        }
        while (continuation is not null);

        Assert.Equal(45, counts.Created);
        Assert.Equal(5, pages);
        Assert.Equal(Enumerable.Range(0, 45).Select(i => $"c{i:D3}").Order(), seen.Order());
    }

    [Fact]
    public async Task List_SearchAndStore_FindsByEmailAndNameWithinTheStore()
    {
        var (repository, tenant) = await SetUpAsync();
        await repository.UpsertAsync(tenant, Fields("C-1", name: "Ana Lim", email: "ana@example.com"), AllFields, Now);
        await repository.UpsertAsync(tenant, Fields("C-2", name: "Ben Tan", email: "ben@example.com"), AllFields, Now);
        await repository.UpsertAsync(tenant, Fields("C-3", name: "Ana Other", email: "ana2@example.com") with { StoreId = StoreId.Parse("store-my") }, AllFields, Now);

        var byEmail = await repository.ListAsync(tenant, new CustomerQuery(Search: "BEN@"));
        var byName = await repository.ListAsync(tenant, new CustomerQuery(Store, "ana"));

        Assert.Equal("C-2", Assert.Single(byEmail.Items).Id.Value);
        Assert.Equal("C-1", Assert.Single(byName.Items).Id.Value);
        Assert.Null(byName.Continuation);
    }

    [Fact]
    public async Task List_ForeignContinuation_Throws()
    {
        var (repository, tenant) = await SetUpAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => repository.ListAsync(tenant, new CustomerQuery(Continuation: "bm90LWEtdG9rZW4")));
    }

    [Fact]
    public async Task UpsertMany_FreshThenReimportWithChanges_CountsCreatedUpdatedUnchanged()
    {
        var (repository, tenant) = await SetUpAsync();
        var first = await repository.UpsertManyAsync(tenant, Rows(Enumerable.Range(0, 1_000).Select(i => Fields($"c{i:D4}"))), AllFields, Now);

        var second = await repository.UpsertManyAsync(
            tenant,
            Rows(Enumerable.Range(900, 200).Select(i => Fields($"c{i:D4}", name: i % 2 == 0 ? "Renamed" : "Customer"))),
            new HashSet<CustomerField> { CustomerField.Name },
            Now.AddDays(1));

        Assert.Equal(new CustomerUpsertCounts(1_000, 0, 0), first);
        Assert.Equal(new CustomerUpsertCounts(100, 50, 50), second);
        Assert.Equal("Renamed", (await repository.GetAsync(tenant, CustomerId.Parse("c0900")))!.Name);
        Assert.Equal("ana@example.com", (await repository.GetAsync(tenant, CustomerId.Parse("c0900")))!.Email);
        Assert.Equal("Renamed", (await repository.GetAsync(tenant, CustomerId.Parse("c1050")))!.Name);
        var all = new List<Customer>();
        await foreach (var c in repository.StreamAsync(tenant)) all.Add(c);
        Assert.Equal(1_100, all.Count);
    }

    [Fact]
    public async Task UpsertMany_SameIdTwiceInTheStream_AppliedInOrder()
    {
        var (repository, tenant) = await SetUpAsync();

        var counts = await repository.UpsertManyAsync(tenant, Rows([Fields("C-1", name: "First"), Fields("C-2"), Fields("C-1", name: "Second")]), AllFields, Now);

        Assert.Equal("Second", (await repository.GetAsync(tenant, CustomerId.Parse("C-1")))!.Name);
        Assert.Equal(2, counts.Created);
        Assert.Equal(1, counts.Updated);
    }

    [Fact]
    public async Task UpsertMany_ServiceRefusesABatch_ThrowsNamingTheTableAndWritesNoneOfThatBatch()
    {
        var (repository, tenant) = await SetUpAsync();
        // A string property holds at most 32K characters: the service refuses the row, and with it the whole transaction.
        var rows = Enumerable.Range(0, 40).Select(i => Fields($"c{i:D2}", name: i == 7 ? new string('x', 40_000) : "Customer"));

        var error = await Assert.ThrowsAnyAsync<Exception>(() => repository.UpsertManyAsync(tenant, Rows(rows), AllFields, Now));

        Assert.Contains(TableNames.Customers, error.ToString(), StringComparison.Ordinal);
        var refusedPartition = CustomerKeys.Partition(tenant, CustomerId.Parse("c07"));
        var sameBatch = Enumerable.Range(0, 40).Select(i => CustomerId.Parse($"c{i:D2}")).Where(id => CustomerKeys.Partition(tenant, id) == refusedPartition).ToList();
        Assert.Empty(await repository.GetManyAsync(tenant, sameBatch));
    }

    [Fact]
    public async Task GetMany_MoreIdsThanOneQueryTakes_ReturnsTheExistingOnes()
    {
        var (repository, tenant) = await SetUpAsync();
        await repository.UpsertManyAsync(tenant, Rows(Enumerable.Range(0, 60).Select(i => Fields($"c{i:D2}"))), AllFields, Now);

        var found = await repository.GetManyAsync(tenant, [.. Enumerable.Range(30, 40).Select(i => CustomerId.Parse($"c{i:D2}"))]);

        Assert.Equal(Enumerable.Range(30, 30).Select(i => $"c{i:D2}"), found.Select(c => c.Id.Value).Order());
    }

    [Fact]
    public async Task GetMany_FewIdsFarApartAmongManyAndSomeMissing_ReturnsExactlyTheExistingOnes()
    {
        var (repository, tenant) = await SetUpAsync();
        await repository.UpsertManyAsync(tenant, Rows(Enumerable.Range(0, 1_200).Select(i => Fields($"c{i:D4}"))), AllFields, Now);
        // Every 150th id: a partition's range between them holds far more rows than wanted, so the read gives up on the range.
        var wanted = Enumerable.Range(0, 8).Select(i => $"c{i * 150:D4}").Concat(["c9999", "c0000x", "b0001"]).Select(CustomerId.Parse).ToList();

        var found = await repository.GetManyAsync(tenant, wanted);

        Assert.Equal(Enumerable.Range(0, 8).Select(i => $"c{i * 150:D4}"), found.Select(c => c.Id.Value).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Stream_OneStore_OnlyThatStoresCustomers()
    {
        var (repository, tenant) = await SetUpAsync();
        await repository.UpsertAsync(tenant, Fields("C-1"), AllFields, Now);
        await repository.UpsertAsync(tenant, Fields("C-2") with { StoreId = StoreId.Parse("store-my") }, AllFields, Now);

        var found = new List<string>();
        await foreach (var c in repository.StreamAsync(tenant, StoreId.Parse("store-my"))) found.Add(c.Id.Value);

        Assert.Equal(["C-2"], found);
    }

    internal static CustomerFields Fields(string id, string? name = "Customer", string? email = "ana@example.com") => new(
        CustomerId.Parse(id), name, email, "+6591234567", Store, ["vip", "new"],
        new Consent(ConsentStatus.Granted, null, "import"), new Consent(ConsentStatus.Granted, null, "import"));

    internal static async IAsyncEnumerable<CustomerFields> Rows(IEnumerable<CustomerFields> rows, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var row in rows)
        {
            await Task.Yield();
            yield return row;
        }
    }

    private async Task<(CustomerRepository, TenantId)> SetUpAsync()
    {
        await azurite.Tables.CreateTableIfNotExistsAsync(TableNames.Customers);
        return (new CustomerRepository(azurite.Tables), TenantId.Parse(azurite.UniqueName("t")));
    }
}
