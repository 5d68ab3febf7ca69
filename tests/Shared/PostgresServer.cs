using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ZeroGo.Testing;

/// <summary>
/// A real PostgreSQL server for the store's tests, started by the tests themselves: <c>initdb</c> into a temporary
/// folder, <c>pg_ctl</c> on a free loopback port (socket in the same folder), stopped and deleted at the end.
/// Over TCP it asks for passwords (scram-sha-256), so credentials are tested as a worker would meet them; over the
/// socket the superuser <see cref="Superuser"/> gets in without one (for set-up through psql). As root the server
/// runs as the <c>postgres</c> user (initdb refuses root). Tests call <see cref="Require"/>, which skips them with
/// the reason when the binaries are absent (scripts/setup.sh test installs them).
/// </summary>
public sealed class PostgresServer : IDisposable
{
    public const string Superuser = "zerogo";
    public const string SuperuserPassword = "zerogo-test-password";

    private static readonly Lazy<string?> BinFolder = new(FindBinaries);
    private readonly string _folder;
    private readonly bool _asPostgresUser;

    private PostgresServer(string bin)
    {
        Bin = bin;
        _asPostgresUser = Environment.UserName == "root";
        _folder = Path.Combine(Path.GetTempPath(), "zerogo-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(_folder);
        var passwordFile = Path.Combine(_folder, "pwfile");
        File.WriteAllText(passwordFile, SuperuserPassword + "\n");
        if (_asPostgresUser)
        {
            Run("chown", "-R", "postgres", _folder);
        }

        Port = FreePort();
        Tool("initdb", "-D", DataFolder, "-U", Superuser, "--pwfile", passwordFile, "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--no-sync");
        Start();
    }

    public string Bin { get; }

    public int Port { get; }

    private string DataFolder => Path.Combine(_folder, "data");

    /// <summary>The server, or a skipped test when PostgreSQL is not installed.</summary>
    public static PostgresServer Require()
    {
        Skip.If(BinFolder.Value is null,
            "PostgreSQL server binaries not found in /usr/lib/postgresql/*/bin (scripts/setup.sh test installs the Debian package postgresql)");
        return new PostgresServer(BinFolder.Value!);
    }

    /// <summary>A postgresql:// URL for <paramref name="database"/> as <paramref name="user"/> (password in the URL when given).</summary>
    public string Url(string database, string user = Superuser, string? password = SuperuserPassword) =>
        $"postgresql://{Uri.EscapeDataString(user)}{(password is null ? "" : ":" + Uri.EscapeDataString(password))}@127.0.0.1:{Port}/{database}";

    /// <summary>A new empty database with its own name; <paramref name="owner"/> owns it when given.</summary>
    public string CreateDatabase(string? owner = null)
    {
        string name = "t" + Guid.NewGuid().ToString("N")[..12];
        Sql($"CREATE DATABASE {name}{(owner is null ? "" : " OWNER " + owner)}");
        return name;
    }

    /// <summary>Runs SQL as the superuser over the socket (psql, stops at the first error).</summary>
    public string Sql(string sql, string database = "postgres") =>
        Run(Path.Combine(Bin, "psql"), "-h", _folder, "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", Superuser,
            "-d", database, "-v", "ON_ERROR_STOP=1", "-tA", "-c", sql);

    public void Start() =>
        Tool("pg_ctl", "-D", DataFolder, "-w", "-l", Path.Combine(_folder, "log"),
            "-o", $"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off", "start");

    /// <summary>Stops the server at once (as a crash or a power cut would).</summary>
    public void Stop() => Tool("pg_ctl", "-D", DataFolder, "-w", "stop", "-m", "immediate");

    public void Dispose()
    {
        try
        {
            Stop();
        }
        catch (InvalidOperationException)
        {
            // already stopped
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private void Tool(string name, params string[] arguments)
    {
        var path = Path.Combine(Bin, name);
        if (_asPostgresUser)
        {
            Run("runuser", ["-u", "postgres", "--", path, .. arguments]);
        }
        else
        {
            Run(path, arguments);
        }
    }

    private static string Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill();
            throw new InvalidOperationException($"{program} did not finish in 60 s");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} {string.Join(' ', arguments)} failed ({process.ExitCode}): {stderr.Result}{stdout.Result}");
        }

        return stdout.Result.Trim();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? FindBinaries()
    {
        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root))
        {
            return null;
        }

        return Directory.EnumerateDirectories(root)
            .Select(d => Path.Combine(d, "bin"))
            .Where(bin => File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "pg_ctl")))
            .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var v) ? v : 0)
            .FirstOrDefault();
    }
}
