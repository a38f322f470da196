using static CouponFunctions.Core.Inspections.InspectionText;

namespace CouponFunctions.Core.Inspections.Rules;

/// <summary>One store-level finding when the coupon list cannot be trusted: sync.failing (Critical: failures in a row, which
/// rarely heal alone, e.g. a refused token) or else sync.stale (Warning: no success for longer than the stale age).</summary>
internal sealed class SyncHealthRule : IStoreInspectionRule
{
    private const int MaxErrorLength = 300;

    public void Evaluate(InspectionContext context, List<Finding> findings)
    {
        var health = context.SyncHealth;
        var settings = context.Settings;
        var store = Quote(context.Store.DisplayName);
        var lastSuccess = health.LastSuccessAt is { } at
            ? $"the last successful sync was {context.When(at)}, {context.Ago(at)}"
            : "it has never synced successfully";
        const string action = "Check the store's connection (authorize it again if the platform refused its token), then run Sync now.";

        if (health.ConsecutiveFailures >= settings.FailingSyncCount)
        {
            var error = string.IsNullOrWhiteSpace(health.LastError) ? "" : $" (latest error: {Shorten(health.LastError.Trim())})";
            findings.Add(context.ForStore(FindingCodes.SyncFailing, FindingSeverity.Critical,
                $"The coupon list of {store} cannot be trusted: the last {Count(health.ConsecutiveFailures)} syncs failed{error}, and {lastSuccess}.",
                action));
        }
        else if (health.LastSuccessAt is not { } success || context.Now - success > settings.StaleSyncAge)
        {
            var why = health.LastSuccessAt is null ? lastSuccess : $"{lastSuccess}, more than the {Span(settings.StaleSyncAge)} allowed";
            findings.Add(context.ForStore(FindingCodes.SyncStale, FindingSeverity.Warning,
                $"The coupon list of {store} cannot be trusted: {why}.",
                action));
        }
    }

    private static string Shorten(string error) => error.Length <= MaxErrorLength ? error : error[..MaxErrorLength] + "…";
}
