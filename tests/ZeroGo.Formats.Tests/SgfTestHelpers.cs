using System.Text;
using ZeroGo.Formats.Sgf;
using ZeroGo.Go;

namespace ZeroGo.Formats.Tests;

/// <summary>Helpers shared by the SGF tests: tree comparison, diagrams, shared file lists.</summary>
internal static class SgfTestHelpers
{
    /// <summary>Null when the trees have the same shape, identifiers and values; otherwise where they differ.</summary>
    public static string? Difference(SgfNode expected, SgfNode actual)
    {
        var stack = new Stack<(SgfNode, SgfNode, string)>();
        stack.Push((expected, actual, "root"));
        while (stack.Count > 0)
        {
            var (a, b, where) = stack.Pop();
            string pa = string.Concat(a.Properties.Select(p => p.ToString()));
            string pb = string.Concat(b.Properties.Select(p => p.ToString()));
            if (pa != pb)
            {
                return $"{where}: properties differ\n  expected {Shorten(pa)}\n  actual   {Shorten(pb)}";
            }

            if (a.Children.Count != b.Children.Count)
            {
                return $"{where}: {a.Children.Count} children expected, {b.Children.Count} found";
            }

            for (int i = 0; i < a.Children.Count; i++)
            {
                stack.Push((a.Children[i], b.Children[i], $"{where}/{i}"));
            }
        }

        return null;
    }

    private static string Shorten(string text) => text.Length > 300 ? text[..300] + "…" : text;

    /// <summary>Rows top first: X black, O white, . empty.</summary>
    public static string Diagram(Board board)
    {
        var g = board.Geometry;
        var text = new StringBuilder();
        for (int row = 0; row < g.Height; row++)
        {
            for (int column = 0; column < g.Width; column++)
            {
                text.Append(board.ColorAt(column, row) switch { Color.Black => 'X', Color.White => 'O', _ => '.' });
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Every SGF file of the shared test data (the non-SGF .ngf/.gib excluded).</summary>
    public static IEnumerable<string> SharedSgfFiles(string root) =>
        new[] { "sgf", "games", "rules" }
            .Select(folder => Path.Combine(root, folder))
            .Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.sgf", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal);

    public static string Relative(string root, string path) => Path.GetRelativePath(root, path);
}
