using System.Globalization;
using Npgsql;
using ZeroGo.Training.Runs;

namespace ZeroGo.Training.Store;

/// <summary>
/// Turns a <c>--store</c> argument into a store: <c>postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?host=/socket/dir&amp;sslmode=…]</c>
/// (libpq's URL form; also <c>postgres://</c>) or a run folder. A password left out of the URL comes from
/// <c>PGPASSWORD</c> or <c>~/.pgpass</c> (Npgsql reads both). The description never holds the password.
/// </summary>
public static class StoreAddress
{
    public static bool IsPostgres(string address) =>
        address.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) ||
        address.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase);

    /// <summary>Opens the store at <paramref name="address"/> (nothing is connected yet).</summary>
    public static IRunStore Open(string address) =>
        IsPostgres(address) ? new PostgresRunStore(ToConnectionString(address)) : new RunFolderStore(new RunDirectory(address));

    /// <summary>The Npgsql connection string of a postgresql:// URL; throws <see cref="StoreFatalException"/> when malformed.</summary>
    public static string ToConnectionString(string url)
    {
        Uri uri;
        try
        {
            uri = new Uri(url);
        }
        catch (UriFormatException e)
        {
            throw new StoreFatalException($"store address is not a valid postgresql:// URL: {e.Message}", e);
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = string.IsNullOrEmpty(uri.Host) ? "localhost" : uri.Host,
            Port = uri.IsDefaultPort || uri.Port <= 0 ? 5432 : uri.Port,
            Database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')) is { Length: > 0 } database ? database : null,
            ApplicationName = "zerogo",
            // A worker that waits on a dead server should notice within seconds, not minutes.
            Timeout = 10,
            KeepAlive = 30,
        };
        if (uri.UserInfo.Length > 0)
        {
            var parts = uri.UserInfo.Split(':', 2);
            builder.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length == 2)
            {
                builder.Password = Uri.UnescapeDataString(parts[1]);
            }
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            string key = Uri.UnescapeDataString(kv[0]), value = kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : "";
            switch (key)
            {
                case "host":
                    builder.Host = value;
                    break;
                case "port":
                    builder.Port = int.Parse(value, CultureInfo.InvariantCulture);
                    break;
                case "sslmode":
                    builder.SslMode = Enum.Parse<SslMode>(value.Replace("-", "", StringComparison.Ordinal), ignoreCase: true);
                    break;
                case "connect_timeout":
                    builder.Timeout = int.Parse(value, CultureInfo.InvariantCulture);
                    break;
                case "application_name":
                    builder.ApplicationName = value;
                    break;
                default:
                    throw new StoreFatalException($"store address: unknown parameter '{key}' (known: host, port, sslmode, connect_timeout, application_name)");
            }
        }

        return builder.ConnectionString;
    }

    /// <summary>postgresql://USER@HOST:PORT/DATABASE for people: never the password.</summary>
    public static string Describe(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return string.Create(CultureInfo.InvariantCulture,
            $"postgresql://{(builder.Username is { Length: > 0 } user ? user + "@" : "")}{builder.Host}:{builder.Port}/{builder.Database}");
    }
}
