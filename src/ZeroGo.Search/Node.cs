using System.Runtime.InteropServices;

namespace ZeroGo.Search;

/// <summary>
/// One tree node: a position reached by <see cref="Move"/>, 44 bytes, stored by value in <see cref="NodeStore"/>
/// and addressed by int index. All value sums are from the view of the player who made <see cref="Move"/>
/// (the side to move at the parent), so a parent compares its children's Q directly.
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
internal struct Node
{
    /// <summary>Sum of backed-up values in [-1, 1] from the view of the player who moved into this node.</summary>
    public double ValueSum;

    /// <summary>Sum of backed-up score leads (points), same view as <see cref="ValueSum"/>.</summary>
    public double ScoreSum;

    /// <summary>
    /// Sum of squared backed-up score leads, for the score's spread (<see cref="ScoreSpread"/>). Both score sums are
    /// doubles: the variance is the mean square minus the squared mean, and in single precision a subtree of a
    /// hundred thousand visits with a lead of tens of points and a spread of one would keep none of its digits.
    /// </summary>
    public double ScoreSquareSum;

    /// <summary>Sum of squared values, for the LCB's variance.</summary>
    public float ValueSquareSum;

    /// <summary>Completed visits.</summary>
    public int Visits;

    /// <summary>First of <see cref="EdgeCount"/> contiguous edges (children as move/prior pairs); valid once expanded.</summary>
    public int FirstEdge;

    /// <summary>Padded point index of the move that led here; -1 for a pass (and for the root when unknown).</summary>
    public short Move;

    public short EdgeCount;

    /// <summary>Descents through this node not yet backed up (each adds virtual loss).</summary>
    public ushort InFlight;

    public NodeFlags Flags;

    /// <summary>Consecutive passes ending at this node (2 = game over).</summary>
    public byte Passes;

    public readonly bool IsExpanded => (Flags & NodeFlags.Expanded) != 0;

    public readonly bool IsTerminal => (Flags & NodeFlags.Terminal) != 0;
}

[Flags]
internal enum NodeFlags : byte
{
    None = 0,
    /// <summary>Evaluated and children (edges) created.</summary>
    Expanded = 1,
    /// <summary>Game over here (two passes): the value is exact, no evaluation.</summary>
    Terminal = 2,
    /// <summary>A descent is evaluating this node right now; others must not pick it as a leaf.</summary>
    Evaluating = 4,
}

/// <summary>
/// A child as Leela Zero keeps it: move and prior until its first visit, when a <see cref="Node"/> is
/// allocated and <see cref="Child"/> points to it. 8 bytes.
/// </summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
internal struct Edge
{
    /// <summary>Index of the child node, 0 when not yet visited (node 0 is always the root, never a child).</summary>
    public int Child;

    /// <summary>Policy prior (after root noise); 0 marks a child found illegal (superko) and never chosen.</summary>
    public Half Prior;

    /// <summary>Padded point index, -1 for pass.</summary>
    public short Move;
}
