using ZeroGo.Go;

namespace ZeroGo.Search;

/// <summary>
/// What the search does to the root's priors once per root: KataGo's root policy temperature, then AlphaZero's
/// Dirichlet noise. Applied when the root is expanded, or at the start of a run over a reused root (a reused root
/// was a child before, so its priors are still raw); priors below the root are never touched. Not thread-safe:
/// called under the tree lock.
/// </summary>
internal sealed class RootNoise(SearchOptions options, FastRandom random)
{
    private FastRandom _random = random;
    private bool _applied;

    /// <summary>A new root (cleared tree, or a subtree moved up): its priors are raw again.</summary>
    public void Reset() => _applied = false;

    /// <summary>Under the tree lock, right after the root (node 0 of <paramref name="store"/>) is expanded.</summary>
    public void ApplyOnce(NodeStore store)
    {
        if (_applied || (options.DirichletEpsilon <= 0 && options.RootPolicyTemperature == 1))
        {
            return;
        }

        _applied = true;
        ref var root = ref store.NodeAt(0);
        var edges = store.EdgesOf(root);
        if (options.RootPolicyTemperature != 1)
        {
            ApplyTemperature(edges, options.RootPolicyTemperature);
        }

        if (edges.Length < 2 || options.DirichletEpsilon <= 0)
        {
            return;
        }

        Span<double> noise = edges.Length <= 1024 ? stackalloc double[edges.Length] : new double[edges.Length];
        Dirichlet.Sample(ref _random, options.DirichletAlphaTotal / edges.Length, noise);
        double epsilon = options.DirichletEpsilon;
        for (int i = 0; i < edges.Length; i++)
        {
            if (edges[i].Child >= 0 && (float)edges[i].Prior > 0)
            {
                edges[i].Prior = (Half)((1 - epsilon) * (double)edges[i].Prior + epsilon * noise[i]);
            }
        }
    }

    /// <summary>Priors p^(1/T), renormalised (KataGo's rootPolicyTemperature); keeps the edges' order, illegal (0) stays 0.</summary>
    private static void ApplyTemperature(Span<Edge> edges, double temperature)
    {
        double sum = 0;
        Span<double> shaped = edges.Length <= 1024 ? stackalloc double[edges.Length] : new double[edges.Length];
        for (int i = 0; i < edges.Length; i++)
        {
            double prior = (double)edges[i].Prior;
            shaped[i] = edges[i].Child >= 0 && prior > 0 ? Math.Pow(prior, 1 / temperature) : 0;
            sum += shaped[i];
        }

        if (sum <= 0)
        {
            return;
        }

        for (int i = 0; i < edges.Length; i++)
        {
            edges[i].Prior = (Half)(shaped[i] / sum);
        }
    }
}
