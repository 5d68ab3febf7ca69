using System.Globalization;
using System.Text;
using Xunit.Abstractions;
using ZeroGo.Go;
using ZeroGo.Neural.LeelaZero;
using ZeroGo.Search;
using ZeroGo.Testing;

namespace ZeroGo.Neural.Tests.LeelaZero;

/// <summary>
/// The proof that our Leela Zero forward pass is Leela Zero's: random networks of several sizes (random biases and
/// batch-norm statistics, format 1 and 2) are written to files, leelaz loads the same files, both are brought to
/// positions of the AlphaGo - Lee Sedol games with their history, and every heatmap (symmetries 0..7 and average)
/// must agree: policy within 1 per mille at every point and pass, win rate within 0.001.
/// </summary>
public sealed class LeelaZeroOracleTests(ITestOutputHelper output)
{
    private static readonly int[] MoveCounts = [0, 1, 2, 9, 60, 151];

    /// <summary>Tower size, file format, game, and where to insert a pass into the record (-1: none).</summary>
    public static TheoryData<int, int, int, string, int> Networks => new()
    {
        { 1, 8, 1, "LS_vs_AG_G1.sgf", -1 },
        { 2, 16, 2, "LS_vs_AG_G2.sgf", -1 },
        { 4, 32, 1, "LS_vs_AG_G4.sgf", -1 },
        { 2, 8, 1, "LS_vs_AG_G5.sgf", 5 },
    };

    [SkippableTheory]
    [MemberData(nameof(Networks))]
    public void HeatmapsMatchLeelaz(int blocks, int filters, int formatVersion, string game, int passAt)
    {
        Skip.IfNot(File.Exists(LeelazProcess.DefaultPath), $"{LeelazProcess.DefaultPath} is not installed (Debian package leela-zero)");
        var sgf = TestData.RequireShared(Path.Combine("games", "alphago_lee_sedol", game));
        var folder = TestData.OutputFolder("leela-zero-oracle");
        var weightsPath = Path.Combine(folder, $"random-{blocks}x{filters}-v{formatVersion}.txt");
        var weights = LeelaZeroRandomWeights.Create(blocks, filters, seed: 1000 * blocks + filters, formatVersion);
        LeelaZeroWeightsWriter.Save(weights, weightsPath);

        var geometry = BoardGeometry.Get(19);
        var moves = LeelaZeroTestPositions.ReadMoves(sgf, geometry).ToList();
        if (passAt >= 0)
        {
            // A pass repeats the board in the history planes; the same player then plays the recorded move.
            moves.Insert(passAt, (moves[passAt].Color, Move.Pass));
        }

        Assert.True(moves.Count > MoveCounts[^1], $"{game} has only {moves.Count} moves");

        using var evaluator = new LeelaZeroEvaluator(LeelaZeroWeights.Load(weightsPath));
        using var leelaz = new LeelazProcess(weightsPath);
        var report = new StringBuilder();
        int worstPolicy = 0, pointsOffByOne = 0, compared = 0, largestPerMille = 0;
        double worstWinrate = 0;
        int played = 0;
        var state = new GameState(geometry, Rules.Default with { Komi = 7.5 });
        foreach (int moveCount in MoveCounts)
        {
            for (; played < moveCount; played++)
            {
                var (color, move) = moves[played];
                state.Play(color, move);
                leelaz.Command($"play {color.Letter()} {LeelaZeroTestPositions.GtpVertex(move, geometry)}");
            }

            foreach (var argument in new[] { string.Empty, "0", "1", "2", "3", "4", "5", "6", "7", "average" })
            {
                // The production path: GTP heatmap's text for the game state (history from the request builder).
                var ours = ParsedHeatmap.Parse(LeelaZeroHeatmap.Answer(evaluator, state, argument).Split('\n'));
                var theirs = leelaz.Heatmap(argument);
                for (int i = 0; i < 361; i++)
                {
                    int difference = Math.Abs(ours.PerMille[i] - theirs.PerMille[i]);
                    worstPolicy = Math.Max(worstPolicy, difference);
                    pointsOffByOne += difference == 1 ? 1 : 0;
                    largestPerMille = Math.Max(largestPerMille, theirs.PerMille[i]);
                    Assert.True(difference <= 1,
                        $"move {moveCount}, heatmap {argument}: point {i} is {ours.PerMille[i]} (ours) vs {theirs.PerMille[i]} (leelaz)");
                }

                Assert.True(Math.Abs(ours.Pass - theirs.Pass) <= 1, $"move {moveCount}, heatmap {argument}: pass {ours.Pass} vs {theirs.Pass}");
                double winrateDifference = Math.Abs(ours.Winrate - theirs.Winrate);
                worstWinrate = Math.Max(worstWinrate, winrateDifference);
                Assert.True(winrateDifference <= 0.001,
                    $"move {moveCount}, heatmap {argument}: winrate {ours.Winrate} vs {theirs.Winrate}");
                compared++;
            }
        }

        // Sensitivity: a wrong symmetry or a missing history must be caught by the same tolerance.
        var wrongSymmetry = ParsedHeatmap.Parse(LeelaZeroHeatmap.Answer(evaluator, state, "3").Split('\n'));
        var identity = leelaz.Heatmap("0");
        Assert.Contains(Enumerable.Range(0, 361), i => Math.Abs(wrongSymmetry.PerMille[i] - identity.PerMille[i]) > 1);
        var noHistory = LeelaZeroTestPositions.RequestAfter(moves, played, evaluator.HistoryLength);
        noHistory.HistoryCount = 0;
        var withoutHistory = LeelaZeroHeatmap.Compute(evaluator, noHistory, 0);
        Assert.True(Math.Abs(withoutHistory.Winrate - identity.Winrate) > 0.001
            || Enumerable.Range(0, 361).Any(i => Math.Abs(LeelaZeroHeatmap.PerMille(withoutHistory.Policy[i]) - identity.PerMille[i]) > 1),
            "dropping the history planes should change the output beyond the tolerance");

        // The comparison means something only if the networks' policies are far from uniform (uniform is 2 per mille).
        Assert.True(largestPerMille >= 20, $"random network too flat: largest policy {largestPerMille} per mille");
        report.Append(CultureInfo.InvariantCulture,
            $"{blocks}x{filters} v{formatVersion} {game}{(passAt >= 0 ? $" (pass inserted at move {passAt + 1})" : "")}: {compared} heatmaps, max policy diff {worstPolicy} per mille "
            + $"({pointsOffByOne} points off by 1 of {compared * 361}), max winrate diff {worstWinrate:F6}, largest policy {largestPerMille} per mille");
        output.WriteLine(report.ToString());
        File.WriteAllText(Path.Combine(folder, $"report-{blocks}x{filters}-v{formatVersion}-{Path.GetFileNameWithoutExtension(game)}.txt"), report + "\n");
    }
}
