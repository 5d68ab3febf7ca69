using System.Text;
using ZeroGo.Formats.Sgf;
using ZeroGo.Testing;

namespace ZeroGo.Formats.Tests;

/// <summary>
/// Seeded mutation fuzzing: real files (shared data, the shipped games, a few built-in seeds) damaged in many
/// ways must only ever produce the reader's own <see cref="SgfException"/>, never hang, and whatever is read
/// must still round-trip through the writer.
/// </summary>
public class SgfFuzzTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const int MutationsPerSeed = 25;

    private static readonly string[] Fragments =
    [
        "(", ")", ";", "[", "]", "\\", ":", "(;", ")(", "B[", "W[aa]", "AB[aa:ss]", "SZ[", "SZ[0]", "SZ[99]", "SZ[9:17]",
        "SZ[-3]", "SZ[1]", "KM[nan]", "KM[1e308]", "HA[99]", "HA[-1]", "PL[X]", "CA[Shift_JIS]", "CA[UTF-16]",
        "CA[bogus]", "CA[GB2312]", "CA[Big5]", "AE[]", "B[zz]", "W[tt]", "B[R16]", "\r\n", "\u00ff", "\0", "\\\n",
        "AB[aa][aa]", "AW[ab:ba]", "((((", "))))", "LB[aa:x]", "FF[4]", "RU[Tromp-Taylor]", "MN[-5]",
    ];

    private static IEnumerable<(string Name, byte[] Data)> Seeds()
    {
        yield return ("built-in 1", Encoding.UTF8.GetBytes("(;FF[4]SZ[9]KM[6.5]AB[cc][gg]PL[W];W[ee](;B[dd];W[de])(;B[ed]C[a \\] b]))"));
        yield return ("built-in 2", Encoding.UTF8.GetBytes("junk (x) (;SZ[5];B[cc]W[cb]B[bb];W[];B[tt];AE[cc]AB[aa:bb])"));
        yield return ("built-in 3", [.. Encoding.ASCII.GetBytes("(;CA[Shift_JIS]PB["), 0x83, 0x5C, 0x83, 0x5D, .. Encoding.ASCII.GetBytes("];B[pd])")]);
        for (int i = 1; i <= 5; i++)
        {
            string path = Path.Combine(TestData.RepoRoot, "games", "alphago-lee-sedol", $"game{i}.sgf");
            yield return ($"game{i}.sgf", File.ReadAllBytes(path));
        }

        if (TestData.SharedRoot is { } shared)
        {
            foreach (var path in Directory.EnumerateFiles(Path.Combine(shared, "sgf"), "*", SearchOption.AllDirectories)
                         .Where(p => p.EndsWith(".sgf") || p.EndsWith(".ngf") || p.EndsWith(".gib")).Order())
            {
                yield return (Path.GetRelativePath(shared, path), File.ReadAllBytes(path));
            }
        }
    }

    private static byte[] Mutate(byte[] data, FastRandomLite random)
    {
        var bytes = new List<byte>(data);
        int edits = 1 + random.Next(4);
        for (int e = 0; e < edits; e++)
        {
            int at = bytes.Count == 0 ? 0 : random.Next(bytes.Count);
            switch (random.Next(8))
            {
                case 0 when bytes.Count > 0:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 1:
                    bytes.InsertRange(at, Encoding.UTF8.GetBytes(Fragments[random.Next(Fragments.Length)]));
                    break;
                case 2 when bytes.Count > 0:
                    bytes.RemoveRange(at, Math.Min(bytes.Count - at, 1 + random.Next(40)));
                    break;
                case 3 when bytes.Count > 0:
                    int length = Math.Min(bytes.Count - at, 1 + random.Next(200));
                    bytes.InsertRange(random.Next(bytes.Count), bytes.GetRange(at, length));
                    break;
                case 4 when bytes.Count > 0:
                    bytes.RemoveRange(at, bytes.Count - at); // truncation
                    break;
                case 5:
                    bytes.InsertRange(at, new[] { (byte)(0x80 + random.Next(128)), (byte)random.Next(256) });
                    break;
                case 6:
                    bytes.InsertRange(0, random.Next(3) switch
                    {
                        0 => new byte[] { 0xEF, 0xBB, 0xBF },
                        1 => new byte[] { 0xFF, 0xFE },
                        _ => new byte[] { 0xFE, 0xFF },
                    });
                    break;
                default:
                    bytes.Insert(at, (byte)"()[];\\:"[random.Next(7)]);
                    break;
            }
        }

        return [.. bytes];
    }

    /// <summary>Reads, interprets, replays and round-trips one input; only SgfException may escape.</summary>
    private static void Exercise(byte[] data, SgfReadOptions options)
    {
        SgfCollection collection;
        try
        {
            collection = SgfReader.Read(data, options);
        }
        catch (SgfException)
        {
            return;
        }

        foreach (var tree in collection.Trees)
        {
            var again = SgfReader.ReadText(SgfWriter.Write(tree), SgfReadOptions.StrictMode).Trees;
            var difference = SgfTestHelpers.Difference(tree, again[0]);
            if (again.Count != 1 || difference is not null)
            {
                throw new InvalidOperationException($"round trip changed the tree: {difference}");
            }
        }

        try
        {
            var game = SgfGame.FromCollection(collection);
            _ = game.Info;
            if (options.Strict)
            {
                game.FinalState(SgfReplayMode.Strict);
            }
            else
            {
                _ = SgfSummary.Describe(game).Lines; // replays every line of the tree
            }

            game.StateBeforeMove(1 + game.MoveCount / 2);
        }
        catch (SgfException)
        {
            // strict replay refusing a move, or a board size the engine does not play
        }
    }

    [Fact]
    public async Task Mutated_files_raise_only_the_readers_own_error_and_never_hang()
    {
        var seeds = Seeds().ToList();
        var work = Task.Run(() =>
        {
            int inputs = 0;
            foreach (var (name, data) in seeds)
            {
                var random = new FastRandomLite(StableSeed(name));
                for (int i = 0; i < MutationsPerSeed; i++)
                {
                    var mutated = Mutate(data, random);
                    foreach (var options in new[] { SgfReadOptions.Tolerant, SgfReadOptions.StrictMode })
                    {
                        try
                        {
                            Exercise(mutated, options);
                        }
                        catch (Exception e) when (e is not SgfException)
                        {
                            string file = Path.Combine(TestData.OutputFolder("sgf-fuzz"), $"failure-{StableSeed(name):X}-{i}.sgf");
                            File.WriteAllBytes(file, mutated);
                            throw new Xunit.Sdk.XunitException(
                                $"{name}, mutation {i} ({(options.Strict ? "strict" : "tolerant")}), saved as {file}:\n{e}");
                        }

                        inputs++;
                    }
                }
            }

            return inputs;
        });

        var finished = await Task.WhenAny(work, Task.Delay(TimeSpan.FromMinutes(3)));
        Assert.True(finished == work, "fuzzing did not finish in 3 minutes: a mutated input makes the reader hang");
        int count = await work;
        output.WriteLine($"{count} mutated inputs read without an unexpected exception");
        // Every seed (the repository's games, plus ../shared's files where present) was mutated and read both ways:
        // the count scales with the seeds there are, so a plain clone checks as much as it has.
        Assert.True(seeds.Count >= 8, $"only {seeds.Count} seed files");
        Assert.Equal(seeds.Count * MutationsPerSeed * 2, count);
    }

    private static ulong StableSeed(string name)
    {
        ulong hash = 1469598103934665603;
        foreach (char c in name)
        {
            hash = (hash ^ c) * 1099511628211;
        }

        return hash;
    }

    /// <summary>A tiny deterministic generator (SplitMix64) so every run mutates the same way.</summary>
    private sealed class FastRandomLite(ulong seed)
    {
        private ulong _state = seed;

        public int Next(int bound)
        {
            ulong z = _state += 0x9E3779B97F4A7C15;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
            z ^= z >> 31;
            return (int)(z % (ulong)bound);
        }
    }
}
