using ZeroGo.Training.Arena;
using ZeroGo.Training.Metrics;

namespace ZeroGo.Training.Tests;

public sealed class LadderLogTests
{
    [Fact]
    public void A_pairing_is_found_again_only_at_the_same_visits_with_enough_games()
    {
        string folder = Directory.CreateTempSubdirectory("ladderlog").FullName;
        try
        {
            string path = Path.Combine(folder, "ladder.csv");
            var log = new LadderLog(path);
            log.Add(new LadderResult(4, 0.5, 1.25, "gnugo:1", 400, new MatchStatistics(7, 2, 1)));

            var reopened = new LadderLog(path);
            var found = reopened.Find(4, "GNUGO:1", 400, 10);
            Assert.NotNull(found);
            Assert.Equal(new MatchStatistics(7, 2, 1), found.Statistics);
            Assert.Equal(0.5, found.CpuHours, 1e-9);
            Assert.Null(reopened.Find(4, "gnugo:1", 64, 10));    // other visits
            Assert.Null(reopened.Find(4, "gnugo:1", 400, 20));   // more games asked for
            Assert.Null(reopened.Find(5, "gnugo:1", 400, 10));
            Assert.Null(reopened.Find(4, "random", 400, 10));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_file_of_the_old_format_is_moved_aside_not_misread()
    {
        string folder = Directory.CreateTempSubdirectory("ladderlog").FullName;
        try
        {
            string path = Path.Combine(folder, "ladder.csv");
            File.WriteAllText(path, "time,generation,hours,opponent,wins,losses,draws,elo,elo_error\nT,3,0.5,random,9,1,0,300,200\n");

            var log = new LadderLog(path);

            Assert.Empty(log.Results);
            Assert.True(File.Exists(path + ".old"));
            Assert.StartsWith("time,generation,cpu_hours,", File.ReadAllText(path));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
