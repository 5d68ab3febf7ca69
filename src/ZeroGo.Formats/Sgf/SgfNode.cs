using ZeroGo.Go;

namespace ZeroGo.Formats.Sgf;

/// <summary>
/// A node of a game tree: its properties in file order (duplicates allowed, so "B[cc]W[cb]B[bb]" keeps its
/// order) and its children, the first of which continues the main line. Trees can be thousands of nodes deep:
/// every walk over them in this library is iterative.
/// </summary>
public sealed class SgfNode
{
    private readonly List<SgfNode> _children = [];

    public SgfNode()
    {
    }

    public SgfNode(params SgfProperty[] properties) => Properties.AddRange(properties);

    public List<SgfProperty> Properties { get; } = [];

    public IReadOnlyList<SgfNode> Children => _children;

    public SgfNode? Parent { get; private set; }

    /// <summary>Where the node's ';' was in the file (1-based; 0 when built in memory).</summary>
    public int Line { get; init; }

    public int Column { get; init; }

    public bool IsRoot => Parent is null;

    /// <summary>Adds a child (a new variation when the node already has one) and returns it.</summary>
    public SgfNode AddChild(SgfNode child)
    {
        if (child.Parent is not null)
        {
            throw new InvalidOperationException("the node already has a parent");
        }

        child.Parent = this;
        _children.Add(child);
        return child;
    }

    public SgfNode AddChild() => AddChild(new SgfNode());

    public bool RemoveChild(SgfNode child)
    {
        if (!_children.Remove(child))
        {
            return false;
        }

        child.Parent = null;
        return true;
    }

    public bool Has(string identifier) => Find(identifier) is not null;

    /// <summary>The first property with this identifier, or null.</summary>
    public SgfProperty? Find(string identifier)
    {
        foreach (var property in Properties)
        {
            if (property.Identifier == identifier)
            {
                return property;
            }
        }

        return null;
    }

    /// <summary>Text of the last property with this identifier (a repeated property's later value wins), or null.</summary>
    public string? GetText(string identifier)
    {
        string? text = null;
        foreach (var property in Properties)
        {
            if (property.Identifier == identifier && property.Values.Count > 0)
            {
                text = property.Values[0].Text;
            }
        }

        return text;
    }

    /// <summary>All values of every property with this identifier, in file order.</summary>
    public IEnumerable<SgfValue> GetValues(string identifier)
    {
        foreach (var property in Properties)
        {
            if (property.Identifier == identifier)
            {
                foreach (var value in property.Values)
                {
                    yield return value;
                }
            }
        }
    }

    /// <summary>Replaces every property with this identifier by one holding <paramref name="values"/>.</summary>
    public void Set(string identifier, params SgfValue[] values)
    {
        int index = Properties.FindIndex(p => p.Identifier == identifier);
        Properties.RemoveAll(p => p.Identifier == identifier);
        var property = new SgfProperty(identifier, values);
        if (index < 0 || index > Properties.Count)
        {
            Properties.Add(property);
        }
        else
        {
            Properties.Insert(index, property);
        }
    }

    /// <summary>Sets a text property (escaping as needed); null or empty removes it.</summary>
    public void SetText(string identifier, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            Remove(identifier);
        }
        else
        {
            Set(identifier, SgfValue.FromText(text));
        }
    }

    public int Remove(string identifier) => Properties.RemoveAll(p => p.Identifier == identifier);

    /// <summary>The moves of this node in property order (usually one): colour and the raw value.</summary>
    public IEnumerable<(Color Color, SgfProperty Property, SgfValue Value)> MoveProperties()
    {
        foreach (var property in Properties)
        {
            var color = property.Identifier switch { "B" => Color.Black, "W" => Color.White, _ => Color.Empty };
            if (color == Color.Empty)
            {
                continue;
            }

            if (property.Values.Count == 0)
            {
                yield return (color, property, SgfValue.FromText(""));
            }

            foreach (var value in property.Values)
            {
                yield return (color, property, value);
            }
        }
    }

    /// <summary>True when the node has a B or W property.</summary>
    public bool HasMove => Properties.Exists(p => p.Identifier is "B" or "W");

    /// <summary>True when the node has setup properties (AB, AW, AE).</summary>
    public bool HasSetup => Properties.Exists(p => p.Identifier is "AB" or "AW" or "AE");

    /// <summary>The path from the root to this node (root first).</summary>
    public List<SgfNode> PathFromRoot()
    {
        var path = new List<SgfNode>();
        for (var node = this; node is not null; node = node.Parent)
        {
            path.Add(node);
        }

        path.Reverse();
        return path;
    }

    public SgfNode Root
    {
        get
        {
            var node = this;
            while (node.Parent is not null)
            {
                node = node.Parent;
            }

            return node;
        }
    }

    /// <summary>This node and every node below it, in file order (pre-order), without recursion.</summary>
    public IEnumerable<SgfNode> Descendants()
    {
        var stack = new Stack<SgfNode>();
        stack.Push(this);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            yield return node;
            for (int i = node._children.Count - 1; i >= 0; i--)
            {
                stack.Push(node._children[i]);
            }
        }
    }

    /// <summary>The main line from this node: it and then each first child.</summary>
    public List<SgfNode> MainLine()
    {
        var line = new List<SgfNode>();
        for (SgfNode? node = this; node is not null; node = node._children.Count > 0 ? node._children[0] : null)
        {
            line.Add(node);
        }

        return line;
    }

    public override string ToString() => ";" + string.Concat(Properties);
}
