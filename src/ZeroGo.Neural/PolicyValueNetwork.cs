using TorchSharp;
using ZeroGo.Go;
using ZeroGo.Neural.Architecture;
using ZeroGo.Neural.Features;
using ZeroGo.Neural.Files;
using ZeroGo.Search;
using static TorchSharp.torch;

namespace ZeroGo.Neural;

/// <summary>
/// A policy/value network (residual tower, <see cref="NetworkConfig"/>) with its device, precision and
/// model-file metadata. Create a fresh one with <see cref="Create"/>, read one with <see cref="Load"/>, write
/// with <see cref="Save"/> (the files themselves, manifest and checks, are <see cref="ModelFile"/>'s). <see cref="Infer"/> and <see cref="ReadBlockActivations"/> are thread-safe
/// (serialised); <see cref="Forward"/> is the raw module call for training (the caller owns train/eval mode).
/// </summary>
public sealed class PolicyValueNetwork : IDisposable
{
    private static readonly object SeededCreation = new();

    private readonly ResidualNetwork _module;
    private readonly object _inferenceLock = new();
    private bool _disposed;

    private PolicyValueNetwork(NetworkConfig config, ResidualNetwork module, Device device, ModelInfo info)
    {
        Config = config;
        _module = module;
        Device = device;
        Info = info;
    }

    public NetworkConfig Config { get; }

    /// <summary>What the model file said (or what a fresh network was created with).</summary>
    public ModelInfo Info { get; private set; }

    public Device Device { get; private set; }

    public Precision Precision { get; private set; } = Precision.Float32;

    /// <summary>The TorchSharp module: parameters() for an optimiser, train()/eval().</summary>
    public nn.Module Module => _module;

    /// <summary>"b6c64 (bf16, cpu)".</summary>
    public string Description => $"{Config.Name} ({Precision.ShortName()}, {ComputeDevice.Describe(Device)})";

    public long ParameterCount => _module.parameters().Sum(p => p.numel());

    /// <summary>A freshly initialised network (random weights; <paramref name="seed"/> makes them reproducible).</summary>
    public static PolicyValueNetwork Create(NetworkConfig config, string device = ComputeDevice.Cpu, long? seed = null)
    {
        config.Validate();
        var target = ComputeDevice.Parse(device);
        ResidualNetwork module;
        // libtorch's generator is process-wide: two threads creating seeded networks at once would share its draws.
        lock (SeededCreation)
        {
            if (seed is long s)
            {
                torch.manual_seed(s);
            }

            module = new ResidualNetwork(config);
        }

        module.eval();
        if (target.type != DeviceType.CPU)
        {
            module.to(target);
        }

        return new PolicyValueNetwork(config, module, target, new ModelInfo { Created = DateTimeOffset.UtcNow, Notes = "freshly initialised" });
    }

    /// <summary>A freshly initialised network of the default shape for <paramref name="geometry"/> (<see cref="NetworkConfig.DefaultFor"/>).</summary>
    public static PolicyValueNetwork CreateForBoard(BoardGeometry geometry, string device = ComputeDevice.Cpu, long? seed = null)
    {
        var network = Create(NetworkConfig.DefaultFor(geometry), device, seed);
        network.Info = network.Info with { BoardSizes = [geometry.ToString()] };
        return network;
    }

    /// <summary>
    /// Reads <c>STEM.json</c> + <c>STEM.weights</c> (either file or the stem may be named). Throws
    /// <see cref="ModelFileException"/> saying which file and why for a missing, corrupt or truncated file, an
    /// unknown architecture or format, another feature version, or a shape other than <paramref name="expected"/>.
    /// </summary>
    public static PolicyValueNetwork Load(string pathOrStem, string device = ComputeDevice.Cpu, NetworkConfig? expected = null)
    {
        var paths = ModelPaths.From(pathOrStem);
        var (manifest, config, weights) = ModelFile.Read(paths, expected);
        var target = ComputeDevice.Parse(device);
        var module = new ResidualNetwork(config);
        try
        {
            using var stream = new MemoryStream(weights, writable: false);
            module.load(stream, strict: true);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            module.Dispose();
            throw new ModelFileException(
                $"{paths.Weights} does not fit the {ModelFile.Describe(config)} architecture its manifest describes: {e.Message}", e);
        }

        module.eval();
        if (target.type != DeviceType.CPU)
        {
            module.to(target);
        }

        var info = new ModelInfo
        {
            BoardSizes = manifest.BoardSizes,
            TrainingSteps = manifest.TrainingSteps,
            Notes = manifest.Notes,
            CpuHours = manifest.CpuHours,
            Created = manifest.Created,
            TrainingData = manifest.TrainingData,
            TrainingDataLicence = manifest.TrainingDataLicence,
        };
        return new PolicyValueNetwork(config, module, target, info);
    }

