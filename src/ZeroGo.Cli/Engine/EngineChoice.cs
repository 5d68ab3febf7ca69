namespace ZeroGo.Cli.Engine;

/// <summary>What <c>--engine</c> of play, replay and render accepts.</summary>
internal static class EngineChoice
{
    public const string Auto = "auto";
    public const string Network = "network";
    public const string Playouts = "playouts";
    public const string Flat = "flat";

    public const string Help =
        "auto (the network of --model, else a bundled one from models/ — made for the board size if there is one —, else playouts), network (MCTS over a network), " +
        "playouts (MCTS with random-rollout evaluation), flat (flat Monte Carlo, the simplest opponent).";

    /// <summary>The canonical name; "search" and "rollouts" are older names of playouts.</summary>
    public static string Normalize(string engine) => engine.Trim().ToLowerInvariant() switch
    {
        "search" or "rollouts" or "rollout" => Playouts,
        var name => name,
    };

    /// <summary>Null when the choice is valid with <paramref name="model"/>, else the error.</summary>
    public static string? Check(string engine, string? model) => Normalize(engine) switch
    {
        Auto or Network => null,
        Playouts or Flat when model is not null => $"--model needs --engine network or auto (got --engine {engine})",
        Playouts or Flat => null,
        _ => $"--engine must be auto, network, playouts or flat (got '{engine}')",
    };
}
