namespace CouponFunctions.Sandbox.Common;

/// <summary>Fault plans of one sandbox: a platform-wide plan and per-shop plans (a shop's own plan wins). Seeded, so a test
/// that makes the same calls in the same order sees the same faults.</summary>
public sealed class SandboxFaults(int seed = 1)
{
    private readonly object _gate = new();
    private readonly Random _random = new(seed);
    private readonly Dictionary<string, Scoped> _shops = new(StringComparer.Ordinal);
    private Scoped _platform = new(FaultPlan.None);

    /// <summary>Sets the plan for the whole platform (<paramref name="shopId"/> null) or for one shop.</summary>
    public void Set(FaultPlan plan, string? shopId = null)
    {
        lock (_gate)
        {
            if (shopId is null) _platform = new Scoped(plan);
            else _shops[shopId] = new Scoped(plan);
        }
    }

    /// <summary>Removes the plan of one shop, or (null) every plan.</summary>
    public void Clear(string? shopId = null)
    {
        lock (_gate)
        {
            if (shopId is not null)
            {
                _shops.Remove(shopId);
                return;
            }
            _shops.Clear();
            _platform = new Scoped(FaultPlan.None);
        }
    }

    /// <summary>The plan in force for a shop (its own, else the platform's).</summary>
    public FaultPlan PlanFor(string? shopId)
    {
        lock (_gate) return Scope(shopId).Plan;
    }

    /// <summary>Picks this call's fault (for the API path <paramref name="apiPath"/>) and returns it with the plan in force.</summary>
    public (FaultPlan Plan, SandboxFault Fault) Next(string? shopId, string? apiPath = null)
    {
        lock (_gate)
        {
            var scope = Scope(shopId);
            var plan = scope.Plan;
            if (plan.MaxFaults is { } max && scope.Injected >= max) return (plan, SandboxFault.None);
            if (plan.OnlyPaths is { } paths && (apiPath is null || !paths.Contains(apiPath))) return (plan, SandboxFault.None);
            var draw = _random.NextDouble();
            var fault = Pick(plan, draw);
            if (fault != SandboxFault.None) scope.Injected++;
            return (plan, fault);
        }
    }

    private Scoped Scope(string? shopId) => shopId is not null && _shops.TryGetValue(shopId, out var shop) ? shop : _platform;

    private static SandboxFault Pick(FaultPlan plan, double draw)
    {
        (double Rate, SandboxFault Fault)[] table =
        [
            (plan.ErrorRate, SandboxFault.PlatformError),
            (plan.ServerErrorRate, SandboxFault.ServerError),
            (plan.MalformedJsonRate, SandboxFault.MalformedJson),
            (plan.TimeoutRate, SandboxFault.Timeout),
            (plan.ThrottleRate, SandboxFault.Throttle),
        ];
        var cumulative = 0d;
        foreach (var (rate, fault) in table)
        {
            cumulative += rate;
            if (rate > 0 && draw < cumulative) return fault;
        }
        return SandboxFault.None;
    }

    private sealed class Scoped(FaultPlan plan)
    {
        public FaultPlan Plan { get; } = plan;

        public int Injected { get; set; }
    }
}
