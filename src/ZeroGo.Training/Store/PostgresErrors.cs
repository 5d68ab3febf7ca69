using System.Net.Sockets;
using Npgsql;

namespace ZeroGo.Training.Store;

/// <summary>
/// Sorts database errors into the two kinds callers act on: the server is away (retry) or the set-up is wrong
/// (one line, stop). Messages name the store without its password.
/// </summary>
internal static class PostgresErrors
{
    public static Exception Classify(Exception error, string store)
    {
        switch (error)
        {
            case PostgresException pg when pg.SqlState is "28P01" or "28000":
                return new StoreFatalException($"{store}: authentication failed: {pg.MessageText} (check the user and the password in the URL, PGPASSWORD or ~/.pgpass)", error);
            case PostgresException pg when pg.SqlState == "3D000":
                return new StoreFatalException($"{store}: database does not exist (create it: createdb, see docs/distributed.md)", error);
            case PostgresException pg when pg.SqlState == "42501":
                return new StoreFatalException($"{store}: permission denied: {pg.MessageText}", error);
            case PostgresException pg when pg.SqlState.StartsWith("57P", StringComparison.Ordinal) || pg.SqlState.StartsWith("08", StringComparison.Ordinal)
                || pg.SqlState == "53300":
                return new StoreUnavailableException($"{store}: server unavailable ({pg.MessageText})", error);
            case PostgresException pg:
                return new StoreFatalException($"{store}: {pg.SqlState} {pg.MessageText}", error);
            case NpgsqlException or SocketException or IOException or TimeoutException:
                return new StoreUnavailableException($"{store}: cannot reach the server ({Innermost(error).Message})", error);
            default:
                return error;
        }
    }

    private static Exception Innermost(Exception error)
    {
        while (error.InnerException is { } inner)
        {
            error = inner;
        }

        return error;
    }
}
