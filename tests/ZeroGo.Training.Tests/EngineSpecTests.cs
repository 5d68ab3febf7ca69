using ZeroGo.Training.Arena;

namespace ZeroGo.Training.Tests;

public class EngineSpecTests
{
    [Theory]
    [InlineData("random", "random")]
    [InlineData("gnugo", "gnugo:10")]
    [InlineData("gnugo:1", "gnugo:1")]
    [InlineData("gtp:\"/usr/games/gnugo --mode gtp\"", "gtp:gnugo")]
    public void Known_engines_parse(string spec, string name)
    {
        using var factory = EngineSpec.Create(spec);
        Assert.Equal(name, factory.Name);
    }

    [Theory]
    [InlineData("gnugo:11")]
    [InlineData("gnugo:x")]
    [InlineData("leela")]
    [InlineData("gtp:")]
    public void Bad_engines_give_a_clear_error(string spec)
    {
        var error = Assert.Throws<ArgumentException>(() => EngineSpec.Create(spec));
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public void Model_spec_reads_visits_after_the_last_at_sign()
    {
        Assert.Equal(("runs/a@b/gen-0001", 400), ModelPlayerFactory.ParseSpec("runs/a@b/gen-0001@400", 64));
        Assert.Equal(("runs/x/latest", 64), ModelPlayerFactory.ParseSpec("runs/x/latest", 64));
        Assert.Throws<ArgumentException>(() => ModelPlayerFactory.ParseSpec("m@0", 64));
        Assert.Throws<ZeroGo.Neural.Files.ModelFileException>(() => EngineSpec.Create("model:/nonexistent/model@8"));
    }

    [Theory]
    [InlineData("casual@800", "casual", 800)]
    [InlineData("runs/a@b/gen-0001", "runs/a@b/gen-0001", null)]
    [InlineData("runs/a@b/gen-0001@64", "runs/a@b/gen-0001", 64)]
    [InlineData("casual@", "casual@", null)]
    [InlineData("casual@x1", "casual@x1", null)]
    [InlineData("m@0", "m", 0)]
    [InlineData("@400", "@400", null)]
    public void The_visits_ending_is_the_digits_after_the_last_at_sign(string text, string name, int? visits) =>
        Assert.Equal((name, visits), VisitsSuffix.Split(text));

    [Fact]
    public void A_model_spec_loads_a_Leela_Zero_network_too()
    {
        var path = Path.Combine(Path.GetTempPath(), $"zg-arena-lz-{Guid.NewGuid():N}.txt");
        try
        {
            Neural.LeelaZero.LeelaZeroWeightsWriter.Save(Neural.LeelaZero.LeelaZeroRandomWeights.Create(1, 8, seed: 5), path);
            using var factory = Assert.IsType<ModelPlayerFactory>(EngineSpec.Create($"model:{path}@4"));
            Assert.Equal(19, factory.FixedBoardSize);
            using var player = factory.Create(0, seed: 3);
            var state = new Go.GameState(19, new Go.Rules { Komi = 7.5 });
            player.NewGame(state);
            var move = player.GenerateMove(state).Move;
            Assert.True(state.IsLegal(state.ToMove, move), $"{move} is not legal on the empty board");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Command_lines_keep_quoted_parts_together()
    {
        Assert.Equal(["prog", "--opt", "a b", "c"], EngineSpec.SplitCommandLine("prog --opt \"a b\" c"));
    }
}
