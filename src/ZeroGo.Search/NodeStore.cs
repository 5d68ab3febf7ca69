using System.Runtime.CompilerServices;

namespace ZeroGo.Search;

/// <summary>
/// All nodes and edges of one tree in chunked arrays of structs (65,536 nodes or 262,144 edges per chunk: 2.75 and
/// 2 MiB), addressed by int index: millions of nodes with no per-node objects for the garbage collector to trace.
/// An edge range never spans two chunks. Chunks are kept across <see cref="Clear"/> so a reused store allocates nothing.
/// Not thread-safe: the search mutates it only under its tree lock.
/// </summary>
internal sealed class NodeStore
{
    public const int NodeBytes = 44;
    public const int EdgeBytes = 8;
    private const int NodeChunkBits = 16;
    private const int EdgeChunkBits = 18;
    private const int NodeChunkSize = 1 << NodeChunkBits;
    private const int EdgeChunkSize = 1 << EdgeChunkBits;
    private const int NodeChunkMask = NodeChunkSize - 1;
    private const int EdgeChunkMask = EdgeChunkSize - 1;

    private readonly List<Node[]> _nodeChunks = [];
    private readonly List<Edge[]> _edgeChunks = [];
    private Node[][] _nodes = [];
    private Edge[][] _edges = [];
    private int _nodeCount;
    private int _edgeEnd;

    public NodeStore(int maxNodes, long maxBytes)
    {
        MaxNodes = maxNodes;
        MaxBytes = maxBytes;
    }

    public int MaxNodes { get; set; }

    public long MaxBytes { get; set; }

    public int NodeCount => _nodeCount;

    /// <summary>Edge slots used, including the few skipped at chunk ends.</summary>
    public long EdgeCount => _edgeEnd;

    /// <summary>Bytes in use by nodes and edges (what the memory cap limits).</summary>
    public long BytesUsed => (long)_nodeCount * NodeBytes + (long)_edgeEnd * EdgeBytes;

    /// <summary>Bytes held in chunks (in use or kept for reuse).</summary>
    public long BytesReserved => (long)_nodeChunks.Count * NodeChunkSize * NodeBytes + (long)_edgeChunks.Count * EdgeChunkSize * EdgeBytes;

    /// <summary>The node chunks, for loops that look up many nodes (index &gt;&gt; <see cref="NodeChunkShift"/>, then &amp; <see cref="NodeChunkIndexMask"/>).</summary>
    public Node[][] NodeChunks => _nodes;

    public const int NodeChunkShift = NodeChunkBits;

    public const int NodeChunkIndexMask = NodeChunkMask;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref Node NodeAt(int index) => ref _nodes[index >> NodeChunkBits][index & NodeChunkMask];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref Edge EdgeAt(int index) => ref _edges[index >> EdgeChunkBits][index & EdgeChunkMask];

    /// <summary>A span over a node's edges (one chunk holds them all).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Span<Edge> EdgesOf(in Node node) =>
        _edges[node.FirstEdge >> EdgeChunkBits].AsSpan(node.FirstEdge & EdgeChunkMask, node.EdgeCount);

    /// <summary>Allocates a zeroed node; false when a cap is reached.</summary>
    public bool TryAllocateNode(out int index)
    {
        index = _nodeCount;
        if (_nodeCount >= MaxNodes || BytesUsed + NodeBytes > MaxBytes)
        {
            return false;
        }

        int chunk = index >> NodeChunkBits;
        if (chunk == _nodeChunks.Count)
        {
            _nodeChunks.Add(new Node[NodeChunkSize]);
            _nodes = [.. _nodeChunks];
        }

        _nodes[chunk][index & NodeChunkMask] = default;
        _nodeCount++;
        return true;
    }

    /// <summary>Allocates <paramref name="count"/> contiguous zeroed edges; false when the memory cap is reached.</summary>
    public bool TryAllocateEdges(int count, out int first)
    {
        first = _edgeEnd;
        if (count == 0)
        {
            return true;
        }

        if (count > EdgeChunkSize)
        {
            throw new ArgumentOutOfRangeException(nameof(count), "too many children for one edge chunk");
        }

        int offset = first & EdgeChunkMask;
        if (offset + count > EdgeChunkSize)
        {
            first = (first | EdgeChunkMask) + 1; // skip to the next chunk so the range stays contiguous
        }

        long end = (long)first + count;
        if (end > int.MaxValue || (long)_nodeCount * NodeBytes + end * EdgeBytes > MaxBytes)
        {
            return false;
        }

        int chunk = first >> EdgeChunkBits;
        while (chunk >= _edgeChunks.Count)
        {
            _edgeChunks.Add(new Edge[EdgeChunkSize]);
            _edges = [.. _edgeChunks];
        }

        _edges[chunk].AsSpan(first & EdgeChunkMask, count).Clear();
        _edgeEnd = (int)end;
        return true;
    }

    /// <summary>Forgets every node and edge; keeps the chunks for reuse.</summary>
    public void Clear()
    {
        _nodeCount = 0;
        _edgeEnd = 0;
    }

    /// <summary>Drops chunks beyond what is in use (after a big analysis, to give memory back).</summary>
    public void TrimExcess()
    {
        int nodeChunksNeeded = (_nodeCount + NodeChunkSize - 1) >> NodeChunkBits;
        int edgeChunksNeeded = (_edgeEnd + EdgeChunkSize - 1) >> EdgeChunkBits;
        if (_nodeChunks.Count > nodeChunksNeeded)
        {
            _nodeChunks.RemoveRange(nodeChunksNeeded, _nodeChunks.Count - nodeChunksNeeded);
            _nodes = [.. _nodeChunks];
        }

        if (_edgeChunks.Count > edgeChunksNeeded)
        {
            _edgeChunks.RemoveRange(edgeChunksNeeded, _edgeChunks.Count - edgeChunksNeeded);
            _edges = [.. _edgeChunks];
        }
    }
}
