using TorchSharp;
using static TorchSharp.torch;

namespace ZeroGo.Neural.Architecture;

/// <summary>
/// Which points of a padded batch are on a board. Boards of any size up to the grid sit in its top-left corner;
/// every layer multiplies by the mask so that padding stays zero (as off-board space must, for the convolutions
/// to see the true edge) and global pooling averages over real points only. When every board fills the grid
/// (the usual single-size batch) <see cref="Mask"/> is null and the multiplications are skipped.
/// </summary>
internal sealed class BoardMask
{
    private BoardMask(Tensor? mask, Tensor area, Tensor sqrtAreaOffset)
    {
        Mask = mask;
        Area = area;
        SqrtAreaOffset = sqrtAreaOffset;
    }

    /// <summary>[N, 1, H, W] in the network's precision, or null when no point is padding.</summary>
    public Tensor? Mask { get; }

    /// <summary>[N, 1]: on-board points per position.</summary>
    public Tensor Area { get; }

    /// <summary>[N, 1]: (sqrt(area) - 14) / 10, KataGo's board-size scale for pooled means (0 on 14x14, -1 on 4x4).</summary>
    public Tensor SqrtAreaOffset { get; }

    /// <summary>Reads the mask from feature plane 0 (1 on the board, 0 in padding).</summary>
    public static BoardMask FromInput(Tensor spatial)
    {
        long height = spatial.shape[2];
        long width = spatial.shape[3];
        var plane = spatial.narrow(1, 0, 1);
        // Count in fp32: bf16 cannot hold 361 exactly.
        var area = plane.to(ScalarType.Float32).sum([2, 3]);
        bool full = area.min().item<float>() >= height * width;
        var offset = area.sqrt().sub_(StableScalars.Of(14.0)).div_(StableScalars.Of(10.0));
        return new BoardMask(full ? null : plane, area.to(spatial.dtype), offset.to(spatial.dtype));
    }

    public Tensor Apply(Tensor x) => Mask is null ? x : x.mul(Mask);

    /// <summary>Mean, size-scaled mean and max of each channel over the board: [N, C, H, W] to [N, 3C].</summary>
    /// <remarks><paramref name="x"/> must be non-negative and zero off the board (a masked ReLU output), so the max ignores padding.</remarks>
    public Tensor Pool(Tensor x)
    {
        var mean = x.sum([2, 3]).div_(Area);
        var scaled = mean.mul(SqrtAreaOffset);
        var max = x.amax([2, 3]);
        return torch.cat([mean, scaled, max], 1);
    }
}
