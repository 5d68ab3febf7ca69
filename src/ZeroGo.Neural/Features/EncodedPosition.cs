namespace ZeroGo.Neural.Features;

/// <summary>
/// One position's network input at its own size: <see cref="FeatureEncoder.SpatialPlanes"/> planes of
/// Width x Height (row-major) and the global features. Reusable: <see cref="Reset"/> keeps the arrays when they fit.
/// </summary>
public sealed class EncodedPosition
{
    public int Width { get; private set; }

    public int Height { get; private set; }

    public int Area => Width * Height;

    /// <summary>[plane][row][column], length SpatialPlanes * Area (the array may be longer).</summary>
    public float[] Spatial { get; private set; } = [];

    public float[] Global { get; } = new float[FeatureEncoder.GlobalFeatures];

    /// <summary>Sizes the planes for a board and zeroes everything.</summary>
    public void Reset(int width, int height)
    {
        Width = width;
        Height = height;
        int length = FeatureEncoder.SpatialPlanes * width * height;
        if (Spatial.Length != length)
        {
            Spatial = new float[length];
        }
        else
        {
            Array.Clear(Spatial);
        }

        Array.Clear(Global);
    }

    public float this[int plane, int column, int row] => Spatial[plane * Area + row * Width + column];
}
