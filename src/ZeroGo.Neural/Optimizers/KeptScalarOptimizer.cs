using TorchSharp;
using static TorchSharp.torch;
using Parameter = TorchSharp.Modules.Parameter;

namespace ZeroGo.Neural.Optimizers;

/// <summary>
/// An optimiser whose every number reaches libtorch as a Scalar held for the whole native call. TorchSharp 0.107's
/// <c>optim.SGD</c> and <c>optim.AdamW</c> build Scalars of plain numbers inside <c>step()</c> and leave them to the
/// finalizer, which can free one while libtorch reads it (see <see cref="StableScalars"/>): a long run died of it.
/// Fixed numbers come from <see cref="StableScalars"/>; numbers that change per step (the learning rate and what is
/// derived from it) are disposed only after the operations that read them. The state (momentum, moments) is saved
/// in ZeroGo's own file (<see cref="OptimizerStateFile"/>), checked against the parameters on loading.
/// </summary>
public abstract class KeptScalarOptimizer : IDisposable
{
    private readonly List<StateSlot> _slots = [];
    private bool _disposed;

    protected KeptScalarOptimizer(IEnumerable<Parameter> parameters, double learningRate)
    {
        Parameters = parameters.ToList();
        if (Parameters.Count == 0)
        {
            throw new ArgumentException("no parameters to optimise", nameof(parameters));
        }

        LearningRate = learningRate;
    }

    /// <summary>The learning rate of the next <see cref="Step"/>.</summary>
    public double LearningRate { get; set; }

    /// <summary>Steps taken (restored from a state file), for bias corrections.</summary>
    public long StepsTaken { get; private set; }

    /// <summary>The kind written into the state file, so a file of the other optimiser is refused.</summary>
    public abstract string Kind { get; }

    protected IReadOnlyList<Parameter> Parameters { get; }

    /// <summary>Zeroes the gradients (those that exist) before a backward pass accumulates new ones.</summary>
    public void ZeroGrad()
    {
        using var noGrad = torch.no_grad();
        foreach (var parameter in Parameters)
        {
            parameter.grad?.zero_();
        }
    }

    /// <summary>One update of every parameter that has a gradient.</summary>
    public void Step()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        using var noGrad = torch.no_grad();
        using var scope = torch.NewDisposeScope();
        StepsTaken++;
        Update();
    }

    /// <summary>Writes the state (atomically: a temporary file moved into place).</summary>
    public void Save(string path) => OptimizerStateFile.Write(path, Kind, StepsTaken, _slots.Select(s => s.Tensor).ToList());

    /// <summary>Reads a state written by <see cref="Save"/> for the same parameters; a mismatch is refused with the reason.</summary>
    public void Load(string path)
    {
        var saved = OptimizerStateFile.Read(path);
        if (saved.Kind != Kind)
        {
            throw new InvalidDataException($"{path} holds the state of a {saved.Kind} optimiser, not {Kind}");
        }

        if (saved.Tensors.Count != _slots.Count)
        {
            throw new InvalidDataException($"{path} holds {saved.Tensors.Count} state tensors; this network's {Kind} optimiser has {_slots.Count}");
        }

        for (int i = 0; i < _slots.Count; i++)
        {
            long expected = _slots[i].Tensor.numel();
            if (saved.Tensors[i].LongLength != expected)
            {
                throw new InvalidDataException($"{path}: state tensor {i} ({_slots[i].Name}) has {saved.Tensors[i].LongLength} values, the network {expected}");
            }
        }

        using var noGrad = torch.no_grad();
        for (int i = 0; i < _slots.Count; i++)
        {
            var target = _slots[i].Tensor;
            using var loaded = torch.tensor(saved.Tensors[i], target.shape);
            target.copy_(loaded);
        }

        StepsTaken = saved.StepsTaken;
    }

    /// <summary>Makes a zero state tensor shaped like <paramref name="parameter"/>, saved and restored with the optimiser.</summary>
    protected Tensor NewState(Parameter parameter, string name)
    {
        var tensor = torch.zeros_like(parameter).DetachFromDisposeScope();
        _slots.Add(new StateSlot(name, tensor));
        return tensor;
    }

    /// <summary>Updates the parameters in place (gradients off, inside a dispose scope); <see cref="StepsTaken"/> already counts this step.</summary>
    protected abstract void Update();

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        foreach (var slot in _slots)
        {
            slot.Tensor.Dispose();
        }

        GC.SuppressFinalize(this);
    }

    private sealed record StateSlot(string Name, Tensor Tensor);
}
