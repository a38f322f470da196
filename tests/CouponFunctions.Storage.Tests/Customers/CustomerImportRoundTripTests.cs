using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using CouponFunctions.Core.Customers;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Storage.Customers;
using CouponFunctions.Storage.Tests.Infrastructure;
using CouponFunctions.Testing;

namespace CouponFunctions.Storage.Tests.Customers;

/// <summary>The import writes in entity-group transactions: requests are counted on the wire, not inferred.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class CustomerImportRoundTripTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);
    private static readonly HashSet<CustomerField> AllFields = [.. Enum.GetValues<CustomerField>()];

    [Fact]
    public async Task UpsertMany_FreshTenant_AboutOneRequestPerHundredRows()
    {
        var (repository, counter, tenant) = await SetUpAsync();

        var counts = await repository.UpsertManyAsync(tenant, CustomerRepositoryTests.Rows(Enumerable.Range(0, 3_000).Select(i => CustomerRepositoryTests.Fields($"c{i:D5}"))), AllFields, Now);

        Assert.Equal(3_000, counts.Created);
        // 16 partitions: at most one partly filled batch each beyond the full ones.
        Assert.InRange(counter.Requests, 30, 30 + CustomerKeys.Buckets);
    }

    [Fact]
    public async Task UpsertMany_ReimportOfExistingRows_OneRangeReadAndOneTransactionPerBatch()
    {
        var (repository, counter, tenant) = await SetUpAsync();
        await repository.UpsertManyAsync(tenant, CustomerRepositoryTests.Rows(Enumerable.Range(0, 1_000).Select(i => CustomerRepositoryTests.Fields($"c{i:D5}"))), AllFields, Now);
        counter.Requests = 0;
        counter.Batches = 0;
        counter.PointReads = 0;
        counter.Queries = 0;

        var counts = await repository.UpsertManyAsync(
            tenant, CustomerRepositoryTests.Rows(Enumerable.Range(0, 1_000).Select(i => CustomerRepositoryTests.Fields($"c{i:D5}", name: "Renamed"))), AllFields, Now.AddDays(1));

        Assert.Equal(1_000, counts.Updated);
        // A batch's stored rows (one partition, ids close together) are read as one key range, not one by one, and written
        // back in transactions: one per batch, plus the insert tries that found rows.
        Assert.Equal(0, counter.PointReads);
        Assert.InRange(counter.Queries, 10, 10 + CustomerKeys.Buckets);
        Assert.InRange(counter.Batches, 10, 2 * (10 + CustomerKeys.Buckets));
        Assert.Equal(counter.Requests, counter.Queries + counter.Batches);
    }

    private async Task<(CustomerRepository, CountingPolicy, TenantId)> SetUpAsync()
    {
        var counter = new CountingPolicy();
        var options = new TableClientOptions();
        options.AddPolicy(counter, HttpPipelinePosition.PerCall);
        var tables = new TableServiceClient(azurite.ConnectionString, options);
        await tables.CreateTableIfNotExistsAsync(TableNames.Customers);
        counter.Requests = 0;
        return (new CustomerRepository(tables), counter, TenantId.Parse(azurite.UniqueName("t")));
    }

    private sealed class CountingPolicy : HttpPipelineSynchronousPolicy
    {
        private int _requests;
        private int _batches;
        private int _pointReads;
        private int _queries;

        public int Requests { get => Volatile.Read(ref _requests); set => Volatile.Write(ref _requests, value); }

        public int Batches { get => Volatile.Read(ref _batches); set => Volatile.Write(ref _batches, value); }

        public int PointReads { get => Volatile.Read(ref _pointReads); set => Volatile.Write(ref _pointReads, value); }

        public int Queries { get => Volatile.Read(ref _queries); set => Volatile.Write(ref _queries, value); }

        public override void OnSendingRequest(HttpMessage message)
        {
            Interlocked.Increment(ref _requests);
            var path = message.Request.Uri.Path;
            if (path.EndsWith("$batch", StringComparison.Ordinal)) Interlocked.Increment(ref _batches);
            else if (message.Request.Method == RequestMethod.Get && path.Contains("(PartitionKey=", StringComparison.Ordinal)) Interlocked.Increment(ref _pointReads);
            else if (message.Request.Method == RequestMethod.Get) Interlocked.Increment(ref _queries);
        }
    }
}
