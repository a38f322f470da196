using CouponFunctions.App.Api.Customers;
using CouponFunctions.App.Auth;
using CouponFunctions.Core.Segments;
using CouponFunctions.Core.Tenancy;
using Microsoft.Azure.Functions.Worker;

namespace CouponFunctions.App.Api.Segments;

/// <summary>The body of POST /api/segments/{id}/members: external ids to add and to remove.</summary>
internal sealed record MemberChangeInput(IReadOnlyList<string>? Add, IReadOnlyList<string>? Remove);

/// <summary>GET /api/segments/{id}/members (a page of members as customers) and POST (editor: add / remove static members by id or from a CSV).</summary>
internal sealed class SegmentMembersFunctions(ManageSegmentsHandler handler)
{
    [Function("ListSegmentMembers")]
    public async Task<IResult> ListAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "segments/{segmentId}/members")] HttpRequest request, string segmentId, CancellationToken cancellationToken)
    {
        if (!SegmentId.TryParse(segmentId, out var id)) return ApiResults.BadField("segmentId", "Not a segment id.");
        if (!QueryParameters.TryPageSize(request, out var size, out var problem)) return problem;
        return (await handler.MembersAsync(request.Caller(), id, size, request.Query["continuation"], cancellationToken))
            .ToHttp(p => Results.Ok(new { items = p.Items.Select(CustomerResponse.From), continuation = p.Continuation }));
    }

    [Function("ChangeSegmentMembers")]
    [WorkspaceWide]
    [RequiresRole(ApiKeyRole.Editor)]
    public async Task<IResult> ChangeAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "segments/{segmentId}/members")] HttpRequest request, string segmentId, CancellationToken cancellationToken)
    {
        if (!SegmentId.TryParse(segmentId, out var id)) return ApiResults.BadField("segmentId", "Not a segment id.");
        var (input, problem) = await request.ReadJsonAsync<MemberChangeInput>(cancellationToken);
        if (problem is not null) return problem;
        return (await handler.ChangeMembersAsync(request.Caller(), id, input!.Add, input.Remove, cancellationToken)).ToHttp(count => Results.Ok(new { members = count }));
    }

    /// <summary>POST /api/segments/{id}/members/csv?action=add|remove (editor), body a CSV with a customer id column: read as it
    /// streams in, ids changed in batches; 200 with the rows read, ids changed, rows refused (the first 10 with why) and the count.</summary>
    [Function("ChangeSegmentMembersFromCsv")]
    [WorkspaceWide]
    [RequiresRole(ApiKeyRole.Editor)]
    public async Task<IResult> ChangeFromCsvAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "segments/{segmentId}/members/csv")] HttpRequest request, string segmentId, CancellationToken cancellationToken)
    {
        if (!SegmentId.TryParse(segmentId, out var id)) return ApiResults.BadField("segmentId", "Not a segment id.");
        using var reader = new StreamReader(request.Body, detectEncodingFromByteOrderMarks: true);
        return (await handler.ChangeMembersFromCsvAsync(request.Caller(), id, request.Query["action"].ToString(), reader, cancellationToken)).ToHttp(o => Results.Ok(new
        {
            rows = o.Rows,
            changed = o.Changed,
            failed = o.Failed,
            firstErrors = o.FirstErrors.Select(e => new { customerId = e.CustomerId, reason = e.Reason }),
            members = o.Members,
        }));
    }
}
