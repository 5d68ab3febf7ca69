using ZeroGo.Gtp.Engine;

namespace ZeroGo.Gtp.Analysis;

/// <summary>
/// Turns a <see cref="TimeBudget"/> into the search's time limit so the engine never loses on time: it takes
/// the plan's suggestion, never more than the clock allows for the moves the current period must still cover,
/// and keeps back a margin for network lag, GTP round trips and the last evaluation batch in flight.
/// </summary>
public static class SearchTimeManager
{
    /// <summary>Time kept back per move for everything outside the search (seconds, before scaling down on short clocks).</summary>
    public static readonly TimeSpan LagMargin = TimeSpan.FromMilliseconds(300);

    /// <summary>The least a search is given (one evaluation batch), even with almost nothing left.</summary>
    public static readonly TimeSpan Minimum = TimeSpan.FromMilliseconds(20);

    /// <summary>The thinking time for one move, or null when the game has no clock.</summary>
    public static TimeSpan? ThinkingTime(TimeBudget budget)
    {
        if (budget.Control.System == TimeSystem.None || budget.Suggested is not TimeSpan suggested)
        {
            return null;
        }

        var control = budget.Control;
        TimeSpan cap;
        if (budget.Clock is PlayerClock clock)
        {
            // What is left of the current period must cover this many more moves.
            int moves = clock.StonesLeft > 0 ? clock.StonesLeft : 1;
            var left = clock.TimeLeft;
            if (clock.StonesLeft == 0 && left <= TimeSpan.Zero && control.System != TimeSystem.Absolute)
            {
                // Main time over and overtime not reported yet: one period's share.
                left = control.PeriodTime;
                moves = Math.Max(1, control.PeriodStones);
            }

            cap = (left - Margin(left)) / moves;
            if (clock.StonesLeft == 0 && control.System == TimeSystem.Absolute)
            {
                cap = left / 20; // sudden death: never bet more than a twentieth of what is left on one move
            }
        }
        else
        {
            var period = control.MainTime > TimeSpan.Zero ? control.MainTime : control.PeriodTime;
            cap = period - Margin(period);
        }

        var thinking = suggested < cap ? suggested : cap;
        thinking -= Margin(thinking) / 2;
        return thinking > Minimum ? thinking : Minimum;
    }

    /// <summary>The lag margin, scaled down to a tenth of very short times.</summary>
    private static TimeSpan Margin(TimeSpan time)
    {
        var tenth = time / 10;
        return tenth < LagMargin ? (tenth > TimeSpan.Zero ? tenth : TimeSpan.Zero) : LagMargin;
    }
}
