namespace ZeroGo.Training.Kifu;

/// <summary>
/// A kifu archive that cannot be read: missing, not a zip/tar/xz, or a line or index row that does not follow the
/// format. The message is one line naming the file (and line) and what is wrong.
/// </summary>
public sealed class KifuFormatException(string message, Exception? inner = null) : IOException(message, inner);
