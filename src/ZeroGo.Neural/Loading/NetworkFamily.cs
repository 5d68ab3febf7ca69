namespace ZeroGo.Neural.Loading;

/// <summary>The two network families <c>--model FILE</c> accepts.</summary>
public enum NetworkFamily
{
    /// <summary>ZeroGo's own model (STEM.json + STEM.weights), any board size it was made for.</summary>
    ZeroGo,

    /// <summary>A Leela Zero weight file (text, plain or gzip): 19x19 only.</summary>
    LeelaZero,
}
