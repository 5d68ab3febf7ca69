namespace ZeroGo.Search;

/// <summary>
/// Sums the ownership of the evaluations a search makes, seen from the root's side to move, and gives their mean:
/// for the whole search, and per root move when the analysis asks for each move's ownership. Not thread-safe:
/// the search adds under its tree lock.
/// </summary>
internal sealed class OwnershipAccumulator(int area)
{
    private readonly float[] _sum = new float[area];
    private int _count;

    public int Area => _sum.Length;

    /// <summary>Adds one evaluation's ownership (+1 = the leaf's side to move), negated when that side is not the root's.</summary>
    public void Add(float[] ownership, bool sameSideAsRoot)
    {
        var sum = _sum;
        if (sameSideAsRoot)
        {
            for (int i = 0; i < sum.Length; i++)
            {
                sum[i] += ownership[i];
            }
        }
        else
        {
            for (int i = 0; i < sum.Length; i++)
            {
                sum[i] -= ownership[i];
            }
        }

        _count++;
    }

    public void Clear()
    {
        Array.Clear(_sum);
        _count = 0;
    }

    /// <summary>The mean so far (a new array), or null before the first evaluation with ownership.</summary>
    public float[]? Mean()
    {
        if (_count == 0)
        {
            return null;
        }

        var mean = new float[_sum.Length];
        for (int i = 0; i < mean.Length; i++)
        {
            mean[i] = _sum[i] / _count;
        }

        return mean;
    }
}
