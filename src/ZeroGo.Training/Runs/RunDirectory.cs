using System.Globalization;
using System.Text.RegularExpressions;

namespace ZeroGo.Training.Runs;

/// <summary>
/// The folder that holds everything of one run:
/// <code>
/// config.json            every setting and the seed
/// models/gen-NNNN.*      one network per generation (gen-0000 = the initial one), latest.* = the newest
/// games/gen-NNNN/        self-play SGFs of the games played by generation NNNN
/// samples/gen-NNNN/      one chunk per finished game (the chunk is the game's commit record)
/// checkpoints/           trainer state (weights + optimiser) every N steps
/// arena/gate-gen-NNNN/   SGFs of the gate match that decided on candidate generation NNNN (with --gate)
/// logs/                  CSV logs (training losses, self-play, gate results), gate.log (the gate's result lines)
/// charts/                PNG charts drawn from the logs
/// </code>
/// Stages meet only through these files, so any of them can be killed and resumed.
/// </summary>
public sealed partial class RunDirectory
{
    public RunDirectory(string root)
    {
        Root = Path.GetFullPath(root);
    }

    public string Root { get; }

    public string ConfigPath => Path.Combine(Root, "config.json");

    public string Models => Path.Combine(Root, "models");

    public string Games => Path.Combine(Root, "games");

    public string Samples => Path.Combine(Root, "samples");

    public string Checkpoints => Path.Combine(Root, "checkpoints");

    public string Logs => Path.Combine(Root, "logs");

    public string Charts => Path.Combine(Root, "charts");

    public string ArenaGames => Path.Combine(Root, "arena");

    public static string GenerationName(int generation) => $"gen-{generation.ToString("D4", CultureInfo.InvariantCulture)}";

    /// <summary>Path stem of a generation's model (a model may be several files sharing it).</summary>
    public string ModelStem(int generation) => Path.Combine(Models, GenerationName(generation));

    public string LatestModelStem => Path.Combine(Models, "latest");

    public string GamesFolder(int generation) => Path.Combine(Games, GenerationName(generation));

    public string SamplesFolder(int generation) => Path.Combine(Samples, GenerationName(generation));

    /// <summary>SGFs of the gate match that decided whether <paramref name="candidateGeneration"/> was promoted.</summary>
    public string GateGamesFolder(int candidateGeneration) => Path.Combine(ArenaGames, "gate-" + GenerationName(candidateGeneration));

    public void CreateFolders()
    {
        foreach (var folder in new[] { Root, Models, Games, Samples, Checkpoints, Logs, Charts })
        {
            Directory.CreateDirectory(folder);
        }
    }

    public bool HasConfig => File.Exists(ConfigPath);

    public RunConfig LoadConfig()
    {
        try
        {
            return RunConfig.FromJson(File.ReadAllText(ConfigPath));
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new InvalidDataException($"{ConfigPath} is not valid: {e.Message}", e);
        }
    }

    public void SaveConfig(RunConfig config) => AtomicFile.WriteAllText(ConfigPath, config.ToJson() + "\n");

    /// <summary>Generation numbers that have a model file with the given ending (e.g. ".manifest.json"), ascending.</summary>
    public List<int> GenerationsWithFile(string ending)
    {
        var found = new List<int>();
        if (!Directory.Exists(Models))
        {
            return found;
        }

        foreach (var path in Directory.EnumerateFiles(Models, "gen-*" + ending))
        {
            var match = GenerationPattern().Match(Path.GetFileName(path));
            if (match.Success && Path.GetFileName(path) == match.Value + ending)
            {
                found.Add(int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture));
            }
        }

        found.Sort();
        return found;
    }

    /// <summary>Removes files a crash left half-written (<c>*.tmp</c>) and reports each through <paramref name="warn"/>.</summary>
    public int RemoveTemporaryFiles(Action<string>? warn)
    {
        if (!Directory.Exists(Root))
        {
            return 0;
        }

        int removed = 0;
        foreach (var path in Directory.EnumerateFiles(Root, "*.tmp", SearchOption.AllDirectories))
        {
            warn?.Invoke($"warning: removing unfinished file {Path.GetRelativePath(Root, path)} (left by an interrupted run)");
            File.Delete(path);
            removed++;
        }

        return removed;
    }

    [GeneratedRegex(@"^gen-(\d{4,})")]
    private static partial Regex GenerationPattern();
}
