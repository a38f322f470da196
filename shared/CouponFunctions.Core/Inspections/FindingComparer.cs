namespace CouponFunctions.Core.Inspections;

/// <summary>Marks this run's findings new or ongoing against the previous run, and lists what was resolved in between.</summary>
public static class FindingComparer
{
    /// <summary>This run's findings (new or ongoing, in their order, one per key) followed by the resolved ones (in the previous
    /// run's order). The previous run must cover the same stores: a store left out now would read as all resolved.</summary>
    /// <param name="previous">The previous run's tracked findings; its resolved ones are history and count as absent.</param>
    /// <param name="current">What this run found.</param>
    /// <param name="now">This run's instant: the first-seen time of new findings.</param>
    public static IReadOnlyList<TrackedFinding> Compare(IReadOnlyList<TrackedFinding> previous, IReadOnlyList<Finding> current, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(current);
        var open = new Dictionary<string, TrackedFinding>(previous.Count, StringComparer.Ordinal);
        foreach (var tracked in previous)
        {
            if (tracked.IsOpen) open.TryAdd(tracked.Key, tracked);
        }

        var result = new List<TrackedFinding>(current.Count + open.Count);
        var seen = new HashSet<string>(current.Count, StringComparer.Ordinal);
        foreach (var finding in current)
        {
            var key = finding.Key;
            if (!seen.Add(key)) continue;
            result.Add(open.TryGetValue(key, out var before)
                ? new TrackedFinding(finding, FindingState.Ongoing, before.FirstSeenAt, now)
                : new TrackedFinding(finding, FindingState.New, now, now));
        }

        foreach (var tracked in previous)
        {
            if (tracked.IsOpen && !seen.Contains(tracked.Key) && open.Remove(tracked.Key))
                result.Add(tracked with { State = FindingState.Resolved });
        }

        return result;
    }
}
