using System.Text.RegularExpressions;
using ZeroGo.Formats.Sgf;
using ZeroGo.Go;
using ZeroGo.Testing;

namespace ZeroGo.Formats.Tests;

/// <summary>
/// Fuego's rules regression suites run through our SGF reader and rules: <c>loadsgf FILE N</c> is the position
/// before move N, <c>go_param_rules ko_rule</c> switches simple / situational (Fuego's "superko") / positional
/// superko, and every <c>is_legal</c> and Tromp-Taylor <c>static_score</c> expectation is checked.
/// </summary>
public partial class FuegoRegressionTests
{
    private sealed record Expectation(int Id, string Command, string Expected, string Position, Rules Rules, GameState State);

    [GeneratedRegex(@"^\s*(\d+)\s+(.*)$")]
    private static partial Regex NumberedCommand();

    [GeneratedRegex(@"^#\?\s*\[(.*)\](\*?)\s*$")]
    private static partial Regex ExpectedAnswer();

    /// <summary>Walks a .tst file like a GTP regression runner; returns each numbered command with its answer.</summary>
    private static List<Expectation> Run(string tstRelative)
    {
        string tst = TestData.RequireShared(tstRelative);
        string folder = Path.GetDirectoryName(tst)!;
        var expectations = new List<Expectation>();
        GameState? state = null;
        string position = "";
        var lines = File.ReadAllLines(tst);
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i].Trim();
            if (line.StartsWith("loadsgf ", StringComparison.Ordinal))
            {
                var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var game = SgfGame.Load(Path.Combine(folder, parts[1]));
                state = parts.Length > 2 ? game.StateBeforeMove(int.Parse(parts[2])).State : game.FinalState().State;
                position = string.Join(' ', parts[1..]);
            }
            else if (line.StartsWith("go_param_rules ko_rule ", StringComparison.Ordinal))
            {
                var rule = line.Split(' ')[^1] switch
                {
                    "simple" => KoRule.Simple,
                    "superko" => KoRule.Situational,
                    "pos_superko" => KoRule.Positional,
                    var other => throw new InvalidDataException($"unknown ko rule {other}"),
                };
                state!.Rules = state.Rules with { KoRule = rule };
            }
            else if (NumberedCommand().Match(line) is { Success: true } command && i + 1 < lines.Length
                     && ExpectedAnswer().Match(lines[i + 1].Trim()) is { Success: true } answer)
            {
                if (answer.Groups[2].Value == "*")
                {
                    continue; // marked as a known failure of Fuego itself
                }

                expectations.Add(new Expectation(int.Parse(command.Groups[1].Value), command.Groups[2].Value,
                    answer.Groups[1].Value, position, state!.Rules, state.Clone()));
            }
        }

        return expectations;
    }

    [SkippableFact]
    public void Repetition_is_legal_expectations_under_three_ko_rules()
    {
        var expectations = Run("rules/fuego_regression/repetition.tst");
        Assert.Equal(15, expectations.Count);
        var failures = new List<string>();
        foreach (var e in expectations)
        {
            var parts = e.Command.Split(' ');
            Assert.Equal("is_legal", parts[0]);
            var color = parts[1].ToLowerInvariant().StartsWith('b') ? Color.Black : Color.White;
            Assert.True(GtpVertex.TryParse(parts[2], e.State.Geometry, out var move), parts[2]);
            string ours = e.State.IsLegal(color, move) ? "1" : "0";
            if (ours != e.Expected)
            {
                failures.Add($"{e.Id} {e.Command} after loadsgf {e.Position} ({e.Rules.KoRule} ko): expected {e.Expected}, got {ours} ({e.State.CheckMove(color, move).Describe()})");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [SkippableFact]
    public void Static_tromp_taylor_scores()
    {
        var expectations = Run("rules/fuego_regression/scoring_static.tst")
            .Where(e => e.Command == "static_score tromp_taylor_score").ToList();
        Assert.Equal(15, expectations.Count);
        foreach (var e in expectations)
        {
            string expected = Regex.Unescape(e.Expected);
            Assert.True(expected == GameState.FormatResult(e.State.ScoreForBlack()),
                $"{e.Id} after loadsgf {e.Position}: expected {expected}, got {GameState.FormatResult(e.State.ScoreForBlack())}");
        }
    }
}
