namespace ZeroGo.Gtp.Protocol;

/// <summary>
/// A command failed in a way the controller should hear about: the server answers <c>? message</c>.
/// Handlers throw it (after checking their input and before changing any state) instead of returning codes.
/// </summary>
public sealed class GtpException(string message) : Exception(message)
{
    /// <summary>The standard GTP error texts (GTP 2 draft 2, section 6.4).</summary>
    public static class Messages
    {
        public const string SyntaxError = "syntax error";
        public const string IllegalMove = "illegal move";
        public const string UnacceptableSize = "unacceptable size";
        public const string CannotUndo = "cannot undo";
        public const string UnknownCommand = "unknown command";
        public const string BoardNotEmpty = "board not empty";
        public const string InvalidNumberOfStones = "invalid number of stones";
        public const string BadVertexList = "bad vertex list";
    }

    public static GtpException SyntaxError() => new(Messages.SyntaxError);

    public static GtpException IllegalMove() => new(Messages.IllegalMove);
}
