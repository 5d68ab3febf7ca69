using System.Text.Json.Nodes;
using ZeroGo.Neural.Features;
using ZeroGo.Neural.Files;
using ZeroGo.Testing;

namespace ZeroGo.Neural.Tests;

public class ModelFileTests
{
    private static readonly FeatureBatch Positions = MakeBatch();

    private static FeatureBatch MakeBatch()
    {
        var batch = new FeatureBatch();
        foreach (int seed in new[] { 1, 2, 3 })
        {
            var (game, _) = TestPositions.RandomGame(9, 9, 25, seed);
            var encoded = new EncodedPosition();
            FeatureEncoder.Encode(TestPositions.Request(game), ZeroGo.Go.Symmetry.Identity, encoded);
            batch.Add(encoded);
        }

        return batch;
    }

    private static string Folder(string name)
    {
        string folder = Path.Combine(TestData.OutputFolder("neural-model-files"), name);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        return folder;
    }

    private static string SavedModel(string name, out PolicyValueNetwork network)
    {
        string stem = Path.Combine(Folder(name), "gen-0001");
        network = TestPositions.SmallNetwork(seed: 11);
        network.Save(stem, new ModelInfo { BoardSizes = ["9x9", "19x19"], TrainingSteps = 1234, Notes = "test" });
        return stem;
    }

    [Theory]
    [InlineData("")]
    [InlineData(".json")]
    [InlineData(".weights")]
    public void SaveThenLoadGivesIdenticalOutputsWhicheverFileIsNamed(string suffix)
    {
        string stem = SavedModel("roundtrip" + suffix, out var original);
        using (original)
        {
            using var loaded = PolicyValueNetwork.Load(stem + suffix);
            Assert.Equal(original.Config, loaded.Config);
            Assert.Equal(1234, loaded.Info.TrainingSteps);
            Assert.Equal(["9x9", "19x19"], loaded.Info.BoardSizes);
            var before = original.Infer(Positions);
            var after = loaded.Infer(Positions);
            Assert.Equal(before.PolicyLogits, after.PolicyLogits);
            Assert.Equal(before.OutcomeLogits, after.OutcomeLogits);
            Assert.Equal(before.ScoreLead, after.ScoreLead);
            Assert.Equal(before.Ownership, after.Ownership);
        }
    }

    [Fact]
    public void ManifestRecordsArchitectureFeaturesAndChecksum()
    {
        string stem = SavedModel("manifest", out var network);
        network.Dispose();
        var json = JsonNode.Parse(File.ReadAllText(stem + ".json"))!;
        Assert.Equal("zerogo-network", (string?)json["format"]);
        Assert.Equal(NetworkConfig.ArchitectureKind, (string?)json["architecture"]!["kind"]);
        Assert.Equal(3, (int?)json["architecture"]!["blocks"]);
        Assert.Equal(16, (int?)json["architecture"]!["channels"]);
        Assert.Equal(FeatureEncoder.Version, (int?)json["features"]!["version"]);
        Assert.Equal(new FileInfo(stem + ".weights").Length, (long?)json["weights"]!["bytes"]);
        Assert.Equal(64, ((string?)json["weights"]!["sha256"])!.Length);
        Assert.True(DateTimeOffset.Parse((string)json["created"]!) > DateTimeOffset.UtcNow.AddHours(-1));
    }

    [Fact]
    public void TruncatedWeightsAreRefused()
    {
        string stem = SavedModel("truncated", out var network);
        network.Dispose();
        var bytes = File.ReadAllBytes(stem + ".weights");
        File.WriteAllBytes(stem + ".weights", bytes[..(bytes.Length / 2)]);
        var error = Assert.Throws<ModelFileException>(() => PolicyValueNetwork.Load(stem));
        Assert.Contains("truncated", error.Message);
        Assert.Contains("gen-0001.weights", error.Message);
    }

    [Fact]
    public void CorruptWeightsAreRefused()
    {
        string stem = SavedModel("corrupt", out var network);
        network.Dispose();
        var bytes = File.ReadAllBytes(stem + ".weights");
        bytes[bytes.Length / 2] ^= 0x5A;
        File.WriteAllBytes(stem + ".weights", bytes);
        var error = Assert.Throws<ModelFileException>(() => PolicyValueNetwork.Load(stem + ".json"));
        Assert.Contains("corrupt", error.Message);
    }

    [Fact]
    public void BrokenManifestsAreRefused()
    {
        string stem = SavedModel("broken-json", out var network);
        network.Dispose();
        File.WriteAllText(stem + ".json", "{ \"format\": \"zerogo-network\", ");
        var error = Assert.Throws<ModelFileException>(() => PolicyValueNetwork.Load(stem));
        Assert.Contains("not a valid model manifest", error.Message);

        File.WriteAllText(stem + ".json", "{ \"format\": \"something-else\" }");
        Assert.Contains("not a ZeroGo network manifest", Assert.Throws<ModelFileException>(() => PolicyValueNetwork.Load(stem)).Message);
    }

    [Fact]
    public void AnotherArchitectureKindIsRefused()
    {
        string stem = SavedModel("kind", out var network);
        network.Dispose();
        Edit(stem, json => json["architecture"]!["kind"] = "leela-zero");
        var error = Assert.Throws<ModelFileException>(() => PolicyValueNetwork.Load(stem));
        Assert.Contains("architecture 'leela-zero'", error.Message);
    }

    [Fact]
    public void AnotherFeatureVersionIsRefused()
    {
        string stem = SavedModel("features", out var network);
        network.Dispose();
        Edit(stem, json => json["features"]!["version"] = FeatureEncoder.Version + 1);
        var error = Assert.Throws<ModelFileException>(() => PolicyValueNetwork.Load(stem));
        Assert.Contains($"features version {FeatureEncoder.Version + 1}", error.Message);
    }

    [Fact]
    public void WeightsThatDoNotFitTheManifestsArchitectureAreRefused()
    {
        // The manifest claims 32 channels; the (intact, checksummed) weights hold 16.
        string stem = SavedModel("mismatch", out var network);
        network.Dispose();
        Edit(stem, json => json["architecture"]!["channels"] = 32);
        var error = Assert.Throws<ModelFileException>(() => PolicyValueNetwork.Load(stem));
        Assert.Contains("does not fit", error.Message);
    }

    [Fact]
    public void AModelOfAnotherShapeThanExpectedIsRefused()
    {
        string stem = SavedModel("expected", out var network);
        network.Dispose();
        var error = Assert.Throws<ModelFileException>(() => PolicyValueNetwork.Load(stem, expected: NetworkConfig.B6C64));
        Assert.Contains("b3c16", error.Message);
        Assert.Contains("expected b6c64", error.Message);
    }

    [Fact]
    public void MissingFilesAreNamed()
    {
        string folder = Folder("missing");
        var error = Assert.Throws<ModelFileException>(() => PolicyValueNetwork.Load(Path.Combine(folder, "nothing")));
        Assert.Contains("model not found", error.Message);
        Assert.Contains("nothing.json", error.Message);

        string stem = SavedModel("missing-weights", out var network);
        network.Dispose();
        File.Delete(stem + ".weights");
        Assert.Contains("is missing", Assert.Throws<ModelFileException>(() => PolicyValueNetwork.Load(stem)).Message);
    }

    private static void Edit(string stem, Action<JsonNode> change)
    {
        var json = JsonNode.Parse(File.ReadAllText(stem + ".json"))!;
        change(json);
        File.WriteAllText(stem + ".json", json.ToJsonString());
    }
}
