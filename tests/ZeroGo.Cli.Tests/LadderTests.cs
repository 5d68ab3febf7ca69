using System.Globalization;

namespace ZeroGo.Cli.Tests;

/// <summary>
/// <c>zerogo ladder</c> over a tiny run made by <c>zerogo loop</c>: results land in logs/ladder.csv with the
/// lineage's CPU-hours, the chart is drawn, and a second ladder replays nothing it already has.
/// </summary>
public sealed class LadderTests
{
    [Fact]
    public void A_ladder_places_generations_on_cpu_hours_and_a_rerun_reuses_the_pairings()
    {
        using var folder = new TempFolder();
        string run = Path.Combine(folder.Path, "run");
        using (var loop = new ZeroGoProcess(folder.Path, "loop", "--run", run, "--size", "5", "--generations", "1",
                   "--games-per-generation", "2", "--visits", "4", "--steps-per-generation", "2", "--blocks", "1",
                   "--channels", "8", "--precision", "fp32", "--window-min-samples", "1"))
        {
            Assert.True(loop.Exit(), loop.Stdout + loop.Stderr);
            Assert.True(loop.Process.ExitCode == 0, loop.Stdout + loop.Stderr);
        }

        Assert.Contains("\"windowMinSamples\": 1,", File.ReadAllText(Path.Combine(run, "config.json")));

        string[] ladderArguments = ["ladder", "--run", run, "--games", "2", "--visits", "2", "--anchors", "random", "--png", Path.Combine(folder.Path, "elo.png")];
        using (var ladder = new ZeroGoProcess(folder.Path, ladderArguments))
        {
            Assert.True(ladder.Exit(), ladder.Stdout + ladder.Stderr);
            Assert.True(ladder.Process.ExitCode == 0, ladder.Stdout + ladder.Stderr);
            Assert.DoesNotContain("already played", ladder.Stdout);
        }

        var rows = File.ReadAllLines(Path.Combine(run, "logs", "ladder.csv"));
        Assert.Equal("time,generation,cpu_hours,hours,opponent,visits,wins,losses,draws,elo,elo_error", rows[0]);
        // gen-0000 and gen-0001 against random, and gen-0001 against gen-0000.
        Assert.Equal(3, rows.Length - 1);
        var generationOne = rows.Skip(1).Select(r => r.Split(',')).Where(f => f[1] == "1").ToList();
        Assert.Equal(["random", "gen-0000"], generationOne.Select(f => f[4]));
        Assert.All(generationOne, f => Assert.True(double.Parse(f[2], CultureInfo.InvariantCulture) > 0, "generation 1 has CPU-hours behind it"));
        Assert.All(rows.Skip(1).Select(r => r.Split(',')), f => Assert.Equal(2, int.Parse(f[6], CultureInfo.InvariantCulture) + int.Parse(f[7], CultureInfo.InvariantCulture) + int.Parse(f[8], CultureInfo.InvariantCulture)));
        Assert.True(new FileInfo(Path.Combine(run, "charts", "elo.png")).Length > 1000);
        Assert.True(File.Exists(Path.Combine(folder.Path, "elo.png")));

        using (var again = new ZeroGoProcess(folder.Path, ladderArguments))
        {
            Assert.True(again.Exit(), again.Stdout + again.Stderr);
            Assert.Equal(0, again.Process.ExitCode);
            Assert.Equal(3, again.Stdout.Split('\n').Count(l => l.Contains("(already played)", StringComparison.Ordinal)));
        }

        Assert.Equal(rows, File.ReadAllLines(Path.Combine(run, "logs", "ladder.csv")));
    }

    [Fact]
    public void Generations_are_chosen_evenly_or_by_number_and_unknown_ones_are_refused()
    {
        int[] generations = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        Assert.Equal([0, 5, 10], Verbs.LadderVerb.Choose(generations, null, 3));
        Assert.Equal([0, 1], Verbs.LadderVerb.Choose([0, 1], null, 6));
        Assert.Equal([2, 7], Verbs.LadderVerb.Choose(generations, "7, 2,7", 3));
        Assert.Contains("12", Assert.Throws<ArgumentException>(() => Verbs.LadderVerb.Choose(generations, "3,12", 3)).Message);
        Assert.Contains("'x'", Assert.Throws<ArgumentException>(() => Verbs.LadderVerb.Choose(generations, "x", 3)).Message);
    }
}
