using CouponFunctions.App.Auth;
using CouponFunctions.Core.Attention;
using CouponFunctions.Core.Stores;
using CouponFunctions.Core.Tenancy;
using Microsoft.Azure.Functions.Worker;

namespace CouponFunctions.App.Api.Attention;

/// <summary>
/// POST /api/findings/acknowledge {storeId, findingKey, snoozeUntil?} (editor): hides an open finding from the attention
/// view until it changes (or until snoozeUntil), recording who and when. POST /api/findings/unacknowledge
/// {storeId, findingKey} takes it back.
/// </summary>
internal sealed class AcknowledgeFindingFunction(AcknowledgeFindingHandler handler)
{
    /// <summary>Finding keys are "code|store|coupon id"; far longer than any real one is refused before a table key is built.</summary>
    private const int MaxFindingKeyLength = 300;

    [Function("AcknowledgeFinding")]
    [RequiresRole(ApiKeyRole.Editor)]
    public async Task<IResult> AcknowledgeAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "findings/acknowledge")] HttpRequest request, CancellationToken cancellationToken)
    {
        var (input, problem) = await ReadAsync(request, cancellationToken);
        if (problem is not null) return problem;
        return (await handler.AcknowledgeAsync(request.Caller(), input!.Store, input.Body.FindingKey!, input.Body.SnoozeUntil, cancellationToken))
            .ToHttp(a => Results.Ok(AcknowledgementResponse.From(a)));
    }

    [Function("UnacknowledgeFinding")]
    [RequiresRole(ApiKeyRole.Editor)]
    public async Task<IResult> UnacknowledgeAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "findings/unacknowledge")] HttpRequest request, CancellationToken cancellationToken)
    {
        var (input, problem) = await ReadAsync(request, cancellationToken);
        if (problem is not null) return problem;
        return (await handler.WithdrawAsync(request.Caller(), input!.Store, input.Body.FindingKey!, cancellationToken)).ToHttp(_ => Results.NoContent());
    }

    private static async Task<(Parsed? Input, IResult? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (body, problem) = await request.ReadJsonAsync<AcknowledgementInput>(cancellationToken);
        if (problem is not null) return (null, problem);
        if (!StoreId.TryParse(body!.StoreId, out var store)) return (null, ApiResults.BadField("storeId", "Not a store id."));
        if (string.IsNullOrEmpty(body.FindingKey) || body.FindingKey.Length > MaxFindingKeyLength)
            return (null, ApiResults.BadField("findingKey", $"Give the finding's key (at most {MaxFindingKeyLength} characters)."));
        return (new Parsed(store, body), null);
    }

    private sealed record Parsed(StoreId Store, AcknowledgementInput Body);
}

internal sealed record AcknowledgementInput(string? StoreId, string? FindingKey, DateTimeOffset? SnoozeUntil);

internal static class AcknowledgementResponse
{
    public static object From(FindingAcknowledgement a) => new
    {
        storeId = a.StoreId.Value,
        findingKey = a.FindingKey,
        by = a.ByName,
        byKeyId = a.ByKeyId,
        at = a.At,
        snoozedUntil = a.SnoozedUntil,
    };
}