    /// <summary>
    /// Writes <c>STEM.weights</c> then <c>STEM.json</c> (each to a temporary file renamed into place, manifest
    /// last, so a reader never sees a manifest without its complete weights). Weights are always saved in fp32.
    /// </summary>
    public ModelManifest Save(string pathOrStem, ModelInfo? info = null)
    {
        var paths = ModelPaths.From(pathOrStem);
        info ??= Info;
        byte[] weights;
        lock (_inferenceLock)
        {
            ThrowIfDisposed();
            using var copy = Precision == Precision.Float32 && Device.type == DeviceType.CPU ? null : Clone(ComputeDevice.Cpu);
            using var stream = new MemoryStream();
            (copy?._module ?? _module).save(stream);
            weights = stream.ToArray();
        }

        var manifest = ModelFile.Write(paths, Config, info, weights, ParameterCount);
        Info = info;
        return manifest;
    }

    /// <summary>An independent copy (same weights) on <paramref name="device"/> (default: this one's), in fp32.</summary>
    public PolicyValueNetwork Clone(string? device = null)
    {
        var target = device is null ? Device : ComputeDevice.Parse(device);
        var module = new ResidualNetwork(Config);
        lock (_inferenceLock)
        {
            ThrowIfDisposed();
            CopyState(_module, module);
        }

        module.eval();
        if (target.type != DeviceType.CPU)
        {
            module.to(target);
        }

        return new PolicyValueNetwork(Config, module, target, Info);
    }

    /// <summary>
    /// A copy for mixed-precision training (weights and statistics as now): convolution and linear layers in
    /// <paramref name="precision"/>, batch norms (scale, shift and running statistics) kept in fp32. libtorch
    /// normalises bf16 activations with fp32 parameters, so the running mean and variance are accumulated at
    /// fp32 accuracy (a bf16 running average would lose small momentum updates to rounding). Reports
    /// <paramref name="precision"/> as its <see cref="Precision"/>: <see cref="Infer"/> feeds it inputs of that type.
    /// </summary>
    public PolicyValueNetwork CloneForMixedPrecision(Precision precision)
    {
        var copy = Clone();
        if (precision != Precision.Float32)
        {
            copy._module.to(precision.ToScalarType());
            foreach (var module in copy._module.modules())
            {
                if (module is MaskedBatchNorm norm)
                {
                    norm.to(ScalarType.Float32);
                }
            }

            copy.Precision = precision;
        }

        return copy;
    }

    /// <summary>
    /// A deeper copy of this network that computes exactly the same function: the first
    /// <see cref="NetworkConfig.Blocks"/> blocks, stem and heads keep their weights, and
    /// <paramref name="blocks"/> − Blocks new residual blocks are appended before the trunk's final norm with their
    /// last convolution at zero, so each adds nothing to the stream until training moves it (the zero-initialised
    /// residual branch of Goyal et al. and Net2DeeperNet). Lets a trained network grow when its accuracy flattens
    /// instead of starting a larger one from random weights. The copy is in fp32 on this network's device.
    /// </summary>
    public PolicyValueNetwork Deepened(int blocks, long seed)
    {
        if (blocks < Config.Blocks)
        {
            throw new ArgumentException($"a {Config.Name} network cannot be deepened to {blocks} blocks (fewer than it has)", nameof(blocks));
        }

        var deeper = Create(Config with { Blocks = blocks }, ComputeDevice.Cpu, seed);
        lock (_inferenceLock)
        {
            ThrowIfDisposed();
            using var noGrad = torch.no_grad();
            using var source = Precision == Precision.Float32 && Device.type == DeviceType.CPU ? null : Clone(ComputeDevice.Cpu);
            var sourceState = (source?._module ?? _module).state_dict();
            foreach (var (name, tensor) in deeper._module.state_dict())
            {
                if (sourceState.TryGetValue(name, out var kept))
                {
                    tensor.copy_(kept);
                }
            }

            foreach (var block in deeper._module.Blocks.Skip(Config.Blocks))
            {
                block.SilenceResidualBranch();
            }
        }

        if (Device.type != DeviceType.CPU)
        {
            deeper._module.to(Device);
            deeper.Device = Device;
        }

        deeper.Info = Info with { Notes = $"{Config.Name} deepened to {deeper.Config.Name} (new blocks start as identity); {Info.Notes}" };
        return deeper;
    }

