using System.Collections.Concurrent;
using TorchSharp;

namespace ZeroGo.Neural;

/// <summary>
/// Numbers for tensor operations as TorchSharp <see cref="Scalar"/>s that live as long as the process. TorchSharp 0.107
/// turns a plain number passed to a tensor method (<c>x.sub_(14.0)</c>) into a Scalar it leaves to the garbage
/// collector, and passes that Scalar's native handle to libtorch without keeping the Scalar alive through the call:
/// a collection on another thread can finalize it while libtorch still reads it. Seen here under load as
/// "Expected false to be true … toDouble at c10/core/Scalar.h" in <c>sub_</c> during evaluation and <c>mul_</c> in a
/// training step. The network and trainer use a handful of fixed numbers, so each is made into a Scalar once;
/// a number that changes per call belongs in a <c>using</c> Scalar instead.
/// </summary>
public static class StableScalars
{
    private static readonly ConcurrentDictionary<double, Scalar> Kept = new();

    /// <summary>
    /// 1, the alpha to pass to <c>add</c> of two tensors: TorchSharp's <c>a + b</c>, <c>a.add(b)</c> and
    /// <c>a.add_(b)</c> make a fresh Scalar 1 for alpha on every call (two training runs died in that add).
    /// </summary>
    public static Scalar One => Of(1);

    /// <summary>The kept Scalar of <paramref name="value"/> (for fixed numbers only: each distinct value is kept forever).</summary>
    public static Scalar Of(double value) => Kept.GetOrAdd(value, number => number.ToScalar());
}
