using System.Globalization;
using System.Text.Json;
using ZeroGo.Training.Trainer;

namespace ZeroGo.Training.Runs;

/// <summary>
/// A run's trainer checkpoints (<c>checkpoints/step-NNNNNNNN.*</c>, written by <see cref="NetworkTrainer.SaveCheckpoint"/>):
/// their names, the newest complete one, and pruning. A checkpoint counts only when its <c>.state.json</c> (written
/// last) exists with the other files it needs; half-written ones are skipped with a warning.
/// </summary>
public sealed class CheckpointFolder(string folder, Action<string>? warn)
{
    public string Folder => folder;

    public string Stem(long step) => Path.Combine(folder, $"step-{step.ToString("D8", CultureInfo.InvariantCulture)}");

    /// <summary>
    /// The newest checkpoint whose state file reads and whose weights manifest, optimiser state and each of
    /// <paramref name="alsoRequired"/> (endings such as ".stream.json") exist; null when there is none.
    /// </summary>
    public (string Stem, CheckpointState State)? Latest(params string[] alsoRequired)
    {
        if (!Directory.Exists(folder))
        {
            return null;
        }

        foreach (var statePath in Directory.EnumerateFiles(folder, "*.state.json").Order(StringComparer.Ordinal).Reverse())
        {
            var stem = statePath[..^".state.json".Length];
            try
            {
                var state = JsonSerializer.Deserialize<CheckpointState>(File.ReadAllText(statePath))
                    ?? throw new InvalidDataException("empty");
                if (new[] { ".optimizer", ".json" }.Concat(alsoRequired).All(ending => File.Exists(stem + ending)))
                {
                    return (stem, state);
                }
            }
            catch (Exception e) when (e is JsonException or InvalidDataException or IOException)
            {
                warn?.Invoke($"warning: skipping damaged checkpoint {Path.GetFileName(stem)}: {e.Message}");
            }
        }

        return null;
    }

    /// <summary>Deletes all but the newest <paramref name="keep"/> checkpoints, each one's commit marker first.</summary>
    public void Prune(int keep)
    {
        var states = Directory.EnumerateFiles(folder, "step-*.state.json").Order(StringComparer.Ordinal).ToList();
        foreach (var statePath in states.Take(Math.Max(0, states.Count - keep)))
        {
            var stem = statePath[..^".state.json".Length];
            File.Delete(statePath);   // the commit marker first: a half-deleted checkpoint is never taken as complete
            foreach (var file in Directory.EnumerateFiles(folder, Path.GetFileName(stem) + ".*"))
            {
                File.Delete(file);
            }
        }
    }
}
