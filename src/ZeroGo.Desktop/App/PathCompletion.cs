namespace ZeroGo.Desktop.App;

/// <summary>Tab completion of a typed path, as a shell does it: folders and files with one extension.</summary>
public static class PathCompletion
{
    /// <summary>
    /// <paramref name="text"/> completed as far as the matching entries agree (a single folder gets its trailing
    /// slash), or null when nothing matches or nothing can be added. Hidden entries match only a prefix that starts
    /// with a dot. A leading <c>~/</c> stands for the home folder.
    /// </summary>
    public static string? Complete(string text, string extension)
    {
        int slash = text.LastIndexOf('/');
        string folderText = slash >= 0 ? text[..(slash + 1)] : "";
        string prefix = text[(slash + 1)..];
        string folder = folderText.Length == 0 ? "." : ExpandHome(folderText);
        List<(string Name, bool IsFolder)> matches;
        try
        {
            if (!Directory.Exists(folder))
            {
                return null;
            }

            matches = new DirectoryInfo(folder).EnumerateFileSystemInfos()
                .Where(entry => entry.Name.StartsWith(prefix, StringComparison.Ordinal)
                    && (prefix.StartsWith('.') || !entry.Name.StartsWith('.'))
                    && (entry is DirectoryInfo || entry.Name.EndsWith(extension, StringComparison.OrdinalIgnoreCase)))
                .Select(entry => (entry.Name, entry is DirectoryInfo))
                .ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.SecurityException)
        {
            return null;
        }

        if (matches.Count == 0)
        {
            return null;
        }

        string common = matches[0].Name;
        foreach (var (name, _) in matches.Skip(1))
        {
            int length = 0;
            while (length < common.Length && length < name.Length && common[length] == name[length])
            {
                length++;
            }

            common = common[..length];
        }

        string completed = folderText + common + (matches is [{ IsFolder: true }] ? "/" : "");
        return completed == text ? null : completed;
    }

    /// <summary><paramref name="path"/> with a leading <c>~/</c> (or a lone <c>~</c>) replaced by the home folder.</summary>
    public static string ExpandHome(string path)
    {
        if (path != "~" && !path.StartsWith("~/", StringComparison.Ordinal))
        {
            return path;
        }

        string home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return home + path[1..];
    }
}
