using CouponFunctions.Core.Common;
using CouponFunctions.Core.Customers;
using CouponFunctions.Core.Segments;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;
using CouponFunctions.Storage.Customers;
using CouponFunctions.Storage.Segments;
using CouponFunctions.Storage.Tests.Customers;
using CouponFunctions.Storage.Tests.Infrastructure;
using CouponFunctions.Testing;

namespace CouponFunctions.Storage.Tests.Segments;

[Collection(AzuriteCollection.Name)]
public sealed class SegmentRepositoryTests(AzuriteFixture azurite)
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);
    private static readonly HashSet<CustomerField> AllFields = [.. Enum.GetValues<CustomerField>()];

    [Fact]
    public async Task Update_TwoWritersFromTheSameRead_SecondGetsConflict()
    {
        var (segments, _, tenant) = await SetUpAsync();
        var created = await segments.CreateAsync(Segment(tenant, "seg-vip", SegmentKind.Rule, new SegmentRule(["vip"], [], null, true, false, 30)));

        var first = await segments.UpdateAsync(created.Value! with { Name = "VIPs" });
        var second = await segments.UpdateAsync(created.Value! with { Name = "Big spenders" });

        Assert.True(first.IsOk);
        Assert.Equal(OutcomeKind.Conflict, second.Kind);
        var stored = await segments.GetAsync(tenant, SegmentId.Parse("seg-vip"));
        Assert.Equal("VIPs", stored!.Name);
        Assert.Equal(["vip"], stored.Rule!.TagsAny);
        Assert.Equal(30, stored.Rule.CreatedWithinDays);
    }

    [Fact]
    public async Task Create_SameIdTwice_Conflict()
    {
        var (segments, _, tenant) = await SetUpAsync();
        await segments.CreateAsync(Segment(tenant, "seg-a", SegmentKind.Static));

        var again = await segments.CreateAsync(Segment(tenant, "seg-a", SegmentKind.Static));

        Assert.Equal(OutcomeKind.Conflict, again.Kind);
        Assert.Single(await segments.ListAsync(tenant));
    }

    [Fact]
    public async Task Members_AddRemovePageCount_FollowTheWrites()
    {
        var (segments, _, tenant) = await SetUpAsync();
        var id = SegmentId.Parse("seg-static");
        await segments.CreateAsync(Segment(tenant, id.Value, SegmentKind.Static));

        await segments.AddMembersAsync(tenant, id, Enumerable.Range(0, 250).Select(i => CustomerId.Parse($"c{i:D3}")));
        await segments.AddMembersAsync(tenant, id, [CustomerId.Parse("c000")]);
        var removed = await segments.RemoveMembersAsync(tenant, id, [CustomerId.Parse("c001"), CustomerId.Parse("c002"), CustomerId.Parse("nope")]);

        Assert.Equal(2, removed);
        Assert.Equal(248, await segments.CountMembersAsync(tenant, id));
        var ids = new List<CustomerId>();
        string? continuation = null;
        do
        {
            var page = await segments.ListMemberIdsAsync(tenant, id, 100, continuation);
            ids.AddRange(page.Items);
            continuation = page.Continuation;
        }
        while (continuation is not null);
        Assert.Equal(248, ids.Distinct().Count());
        Assert.DoesNotContain(CustomerId.Parse("c001"), ids);
    }

    [Fact]
    public async Task Delete_StaleVersionThenCurrent_ConflictThenRemovesSegmentAndMembers()
    {
        var (segments, _, tenant) = await SetUpAsync();
        var created = (await segments.CreateAsync(Segment(tenant, "seg-x", SegmentKind.Static))).Value!;
        var updated = (await segments.UpdateAsync(created with { Name = "renamed" })).Value!;
        await segments.AddMembersAsync(tenant, created.Id, Enumerable.Range(0, 120).Select(i => CustomerId.Parse($"c{i}")));

        var stale = await segments.DeleteAsync(tenant, created.Id, created.Version);
        var current = await segments.DeleteAsync(tenant, created.Id, updated.Version);

        Assert.Equal(OutcomeKind.Conflict, stale.Kind);
        Assert.True(current.IsOk);
        Assert.Null(await segments.GetAsync(tenant, created.Id));
        Assert.Equal(0, await segments.CountMembersAsync(tenant, created.Id));
        Assert.Equal(OutcomeKind.NotFound, (await segments.DeleteAsync(tenant, created.Id, null)).Kind);
    }

    [Fact]
    public async Task Delete_RepeatedAfterACrashLeftMemberRows_RemovesThemAndSaysNotFound()
    {
        var (segments, _, tenant) = await SetUpAsync();
        var id = SegmentId.Parse("seg-gone");
        await segments.AddMembersAsync(tenant, id, Enumerable.Range(0, 30).Select(i => CustomerId.Parse($"c{i}")));

        var result = await segments.DeleteAsync(tenant, id, null);

        Assert.Equal(OutcomeKind.NotFound, result.Kind);
        Assert.Equal(0, await segments.CountMembersAsync(tenant, id));
    }

    [Fact]
    public async Task RuleMembers_StreamAndReach_OnlyMatchingCustomers()
    {
        var (segments, customers, tenant) = await SetUpAsync();
        await customers.UpsertManyAsync(tenant, CustomerRepositoryTests.Rows(Enumerable.Range(0, 300).Select(i =>
            CustomerRepositoryTests.Fields($"c{i:D3}") with
            {
                Tags = i % 3 == 0 ? ["vip"] : ["new"],
                Mobile = i % 2 == 0 ? "+6591234567" : null,
            })), AllFields, Now);
        var members = new SegmentMembers(segments, customers);
        var segment = Segment(tenant, "seg-rule", SegmentKind.Rule, new SegmentRule(["vip"], [], StoreId.Parse("store-sg"), false, false, null));

        var streamed = new List<Customer>();
        await foreach (var c in members.StreamAsync(segment, Now)) streamed.Add(c);
        var reach = await members.ReachAsync(segment, Now);

        Assert.Equal(100, streamed.Count);
        Assert.All(streamed, c => Assert.Contains("vip", c.Tags));
        Assert.Equal(new SegmentReach(100, 100, 50, 100), reach);
    }

    [Fact]
    public async Task RuleMembers_Pages_EachMatchOnce()
    {
        var (segments, customers, tenant) = await SetUpAsync();
        await customers.UpsertManyAsync(tenant, CustomerRepositoryTests.Rows(Enumerable.Range(0, 90).Select(i =>
            CustomerRepositoryTests.Fields($"c{i:D3}") with { Tags = i % 3 == 0 ? ["vip"] : ["new"] })), AllFields, Now);
        var members = new SegmentMembers(segments, customers);
        var segment = Segment(tenant, "seg-rule", SegmentKind.Rule, new SegmentRule(["vip"], [], null, false, false, null));

        var seen = new List<string>();
        string? continuation = null;
        do
        {
            var page = await members.PageAsync(segment, Now, 7, continuation);
            Assert.True(page.Items.Count <= 7);
            seen.AddRange(page.Items.Select(c => c.Id.Value));
            continuation = page.Continuation;
        }
        while (continuation is not null);

        Assert.Equal(Enumerable.Range(0, 30).Select(i => $"c{i * 3:D3}").Order(), seen.Order());
    }

    [Fact]
    public async Task StaticMembers_Stream_SkipsDeletedCustomersAndNonMembers()
    {
        var (segments, customers, tenant) = await SetUpAsync();
        await customers.UpsertManyAsync(tenant, CustomerRepositoryTests.Rows(Enumerable.Range(0, 20).Select(i => CustomerRepositoryTests.Fields($"c{i:D2}"))), AllFields, Now);
        var segment = (await segments.CreateAsync(Segment(tenant, "seg-s", SegmentKind.Static))).Value!;
        await segments.AddMembersAsync(tenant, segment.Id, Enumerable.Range(0, 10).Select(i => CustomerId.Parse($"c{i:D2}")));
        await customers.DeleteAsync(tenant, CustomerId.Parse("c03"));

        var streamed = new List<string>();
        await foreach (var c in new SegmentMembers(segments, customers).StreamAsync(segment, Now)) streamed.Add(c.Id.Value);

        Assert.Equal(["c00", "c01", "c02", "c04", "c05", "c06", "c07", "c08", "c09"], streamed);
    }

    private static Segment Segment(TenantId tenant, string id, SegmentKind kind, SegmentRule? rule = null) => new()
    {
        TenantId = tenant,
        Id = SegmentId.Parse(id),
        Name = id,
        Kind = kind,
        Rule = rule,
        CreatedAt = Now,
        UpdatedAt = Now,
    };

    private async Task<(SegmentRepository, CustomerRepository, TenantId)> SetUpAsync()
    {
        await azurite.Tables.CreateTableIfNotExistsAsync(TableNames.Customers);
        await azurite.Tables.CreateTableIfNotExistsAsync(TableNames.Segments);
        await azurite.Tables.CreateTableIfNotExistsAsync(TableNames.SegmentMembers);
        return (new SegmentRepository(azurite.Tables), new CustomerRepository(azurite.Tables), TenantId.Parse(azurite.UniqueName("t")));
    }
}
