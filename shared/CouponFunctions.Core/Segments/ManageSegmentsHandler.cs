using CouponFunctions.Core.Common;
using CouponFunctions.Core.Customers;
using CouponFunctions.Core.Sends;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;

namespace CouponFunctions.Core.Segments;

/// <summary>A segment with its member count and reach now.</summary>
public sealed record SegmentView(Segment Segment, SegmentReach Reach);

/// <summary>What a member file did: rows read, ids added or removed, rows refused (the first few with their reason), members after.</summary>
public sealed record MemberFileOutcome(long Rows, long Changed, long Failed, IReadOnlyList<Reports.FailureReportRow> FirstErrors, int Members);

/// <summary>Segments: static (members by id) and rule-based; member counts and pages; a segment with an unfinished send cannot be deleted.</summary>
public sealed class ManageSegmentsHandler(ISegmentRepository segments, ISegmentMembers members, IStoreRepository stores, ISendRepository sends, TimeProvider time)
{
    private const int FileBatchSize = 1000;
    private const int MaxFileErrorsShown = 10;

    public Task<IReadOnlyList<Segment>> ListAsync(Caller caller, CancellationToken cancellationToken = default) => segments.ListAsync(caller.TenantId, cancellationToken);

    public async Task<Result<SegmentView>> GetAsync(Caller caller, SegmentId id, CancellationToken cancellationToken = default)
    {
        var segment = await segments.GetAsync(caller.TenantId, id, cancellationToken);
        if (segment is null) return Result<SegmentView>.NotFound($"No segment '{id}'.");
        return Result<SegmentView>.Ok(new SegmentView(segment, await members.ReachAsync(segment, time.GetUtcNow(), cancellationToken)));
    }

    public async Task<Result<Segment>> CreateAsync(Caller caller, SegmentInput input, CancellationToken cancellationToken = default)
    {
        if (caller.IsScoped) return Result<Segment>.Forbidden("A key scoped to some stores cannot manage segments.");
        var errors = SegmentValidator.Validate(input, await StoreIdsAsync(caller, cancellationToken), out var definition);
        if (!errors.IsEmpty) return errors;
        var now = time.GetUtcNow();
        var created = await segments.CreateAsync(new Segment
        {
            TenantId = caller.TenantId, Id = SegmentId.New(), Name = definition!.Name, Kind = definition.Kind, Rule = definition.Rule, CreatedAt = now, UpdatedAt = now,
        }, cancellationToken);
        if (created.IsOk && definition.MemberIds.Count > 0) await segments.AddMembersAsync(caller.TenantId, created.Value!.Id, definition.MemberIds, cancellationToken);
        return created;
    }

    /// <summary>PUT: replaces name and rule (a static segment's members are changed through <see cref="ChangeMembersAsync"/>); the kind stays.</summary>
    public async Task<Result<Segment>> ReplaceAsync(Caller caller, SegmentId id, SegmentInput input, CancellationToken cancellationToken = default)
    {
        if (caller.IsScoped) return Result<Segment>.Forbidden("A key scoped to some stores cannot manage segments.");
        var current = await segments.GetAsync(caller.TenantId, id, cancellationToken);
        if (current is null) return Result<Segment>.NotFound($"No segment '{id}'.");
        var errors = SegmentValidator.Validate(input, await StoreIdsAsync(caller, cancellationToken), out var definition);
        if (errors.IsEmpty && definition!.Kind != current.Kind) errors.Add("kind", $"The segment is {current.Kind.ToString().ToLowerInvariant()}; its kind cannot change.");
        if (errors.IsEmpty && definition!.MemberIds.Count > 0) errors.Add("memberIds", "Change members with POST /api/segments/{id}/members.");
        if (!errors.IsEmpty) return errors;
        return await segments.UpdateAsync(current with { Name = definition!.Name, Rule = definition.Rule, UpdatedAt = time.GetUtcNow() }, cancellationToken);
    }

    public async Task<Result<bool>> DeleteAsync(Caller caller, SegmentId id, CancellationToken cancellationToken = default)
    {
        if (caller.IsScoped) return Result<bool>.Forbidden("A key scoped to some stores cannot manage segments.");
        if (await segments.GetAsync(caller.TenantId, id, cancellationToken) is null) return Result<bool>.NotFound($"No segment '{id}'.");
        if (await sends.GetUnfinishedAsync(caller.TenantId, id, cancellationToken) is { } send)
            return Result<bool>.Conflict($"The segment has a {send.Status.ToString().ToLowerInvariant()} send ({send.Id}); cancel it or wait until it is over.");
        return await segments.DeleteAsync(caller.TenantId, id, null, cancellationToken);
    }

