using System.Globalization;
using ZeroGo.Go;

namespace ZeroGo.Go.Tests;

/// <summary>The small value types: Move, Point, Color, Rules text, legality text and the playout random source.</summary>
public class PrimitivesTests
{
    [Fact]
    public void MovesKnowWhatTheyAre()
    {
        var point = BoardGeometry.Get(9).PointAt(2, 3);
        var play = Move.At(point);
        Assert.True(play.IsPlay);
        Assert.False(play.IsPass || play.IsResign);
        Assert.Equal(point, play.Point);
        Assert.True(Move.Pass.IsPass && !Move.Pass.IsPlay && Move.Pass.Point.IsNone);
        Assert.True(Move.Resign.IsResign && !Move.Resign.IsPlay && Move.Resign.Point.IsNone);
        Assert.NotEqual(Move.Pass, Move.Resign);
        Assert.Equal(Move.At(point), play);
        Assert.Equal("pass", Move.Pass.ToString());
        Assert.Equal("resign", Move.Resign.ToString());
        Assert.Throws<ArgumentException>(() => Move.At(Point.None));
        Assert.True(Point.None.IsNone);
        Assert.Equal("none", Point.None.ToString());
    }

    [Fact]
    public void ColoursHaveOpponentsAndLetters()
    {
        Assert.Equal(Color.White, Color.Black.Opponent());
        Assert.Equal(Color.Black, Color.White.Opponent());
        Assert.True(Color.Black.IsPlayer() && Color.White.IsPlayer());
        Assert.False(Color.Empty.IsPlayer() || Color.Border.IsPlayer());
        Assert.Equal("B", Color.Black.Letter());
        Assert.Equal("W", Color.White.Letter());
        Assert.Throws<ArgumentOutOfRangeException>(() => Color.Empty.Letter());
    }

    [Fact]
    public void RulesDefaultToPositionalSuperkoWithoutSuicideAndDescribeThemselvesInvariantly()
    {
        Assert.Equal(KoRule.Positional, Rules.Default.KoRule);
        Assert.False(Rules.Default.SuicideAllowed);
        Assert.Equal(7.5, Rules.Default.Komi);
        Assert.True(Rules.TrompTaylor.SuicideAllowed);
        Assert.Equal(KoRule.Positional, Rules.TrompTaylor.KoRule);

        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fr-FR");
            Assert.Equal("komi 6.5, situational ko, suicide allowed",
                new Rules { Komi = 6.5, KoRule = KoRule.Situational, SuicideAllowed = true }.ToString());
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void EveryLegalityVerdictHasAShortDescription()
    {
        foreach (var verdict in Enum.GetValues<MoveLegality>())
        {
            Assert.False(string.IsNullOrWhiteSpace(verdict.Describe()));
        }

        Assert.Equal("suicide", MoveLegality.Suicide.Describe());
        Assert.Equal("ko", MoveLegality.Ko.Describe());
        Assert.Contains("superko", MoveLegality.Superko.Describe());
    }

    [Fact]
    public void FastRandomIsDeterministicAndStaysInRange()
    {
        var a = new FastRandom(42);
        var b = new FastRandom(42);
        var zero = new FastRandom(0); // a zero seed must still produce varied numbers
        var seen = new HashSet<int>();
        var zeroSeen = new HashSet<ulong>();
        for (int i = 0; i < 10_000; i++)
        {
            int x = a.Next(7);
            Assert.Equal(x, b.Next(7));
            Assert.InRange(x, 0, 6);
            seen.Add(x);
            double d = a.NextDouble();
            b.NextDouble();
            Assert.InRange(d, 0.0, 0.9999999999);
            zeroSeen.Add(zero.NextUInt64());
        }

        Assert.Equal(7, seen.Count);
        Assert.Equal(10_000, zeroSeen.Count);
        Assert.Equal(0, new FastRandom(1).Next(1));
    }
}
