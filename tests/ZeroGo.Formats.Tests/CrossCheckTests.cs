using System.Text.Json;
using ZeroGo.Formats.Sgf;
using ZeroGo.Go;
using ZeroGo.Testing;

namespace ZeroGo.Formats.Tests;

/// <summary>
/// Files written by ZeroGo are read by independent implementations: @sabaki/sgf must see the same tree
/// (shape, identifiers, values), GNU Go's loadsgf + list_stones the same final position.
/// </summary>
public class CrossCheckTests(Xunit.Abstractions.ITestOutputHelper output)
{
    /// <summary>Games to write: every shared SGF file, or the shipped AlphaGo games when shared data is absent.</summary>
    private static List<(string Name, SgfCollection Collection)> Inputs()
    {
        var paths = TestData.SharedRoot is { } shared
            ? SgfTestHelpers.SharedSgfFiles(shared).ToList()
            : Enumerable.Range(1, 5).Select(i => Path.Combine(TestData.RepoRoot, "games", "alphago-lee-sedol", $"game{i}.sgf")).ToList();
        return paths.Select(p => (Path.GetRelativePath(TestData.SharedRoot ?? TestData.RepoRoot, p), SgfReader.ReadFile(p))).ToList();
    }

    [SkippableFact]
    public void Sabaki_reads_our_files_as_the_same_trees()
    {
        string js = Path.Combine(TestData.RepoRoot, "tests", "js");
        string? node = ExternalReaders.FindOnPath("node");
        Skip.If(node is null, "node (Node.js) is not installed: scripts/setup.sh test installs it");
        Skip.If(!Directory.Exists(Path.Combine(js, "node_modules", "@sabaki", "sgf")),
            "tests/js/node_modules is missing: run 'npm install' in tests/js (./test.sh does it)");

        string folder = TestData.OutputFolder("sgf-sabaki");
        var expected = new Dictionary<string, (string Name, IReadOnlyList<SgfNode> Trees)>();
        int index = 0;
        foreach (var (name, collection) in Inputs())
        {
            string file = Path.Combine(folder, $"tree{index++:D3}.sgf");
            // Written as UTF-8 with CA rewritten, exactly as SgfWriter.Save does (one tree per file).
            File.WriteAllBytes(file, SgfWriter.ToUtf8Bytes(collection.Trees[0]));
            expected[file] = (name, [collection.Trees[0]]);

            var game = SgfGame.FromCollection(collection);
            if (game.IsSupportedSize)
            {
                string fromState = Path.Combine(folder, $"state{index:D3}.sgf");
                var state = game.FinalState(SgfReplayMode.Tolerant).State;
                var tree = SgfWriter.BuildTree(state, game.Info, state.Moves.Select((_, i) => i % 7 == 0 ? $"comment {i} with ] and \\ and :" : null).ToList());
                File.WriteAllText(fromState, SgfWriter.Write(tree), new System.Text.UTF8Encoding(false));
                expected[fromState] = (name + " (from GameState)", [tree]);
            }
        }

        string json = ExternalReaders.Run(node!, new[] { Path.Combine(js, "read-sgf.js") }.Concat(expected.Keys), js, TimeSpan.FromMinutes(2));
        using var document = JsonDocument.Parse(json);
        int nodesCompared = 0;
        foreach (var (file, (name, trees)) in expected)
        {
            var result = document.RootElement.GetProperty(file);
            Assert.False(result.TryGetProperty("error", out var error), $"{name}: Sabaki failed: {error}");
            var sabakiTrees = result.GetProperty("trees").EnumerateArray().ToList();
            Assert.Equal(trees.Count, sabakiTrees.Count);
            for (int t = 0; t < trees.Count; t++)
            {
                var ours = trees[t].Descendants().ToList();
                var theirs = sabakiTrees[t].EnumerateArray().ToList();
                Assert.True(ours.Count == theirs.Count, $"{name}: {ours.Count} nodes, Sabaki read {theirs.Count}");
                for (int n = 0; n < ours.Count; n++)
                {
                    Assert.Equal(ours[n].Children.Count, theirs[n].GetProperty("children").GetInt32());
                    var ourProps = ours[n].Properties.GroupBy(p => p.Identifier)
                        .ToDictionary(g => g.Key, g => g.SelectMany(p => p.Values).Select(v => v.Text).ToList());
                    var theirProps = theirs[n].GetProperty("props").EnumerateObject()
                        .ToDictionary(p => p.Name, p => p.Value.EnumerateArray().Select(v => v.GetString()!).ToList());
                    Assert.True(ourProps.Keys.Order().SequenceEqual(theirProps.Keys.Order()),
                        $"{name} node {n}: ours {string.Join(",", ourProps.Keys)}, Sabaki {string.Join(",", theirProps.Keys)}");
                    if (ourProps.ContainsKey("CA") && file.Contains("tree"))
                    {
                        ourProps["CA"] = ["UTF-8"]; // ToUtf8Bytes writes the charset it used
                    }

                    foreach (var (id, values) in ourProps)
                    {
                        Assert.True(values.SequenceEqual(theirProps[id]),
                            $"{name} node {n} {id}: ours [{string.Join("|", values)}], Sabaki [{string.Join("|", theirProps[id])}]");
                    }

                    nodesCompared++;
                }
            }
        }

        output.WriteLine($"Sabaki read {expected.Count} files written by ZeroGo; {nodesCompared} nodes compared");
        Assert.True(nodesCompared > 1000, $"only {nodesCompared} nodes compared");
    }

