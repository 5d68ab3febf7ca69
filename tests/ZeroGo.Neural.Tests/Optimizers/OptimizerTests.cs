using TorchSharp;
using ZeroGo.Neural.Optimizers;
using static TorchSharp.torch;

namespace ZeroGo.Neural.Tests.Optimizers;

/// <summary>
/// ZeroGo's optimisers against TorchSharp's own (the oracle: the same formulas as PyTorch): the same module, the
/// same batches, a few steps with a learning rate that changes every step, parameters compared after each.
/// </summary>
public class OptimizerTests
{
    private static nn.Module<Tensor, Tensor> Model() => nn.Sequential(nn.Linear(6, 8), nn.Tanh(), nn.Linear(8, 3));

    /// <summary>
    /// A second module with the same weights, copied: seeding libtorch's global generator twice does not give twice
    /// the same weights while tests of other classes draw from it in parallel (it failed so, once, under nanfill).
    /// </summary>
    private static nn.Module<Tensor, Tensor> CopyOf(nn.Module<Tensor, Tensor> source)
    {
        var copy = Model();
        using var noGrad = torch.no_grad();
        foreach (var (from, to) in source.parameters().Zip(copy.parameters()))
        {
            to.copy_(from);
        }

        return copy;
    }

    private static Tensor Loss(nn.Module<Tensor, Tensor> model, int step)
    {
        var generator = new torch.Generator((ulong)(100 + step));
        var input = torch.randn([16, 6], generator: generator);
        var target = torch.randn([16, 3], generator: generator);
        return (model.call(input) - target).square().mean();
    }

    private static void AssertSameParameters(nn.Module<Tensor, Tensor> expected, nn.Module<Tensor, Tensor> actual, int step)
    {
        foreach (var (want, got) in expected.parameters().Zip(actual.parameters()))
        {
            double difference = (want - got).abs().max().item<float>();
            Assert.True(difference < 1e-5, $"step {step}: parameters differ by {difference}");
        }
    }

    private static double RateAt(int step) => 0.05 / (1 + step);

    /// <summary>Six steps of both on the same batches, the learning rate changing every step; parameters compared after each.</summary>
    private static void AssertFollows(nn.Module<Tensor, Tensor> reference, torch.optim.Optimizer oracle, nn.Module<Tensor, Tensor> ours, KeptScalarOptimizer optimizer)
    {
        for (int step = 0; step < 6; step++)
        {
            foreach (var group in oracle.ParamGroups)
            {
                group.LearningRate = RateAt(step);
            }

            optimizer.LearningRate = RateAt(step);
            oracle.zero_grad();
            Loss(reference, step).backward();
            oracle.step();
            optimizer.ZeroGrad();
            Loss(ours, step).backward();
            optimizer.Step();
            AssertSameParameters(reference, ours, step);
        }
    }

    [Fact]
    public void Sgd_with_momentum_and_weight_decay_follows_TorchSharps_SGD()
    {
        using var reference = Model();
        using var ours = CopyOf(reference);
        using var untouched = CopyOf(reference);
        using var oracle = torch.optim.SGD(reference.parameters(), RateAt(0), momentum: 0.9, weight_decay: 1e-2);
        using var optimizer = new SgdMomentum(ours.parameters(), RateAt(0), momentum: 0.9, weightDecay: 1e-2);
        AssertFollows(reference, oracle, ours, optimizer);

        // The optimiser must actually move the weights: a no-op would also "match" a no-op oracle.
        Assert.True((untouched.parameters().First() - ours.parameters().First()).abs().max().item<float>() > 1e-3);
    }

    [Fact]
    public void AdamW_follows_TorchSharps_AdamW()
    {
        using var reference = Model();
        using var ours = CopyOf(reference);
        using var oracle = torch.optim.AdamW(reference.parameters(), RateAt(0), weight_decay: 0.05);
        using var optimizer = new AdamW(ours.parameters(), RateAt(0), weightDecay: 0.05);
        AssertFollows(reference, oracle, ours, optimizer);
    }

    [Fact]
    public void A_saved_state_resumes_exactly_where_it_stopped()
    {
        var path = Path.Combine(Path.GetTempPath(), $"zg-opt-{Guid.NewGuid():N}.optimizer");
        try
        {
            using var straight = Model();
            using var resumed = Model();
            using var first = new AdamW(straight.parameters(), 0.01, weightDecay: 0.01);
            for (int step = 0; step < 3; step++)
            {
                first.ZeroGrad();
                Loss(straight, step).backward();
                first.Step();
            }

            first.Save(path);
            using (var noGrad = torch.no_grad())
            {
                foreach (var (from, to) in straight.parameters().Zip(resumed.parameters()))
                {
                    to.copy_(from);
                }
            }

            using var second = new AdamW(resumed.parameters(), 0.01, weightDecay: 0.01);
            second.Load(path);
            Assert.Equal(3, second.StepsTaken);
            for (int step = 3; step < 5; step++)
            {
                first.ZeroGrad();
                Loss(straight, step).backward();
                first.Step();
                second.ZeroGrad();
                Loss(resumed, step).backward();
                second.Step();
            }

            AssertSameParameters(straight, resumed, 5);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Foreign_cut_or_mismatched_state_files_are_refused_with_the_reason()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"zg-opt-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            using var model = Model();
            using var sgd = new SgdMomentum(model.parameters(), 0.01, momentum: 0.9, weightDecay: 0);
            sgd.ZeroGrad();
            Loss(model, 0).backward();
            sgd.Step();
            var good = Path.Combine(folder, "good.optimizer");
            sgd.Save(good);

            var foreign = Path.Combine(folder, "torchsharp.optimizer");
            using (var oracle = torch.optim.SGD(model.parameters(), 0.01, momentum: 0.9))
            {
                oracle.save_state_dict(foreign);
            }

            Assert.Contains("not a ZeroGo optimiser state", Assert.Throws<InvalidDataException>(() => sgd.Load(foreign)).Message);

            var cut = Path.Combine(folder, "cut.optimizer");
            var bytes = File.ReadAllBytes(good);
            File.WriteAllBytes(cut, bytes[..(bytes.Length - 10)]);
            Assert.Contains("holds", Assert.Throws<InvalidDataException>(() => sgd.Load(cut)).Message);

            using var adam = new AdamW(model.parameters(), 0.01, weightDecay: 0);
            Assert.Contains("sgd optimiser, not adamw", Assert.Throws<InvalidDataException>(() => adam.Load(good)).Message);

            using var bigger = nn.Sequential(nn.Linear(6, 9), nn.Tanh(), nn.Linear(9, 3));
            using var other = new SgdMomentum(bigger.parameters(), 0.01, momentum: 0.9, weightDecay: 0);
            Assert.Contains("values, the network", Assert.Throws<InvalidDataException>(() => other.Load(good)).Message);

            sgd.Load(good);
            Assert.Equal(1, sgd.StepsTaken);
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }
}
