namespace CouponFunctions.Core.Inspections;

/// <summary>Where a finding stands against the previous run of the same store.</summary>
public enum FindingState
{
    /// <summary>Found now, not open in the previous run.</summary>
    New,

    /// <summary>Found now and open in the previous run as well.</summary>
    Ongoing,

    /// <summary>Open in the previous run, not found now.</summary>
    Resolved,
}

/// <summary>A finding with its history across runs.</summary>
/// <param name="Finding">The finding as found now; for a resolved one, as it was last found.</param>
/// <param name="FirstSeenAt">The run that first found it (kept while it stays open).</param>
/// <param name="LastSeenAt">The latest run that found it; for a resolved one, the run before it went away.</param>
public sealed record TrackedFinding(Finding Finding, FindingState State, DateTimeOffset FirstSeenAt, DateTimeOffset LastSeenAt)
{
    public string Key => Finding.Key;

    /// <summary>New or ongoing: still to be dealt with.</summary>
    public bool IsOpen => State != FindingState.Resolved;
}
