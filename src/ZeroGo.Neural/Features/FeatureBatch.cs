using TorchSharp;
using static TorchSharp.torch;

namespace ZeroGo.Neural.Features;

/// <summary>
/// Encoded positions padded into one grid (each board in the top-left corner; the on-board plane marks the
/// rest as padding) and turned into the network's two input tensors. Used by the evaluator and by training.
/// </summary>
public sealed class FeatureBatch
{
    private readonly List<EncodedPosition> _positions = [];

    public int Count => _positions.Count;

    public IReadOnlyList<EncodedPosition> Positions => _positions;

    /// <summary>Grid width: the widest board added.</summary>
    public int GridWidth { get; private set; }

    public int GridHeight { get; private set; }

    public void Clear()
    {
        _positions.Clear();
        GridWidth = 0;
        GridHeight = 0;
    }

    /// <summary>Adds a position (kept by reference until <see cref="Clear"/>).</summary>
    public void Add(EncodedPosition position)
    {
        _positions.Add(position);
        GridWidth = Math.Max(GridWidth, position.Width);
        GridHeight = Math.Max(GridHeight, position.Height);
    }

    /// <summary>Index of a grid point in the flattened planes and policy (row-major, H x W).</summary>
    public int GridIndex(int column, int row) => row * GridWidth + column;

    /// <summary>Spatial [N, planes, H, W] and global [N, G] tensors on <paramref name="device"/> in <paramref name="precision"/>.</summary>
    public (Tensor Spatial, Tensor Global) ToTensors(Device device, ScalarType precision)
    {
        if (Count == 0)
        {
            throw new InvalidOperationException("the batch is empty");
        }

        TorchRuntime.EnsureInitialized();
        int planes = FeatureEncoder.SpatialPlanes;
        int gridArea = GridWidth * GridHeight;
        var spatial = new float[Count * planes * gridArea];
        var global = new float[Count * FeatureEncoder.GlobalFeatures];
        for (int i = 0; i < Count; i++)
        {
            var position = _positions[i];
            var destination = spatial.AsSpan(i * planes * gridArea, planes * gridArea);
            if (position.Width == GridWidth && position.Height == GridHeight)
            {
                position.Spatial.AsSpan(0, planes * gridArea).CopyTo(destination);
            }
            else
            {
                for (int plane = 0; plane < planes; plane++)
                {
                    for (int row = 0; row < position.Height; row++)
                    {
                        position.Spatial.AsSpan((plane * position.Height + row) * position.Width, position.Width)
                            .CopyTo(destination.Slice(plane * gridArea + row * GridWidth));
                    }
                }
            }

            position.Global.AsSpan().CopyTo(global.AsSpan(i * FeatureEncoder.GlobalFeatures));
        }

        var spatialTensor = torch.tensor(spatial, [Count, planes, GridHeight, GridWidth]);
        var globalTensor = torch.tensor(global, [Count, FeatureEncoder.GlobalFeatures]);
        if (device.type != DeviceType.CPU || precision != ScalarType.Float32)
        {
            spatialTensor = spatialTensor.to(precision, device);
            globalTensor = globalTensor.to(precision, device);
        }

        return (spatialTensor, globalTensor);
    }
}
