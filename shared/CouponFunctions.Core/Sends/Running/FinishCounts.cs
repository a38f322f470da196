namespace CouponFunctions.Core.Sends.Running;

/// <summary>When a send's finish may take its counts from its waves instead of reading every outcome row.</summary>
public static class FinishCounts
{
    /// <summary>
    /// The rows' counts from the waves' sums, when the rows not sent agree with them: nothing left attempted, the failed rows
    /// the waves' failures, and every message counted. Null otherwise: then every row must be read.
    /// </summary>
    public static OutcomeCounts? FromWaves(SendCounts waves, OutcomeCounts unsent) =>
        unsent is { Attempted: 0, Sent: 0 } && unsent.Failed == waves.Failed && waves.Sent + waves.Failed == waves.Recipients
            ? unsent with { Sent = waves.Sent }
            : null;
}