    [SkippableFact]
    public void Gnu_go_loads_our_files_to_the_same_final_positions()
    {
        Skip.IfNot(File.Exists(ExternalReaders.GnuGoPath), $"GNU Go is not installed at {ExternalReaders.GnuGoPath} (Debian package gnugo)");
        string folder = TestData.OutputFolder("sgf-gnugo");
        using var gnugo = new GnuGoProcess();
        int compared = 0;
        foreach (var (name, collection) in Inputs())
        {
            var game = SgfGame.FromCollection(collection);
            if (!game.IsSupportedSize || game.Width != game.Height || game.Width > 19)
            {
                continue; // GNU Go plays square boards up to 19x19
            }

            var replay = game.FinalState(SgfReplayMode.Tolerant);
            if (replay.Warnings.Count > 0 || game.MainLine.Skip(1).Any(n => n.HasSetup))
            {
                // Illegal moves, moves written as "B[R16]" (GNU Go 3.8 aborts on those) or mid-game setup:
                // GNU Go's loadsgf handles such records its own way, so they say nothing about our writer.
                continue;
            }

            var state = replay.State;
            var files = new[]
            {
                (Path.Combine(folder, $"tree{compared:D3}.sgf"), SgfWriter.ToUtf8Bytes(game.Root)),
                (Path.Combine(folder, $"state{compared:D3}.sgf"), SgfWriter.ToUtf8Bytes(SgfWriter.BuildTree(state, game.Info))),
            };
            foreach (var (file, bytes) in files)
            {
                File.WriteAllBytes(file, bytes);
                var loaded = gnugo.Send($"loadsgf {file}");
                Assert.True(loaded.Success, $"{name}: GNU Go refused {file}: {loaded.Text}");
                foreach (var color in new[] { Color.Black, Color.White })
                {
                    var listed = gnugo.Send($"list_stones {(color == Color.Black ? "black" : "white")}");
                    Assert.True(listed.Success, listed.Text);
                    var theirs = listed.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Order().ToList();
                    var ours = state.Geometry.Points.Where(p => state.Board[p] == color)
                        .Select(p => GtpVertex.Format(p, state.Geometry)).Order().ToList();
                    Assert.True(ours.SequenceEqual(theirs), $"{name} ({Path.GetFileName(file)}) {color}: ours {string.Join(" ", ours)}\nGNU Go {string.Join(" ", theirs)}");
                }
            }

            compared++;
        }

        output.WriteLine($"GNU Go loaded {compared} games (tree and GameState writers): same final positions");
        Assert.True(compared >= 5, $"only {compared} games compared with GNU Go");
    }
}
