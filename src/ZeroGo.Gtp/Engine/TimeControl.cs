using System.Globalization;

namespace ZeroGo.Gtp.Engine;

/// <summary>Kinds of clock a game can be played with (GTP time_settings and KGS kgs-time_settings).</summary>
public enum TimeSystem
{
    /// <summary>No time limit.</summary>
    None,
    /// <summary>Main time only (sudden death).</summary>
    Absolute,
    /// <summary>Main time, then periods of <see cref="TimeControl.PeriodTime"/> for <see cref="TimeControl.PeriodStones"/> stones.</summary>
    Canadian,
    /// <summary>Main time, then <see cref="TimeControl.Periods"/> periods of <see cref="TimeControl.PeriodTime"/> per move.</summary>
    Byoyomi,
}

/// <summary>The time settings of a game, as the controller announced them.</summary>
public sealed record TimeControl(TimeSystem System, TimeSpan MainTime, TimeSpan PeriodTime, int PeriodStones, int Periods)
{
    public static TimeControl None { get; } = new(TimeSystem.None, TimeSpan.Zero, TimeSpan.Zero, 0, 0);

    public static TimeControl Absolute(TimeSpan main) => new(TimeSystem.Absolute, main, TimeSpan.Zero, 0, 0);

    public static TimeControl Canadian(TimeSpan main, TimeSpan period, int stones) =>
        new(TimeSystem.Canadian, main, period, stones, 0);

    public static TimeControl Byoyomi(TimeSpan main, TimeSpan period, int periods) =>
        new(TimeSystem.Byoyomi, main, period, 1, periods);

    /// <summary>
    /// GTP <c>time_settings main byo_yomi_time byo_yomi_stones</c> (section 6.3.5): byo-yomi time with zero
    /// stones means no limit, zero byo-yomi time means absolute time, anything else is Canadian overtime.
    /// </summary>
    public static TimeControl FromGtp(TimeSpan main, TimeSpan byoYomi, int byoYomiStones)
    {
        if (byoYomi > TimeSpan.Zero && byoYomiStones == 0)
        {
            return None;
        }

        return byoYomi == TimeSpan.Zero ? Absolute(main) : Canadian(main, byoYomi, byoYomiStones);
    }

    public override string ToString()
    {
        static string S(TimeSpan t) => t.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
        return System switch
        {
            TimeSystem.None => "none",
            TimeSystem.Absolute => $"absolute {S(MainTime)}",
            TimeSystem.Canadian => $"canadian {S(MainTime)} {S(PeriodTime)} {PeriodStones}",
            _ => $"byoyomi {S(MainTime)} {S(PeriodTime)} {Periods}",
        };
    }
}

/// <summary>What a player has left, as GTP <c>time_left color time stones</c> reports it (stones 0: main time).</summary>
public readonly record struct PlayerClock(TimeSpan TimeLeft, int StonesLeft);

/// <summary>
/// The time one <c>genmove</c> may take: the settings, the player's clock when the controller told us, and a
/// suggested thinking time (null when there is no limit: the generator uses its own default effort).
/// </summary>
public readonly record struct TimeBudget(TimeControl Control, PlayerClock? Clock, TimeSpan? Suggested)
{
    public static TimeBudget Unlimited { get; } = new(TimeControl.None, null, null);

    /// <summary>
    /// A plain plan: in overtime, spend the period evenly over its stones; in main time, spread what is left over
    /// the moves a game of this size still has (at least 10), keeping a small reserve for the protocol.
    /// </summary>
    public static TimeBudget Plan(TimeControl control, PlayerClock? clock, int emptyPoints)
    {
        if (control.System == TimeSystem.None)
        {
            return new TimeBudget(control, clock, null);
        }

        var left = clock?.TimeLeft ?? control.MainTime;
        int stonesLeft = clock?.StonesLeft ?? 0;
        TimeSpan suggested;
        if (stonesLeft > 0)
        {
            suggested = left / stonesLeft;
        }
        else if (left <= TimeSpan.Zero && control.System != TimeSystem.Absolute)
        {
            // Main time used up, the controller has not sent time_left yet: one overtime period's share.
            suggested = control.PeriodTime / Math.Max(1, control.PeriodStones);
        }
        else
        {
            int movesToPlan = Math.Max(10, emptyPoints / 3);
            suggested = left / movesToPlan;
            if (control.System != TimeSystem.Absolute)
            {
                suggested += control.PeriodTime / Math.Max(1, control.PeriodStones) / 2;
            }
        }

        suggested = TimeSpan.FromTicks(Math.Max(0, (long)(suggested.Ticks * 0.9)));
        return new TimeBudget(control, clock, suggested);
    }
}
