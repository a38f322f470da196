using CouponFunctions.Core.Customers;

namespace CouponFunctions.Core.Sends.Running;

/// <summary>
/// The orchestration's wave bookkeeping, apart from the Durable calls: up to <c>inFlight</c> waves of one channel running at once,
/// each on its slot (the next planned from the state with the running waves <see cref="SendRunState.Assume"/>d done), results
/// taken in the order the waves started. A wave of the other channel waits until none is running (a customer's email and SMS
/// share one coupon unit, the second wave seeing what the first wrote). A throttled result sets the running waves after it
/// aside: the caller waits for them (nothing of a range runs twice at once) and drops their results; the channel goes on from
/// the cut, and the waves over the ranges set aside find their messages final and count them.
/// </summary>
public sealed class WavePipeline(SendRunState state, IReadOnlyDictionary<ContactChannel, PacingPlan> plans, int inFlight)
{
    private readonly Queue<(SendStep Step, DateTimeOffset StartedAt)> _running = new();
    private SendRunState _planned = state;

    /// <summary>The state with every taken result applied (the counts and progress; the orchestration's next input).</summary>
    public SendRunState State { get; private set; } = state;

    /// <summary>True when the chunk's last wave was started and every running wave taken.</summary>
    public bool Done => _running.Count == 0 && _planned.NextStep(plans) is null;

    /// <summary>The wave to start next (after a timer to its <see cref="SendStep.StartAt"/>), or null when the oldest running
    /// wave must be taken first.</summary>
    public SendStep? NextToStart() =>
        _running.Count < inFlight && _planned.NextStep(plans) is { } step && _running.All(w => w.Step.Channel == step.Channel) ? step : null;

    public void Started(SendStep step, DateTimeOffset startedAt)
    {
        _running.Enqueue((step, startedAt));
        _planned = _planned.Assume(step, startedAt, plans);
    }

    /// <summary>Applies the oldest running wave's result; answers how many running waves after it were set aside (their results
    /// are to be waited for and dropped, oldest first).</summary>
    public int Take(WaveResult result, DateTimeOffset now)
    {
        var (step, startedAt) = _running.Dequeue();
        State = State.Apply(step, result, startedAt, now, plans);
        var aside = 0;
        if (result.Throttled > 0)
        {
            aside = _running.Count;
            _running.Clear();
        }

        _planned = _running.Aggregate(State, (s, w) => s.Assume(w.Step, w.StartedAt, plans));
        return aside;
    }
}