    /// <summary>Adds and removes static members by id (idempotent); the member count after.</summary>
    public async Task<Result<int>> ChangeMembersAsync(Caller caller, SegmentId id, IReadOnlyList<string>? add, IReadOnlyList<string>? remove, CancellationToken cancellationToken = default)
    {
        if (caller.IsScoped) return Result<int>.Forbidden("A key scoped to some stores cannot manage segments.");
        var segment = await segments.GetAsync(caller.TenantId, id, cancellationToken);
        if (segment is null) return Result<int>.NotFound($"No segment '{id}'.");
        var errors = new ValidationErrors();
        if (segment.Kind != SegmentKind.Static) errors.Add("kind", "Only a static segment has members to add or remove; change the rule instead.");
        var adding = SegmentValidator.MemberIds(add, errors, "add");
        var removing = SegmentValidator.MemberIds(remove, errors, "remove");
        if (!errors.IsEmpty) return errors;
        if (adding.Count > 0) await segments.AddMembersAsync(caller.TenantId, id, adding, cancellationToken);
        if (removing.Count > 0) await segments.RemoveMembersAsync(caller.TenantId, id, removing, cancellationToken);
        return Result<int>.Ok(await segments.CountMembersAsync(caller.TenantId, id, cancellationToken));
    }

    /// <summary>
    /// Adds (<paramref name="action"/> "add") or removes ("remove") static members listed in a CSV with a customer id column,
    /// in batches as the file is read (idempotent like <see cref="ChangeMembersAsync"/>); bad and repeated ids are refused by row.
    /// </summary>
    public async Task<Result<MemberFileOutcome>> ChangeMembersFromCsvAsync(Caller caller, SegmentId id, string? action, TextReader csv, CancellationToken cancellationToken = default)
    {
        if (caller.IsScoped) return Result<MemberFileOutcome>.Forbidden("A key scoped to some stores cannot manage segments.");
        var segment = await segments.GetAsync(caller.TenantId, id, cancellationToken);
        if (segment is null) return Result<MemberFileOutcome>.NotFound($"No segment '{id}'.");
        var errors = new ValidationErrors();
        if (segment.Kind != SegmentKind.Static) errors.Add("kind", "Only a static segment has members to add or remove; change the rule instead.");
        if (action is not ("add" or "remove")) errors.Add("action", "Action must be add or remove.");
        if (!errors.IsEmpty) return errors;
        var opened = await SegmentMemberCsv.OpenAsync(csv, cancellationToken: cancellationToken);
        if (!opened.IsOk) return Result<MemberFileOutcome>.Invalid(opened.Errors!);
        long rows = 0, changed = 0, failed = 0;
        var firstErrors = new List<Reports.FailureReportRow>(MaxFileErrorsShown);
        var batch = new List<CustomerId>(FileBatchSize);
        async Task FlushAsync()
        {
            if (batch.Count == 0) return;
            if (action == "add") await segments.AddMembersAsync(caller.TenantId, id, batch, cancellationToken);
            else await segments.RemoveMembersAsync(caller.TenantId, id, batch, cancellationToken);
            changed += batch.Count;
            batch.Clear();
        }

        await foreach (var row in opened.Value!.ReadAsync(cancellationToken))
        {
            rows++;
            if (row.CustomerId is { } customer)
            {
                batch.Add(customer);
                if (batch.Count == FileBatchSize) await FlushAsync();
            }
            else
            {
                failed++;
                if (firstErrors.Count < MaxFileErrorsShown) firstErrors.Add(row.Error!);
            }
        }

        await FlushAsync();
        return Result<MemberFileOutcome>.Ok(new MemberFileOutcome(rows, changed, failed, firstErrors, await segments.CountMembersAsync(caller.TenantId, id, cancellationToken)));
    }

    public async Task<Result<ItemPage<Customer>>> MembersAsync(Caller caller, SegmentId id, int? pageSize, string? continuation, CancellationToken cancellationToken = default)
    {
        var segment = await segments.GetAsync(caller.TenantId, id, cancellationToken);
        if (segment is null) return Result<ItemPage<Customer>>.NotFound($"No segment '{id}'.");
        var size = pageSize ?? 50;
        if (size is < 1 or > 500) return new ValidationErrors().Add("pageSize", "Page size is 1–500.");
        var page = await members.PageAsync(segment, time.GetUtcNow(), size, continuation, cancellationToken);
        return Result<ItemPage<Customer>>.Ok(caller.IsScoped ? page with { Items = page.Items.Where(c => caller.CanSee(c.StoreId)).ToList() } : page);
    }

    private async Task<IReadOnlySet<StoreId>> StoreIdsAsync(Caller caller, CancellationToken cancellationToken) =>
        (await stores.ListAsync(caller.TenantId, cancellationToken)).Select(s => s.Id).ToHashSet();
}