    /// <summary>Takes the weights of <paramref name="source"/> (same shape), e.g. after a training step.</summary>
    public void CopyWeightsFrom(PolicyValueNetwork source)
    {
        if (source.Config != Config)
        {
            throw new ArgumentException($"cannot copy {source.Config.Name} weights into a {Config.Name} network", nameof(source));
        }

        lock (_inferenceLock)
        {
            ThrowIfDisposed();
            CopyState(source._module, _module);
            Info = source.Info;
        }
    }

    /// <summary>Casts the module for inference (bf16 runs 2-3x faster on AVX-512 BF16 CPUs). Training needs fp32.</summary>
    public void SetPrecision(Precision precision)
    {
        lock (_inferenceLock)
        {
            ThrowIfDisposed();
            if (precision != Precision)
            {
                _module.to(precision.ToScalarType());
                Precision = precision;
            }
        }
    }

    /// <summary>The raw module call (gradients flow unless the caller disabled them). Inputs from <see cref="FeatureBatch"/>.</summary>
    public NetworkOutput Forward(Tensor spatial, Tensor global) => _module.Forward(spatial, global);

    /// <summary>Evaluates a batch in eval mode without gradients and copies the outputs to arrays. Thread-safe.</summary>
    public InferenceResult Infer(FeatureBatch batch)
    {
        lock (_inferenceLock)
        {
            ThrowIfDisposed();
            using var scope = torch.NewDisposeScope();
            using var noGrad = torch.no_grad();
            _module.eval();
            var (spatial, global) = batch.ToTensors(Device, Precision.ToScalarType());
            var output = _module.Forward(spatial, global);
            return new InferenceResult(batch.Count, batch.GridWidth, batch.GridHeight,
                ToArray(output.PolicyLogits), ToArray(output.OutcomeLogits), ToArray(output.ScoreLead), ToArray(output.Ownership));
        }
    }

    /// <summary>
    /// The residual stream after every block for one position (identity symmetry), for the board's layers view:
    /// one array per block, indexed [channel, row, column] on the request's board.
    /// </summary>
    public IReadOnlyList<float[,,]> ReadBlockActivations(EvaluationRequest request)
    {
        var encoded = new EncodedPosition();
        FeatureEncoder.Encode(request, Symmetry.Identity, encoded);
        var batch = new FeatureBatch();
        batch.Add(encoded);
        lock (_inferenceLock)
        {
            ThrowIfDisposed();
            using var scope = torch.NewDisposeScope();
            using var noGrad = torch.no_grad();
            _module.eval();
            var (spatial, global) = batch.ToTensors(Device, Precision.ToScalarType());
            var blocks = new List<Tensor>();
            _module.Forward(spatial, global, blocks);
            int height = encoded.Height, width = encoded.Width;
            var result = new List<float[,,]>(blocks.Count);
            foreach (var block in blocks)
            {
                float[] flat = ToArray(block);
                var activations = new float[Config.Channels, height, width];
                Buffer.BlockCopy(flat, 0, activations, 0, flat.Length * sizeof(float));
                result.Add(activations);
            }

            return result;
        }
    }

    public void Dispose()
    {
        lock (_inferenceLock)
        {
            if (!_disposed)
            {
                _disposed = true;
                _module.Dispose();
            }
        }
    }

    public override string ToString() => Description;

    private static float[] ToArray(Tensor tensor)
    {
        using var cpu = tensor.to(ScalarType.Float32, torch.CPU).contiguous();
        return cpu.data<float>().ToArray();
    }

    private static void CopyState(nn.Module source, nn.Module destination)
    {
        using var noGrad = torch.no_grad();
        var sourceState = source.state_dict();
        foreach (var (name, tensor) in destination.state_dict())
        {
            tensor.copy_(sourceState[name]);
        }
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);
}
