using ZeroGo.Gtp.Engine;
using ZeroGo.Gtp.Protocol;

namespace ZeroGo.Gtp.Commands;

/// <summary>time_settings, time_left (GTP 2) and kgs-time_settings (none / absolute / byoyomi / canadian).</summary>
public sealed class TimeCommands : IGtpCommandSet
{
    public void Register(GtpCommandTable table)
    {
        table.Add("time_settings", call =>
        {
            call.ExpectArguments(3);
            var main = Seconds(call, 0);
            var byoYomi = Seconds(call, 1);
            int stones = NonNegative(call.Int(2));
            call.Session.SetTimeControl(TimeControl.FromGtp(main, byoYomi, stones));
            return "";
        });
        table.Add("time_left", call =>
        {
            call.ExpectArguments(3);
            var color = call.Color(0);
            var left = Seconds(call, 1);
            int stones = NonNegative(call.Int(2));
            call.Session.SetTimeLeft(color, new PlayerClock(left, stones));
            return "";
        });
        table.Add("kgs-time_settings", call =>
        {
            call.ExpectArguments(1, 4);
            var control = call.Argument(0).ToLowerInvariant() switch
            {
                "none" when call.Arguments.Count == 1 => TimeControl.None,
                "absolute" when call.Arguments.Count == 2 => TimeControl.Absolute(Seconds(call, 1)),
                "byoyomi" when call.Arguments.Count == 4 =>
                    TimeControl.Byoyomi(Seconds(call, 1), Seconds(call, 2), NonNegative(call.Int(3))),
                "canadian" when call.Arguments.Count == 4 =>
                    TimeControl.Canadian(Seconds(call, 1), Seconds(call, 2), NonNegative(call.Int(3))),
                _ => throw GtpException.SyntaxError(),
            };
            call.Session.SetTimeControl(control);
            return "";
        });
        table.Add("zerogo-time", call =>
        {
            call.ExpectArguments(0);
            return call.Session.TimeControl.ToString();
        });
    }

    /// <summary>Seconds as GTP sends them (integers; fractions accepted), at most about a year.</summary>
    private static TimeSpan Seconds(GtpCall call, int index)
    {
        double seconds = call.Float(index);
        return seconds is >= 0 and <= 3.2e7 ? TimeSpan.FromSeconds(seconds) : throw GtpException.SyntaxError();
    }

    private static int NonNegative(int value) => value >= 0 ? value : throw GtpException.SyntaxError();
}
