using System.Runtime.CompilerServices;
using CouponFunctions.Core.Common;
using CouponFunctions.Core.Customers;
using CouponFunctions.Core.Segments;
using CouponFunctions.Storage.Customers;

namespace CouponFunctions.Storage.Segments;

/// <summary>
/// A segment's members as customers. Static: member ids a page at a time, joined to the customer rows (ids whose customer was
/// deleted are skipped). Rule: the tenant's customers (one store's when the rule names it, filtered by the service) streamed
/// through <see cref="SegmentRuleEvaluator"/>. Either way at most a page is held at once.
/// </summary>
internal sealed class SegmentMembers(ISegmentRepository segments, ICustomerRepository customers) : ISegmentMembers
{
    private const int JoinPage = 500;

    public async IAsyncEnumerable<Customer> StreamAsync(Segment segment, DateTimeOffset now, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (segment.Kind == SegmentKind.Rule)
        {
            var rule = segment.Rule ?? SegmentRule.Everyone;
            await foreach (var customer in customers.StreamAsync(segment.TenantId, rule.StoreId, cancellationToken))
                if (SegmentRuleEvaluator.Matches(rule, customer, now)) yield return customer;
            yield break;
        }

        string? continuation = null;
        do
        {
            var page = await StaticPageAsync(segment, JoinPage, continuation, cancellationToken);
            foreach (var customer in page.Items) yield return customer;
            continuation = page.Continuation;
        }
        while (continuation is not null);
    }

    public async Task<ItemPage<Customer>> PageAsync(Segment segment, DateTimeOffset now, int pageSize, string? continuation, CancellationToken cancellationToken = default)
    {
        if (segment.Kind == SegmentKind.Static) return await StaticPageAsync(segment, pageSize, continuation, cancellationToken);

        // Rule: customers in key order from the cursor, kept when the rule matches; a bounded scan per call like a search.
        var rule = segment.Rule ?? SegmentRule.Everyone;
        var items = new List<Customer>();
        var cursor = continuation;
        while (true)
        {
            var page = await customers.ListAsync(segment.TenantId, new CustomerQuery(rule.StoreId, null, CustomerQuery.MaxPageSize, cursor), cancellationToken);
            foreach (var customer in page.Items)
            {
                if (!SegmentRuleEvaluator.Matches(rule, customer, now)) continue;
                if (items.Count == pageSize) return new ItemPage<Customer>(items, CustomerRepository.CursorAfter(items[^1]));
                items.Add(customer);
            }

            if (page.Continuation is null) return new ItemPage<Customer>(items, null);
            cursor = page.Continuation;
            if (items.Count == pageSize) return new ItemPage<Customer>(items, cursor);
        }
    }

    public async Task<SegmentReach> ReachAsync(Segment segment, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var reach = SegmentReach.Empty;
        await foreach (var customer in StreamAsync(segment, now, cancellationToken)) reach = reach.Add(customer);
        return reach;
    }

    private async Task<ItemPage<Customer>> StaticPageAsync(Segment segment, int pageSize, string? continuation, CancellationToken cancellationToken)
    {
        var ids = await segments.ListMemberIdsAsync(segment.TenantId, segment.Id, pageSize, continuation, cancellationToken);
        var found = await customers.GetManyAsync(segment.TenantId, ids.Items, cancellationToken);
        var byId = found.ToDictionary(c => c.Id);
        return new ItemPage<Customer>(ids.Items.Where(byId.ContainsKey).Select(id => byId[id]).ToList(), ids.Continuation);
    }
}
