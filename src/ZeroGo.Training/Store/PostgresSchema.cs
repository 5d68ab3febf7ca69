using System.Globalization;
using Npgsql;

namespace ZeroGo.Training.Store;

/// <summary>
/// The tables of a PostgreSQL store, in schema <c>zerogo</c>, and their migrations. <c>schema_info.version</c>
/// says which migrations ran; the trainer applies the missing ones in one transaction under an advisory lock
/// (two trainers starting at once cannot both migrate). A store newer than this program is refused with one
/// line rather than misread.
/// </summary>
public static class PostgresSchema
{
    /// <summary>Migrations in order: entry i takes the schema from version i to i + 1.</summary>
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE zerogo.run_config (
            id int PRIMARY KEY CHECK (id = 1),
            config jsonb NOT NULL,
            saved_at timestamptz NOT NULL DEFAULT now());
        CREATE TABLE zerogo.networks (
            generation int PRIMARY KEY,
            manifest text NOT NULL,
            weights bytea NOT NULL,
            published_at timestamptz NOT NULL DEFAULT now());
        CREATE TABLE zerogo.games (
            seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            id uuid NOT NULL UNIQUE,
            generation int NOT NULL REFERENCES zerogo.networks (generation),
            worker text NOT NULL,
            moves int NOT NULL,
            chunk bytea NOT NULL,
            uploaded_at timestamptz NOT NULL DEFAULT now());
        CREATE INDEX games_generation ON zerogo.games (generation);
        CREATE INDEX games_uploaded_at ON zerogo.games (uploaded_at);
        """,
        """
        ALTER TABLE zerogo.networks ADD COLUMN gate text;
        """,
    ];

    /// <summary>The schema version this program reads and writes.</summary>
    public static int Version => Migrations.Length;

    /// <summary>The channel a trainer notifies when it publishes a network (payload: the generation).</summary>
    public const string NetworkChannel = "zerogo_networks";

    // Any constant distinct from other programs' advisory locks on the same database.
    private const long MigrationLock = 0x5A65726F476F;

    /// <summary>Creates or migrates the schema to <see cref="Version"/>; the caller's role becomes its owner.</summary>
    public static void Migrate(NpgsqlConnection connection) => Migrate(connection, Version);

    /// <summary>Migrates to <paramref name="target"/> only (tests build an old store with it).</summary>
    internal static void Migrate(NpgsqlConnection connection, int target)
    {
        using var transaction = connection.BeginTransaction();
        Execute(connection, transaction, $"SELECT pg_advisory_xact_lock({MigrationLock})");
        Execute(connection, transaction, "CREATE SCHEMA IF NOT EXISTS zerogo; CREATE TABLE IF NOT EXISTS zerogo.schema_info (version int NOT NULL)");
        int current = ReadVersion(connection, transaction) ?? 0;
        RefuseNewer(current);
        for (int version = current; version < target; version++)
        {
            Execute(connection, transaction, Migrations[version]);
        }

        if (current < target)
        {
            Execute(connection, transaction, "DELETE FROM zerogo.schema_info");
            Execute(connection, transaction, string.Create(CultureInfo.InvariantCulture, $"INSERT INTO zerogo.schema_info (version) VALUES ({target})"));
        }

        transaction.Commit();
    }

    /// <summary>The store's schema version; null when no trainer has created it yet.</summary>
    public static int? ReadVersion(NpgsqlConnection connection, NpgsqlTransaction? transaction = null)
    {
        using (var exists = new NpgsqlCommand("SELECT to_regclass('zerogo.schema_info') IS NOT NULL", connection, transaction))
        {
            if (exists.ExecuteScalar() is not true)
            {
                return null;
            }
        }

        using var command = new NpgsqlCommand("SELECT max(version) FROM zerogo.schema_info", connection, transaction);
        return command.ExecuteScalar() is int version ? version : null;
    }

    /// <summary>Throws the one-line error for a store made by a newer program.</summary>
    public static void RefuseNewer(int storeVersion)
    {
        if (storeVersion > Version)
        {
            throw new StoreFatalException(
                $"the store's schema is version {storeVersion}, newer than this program's {Version}: update zerogo on this machine");
        }
    }

    /// <summary>Lets <paramref name="role"/> read the config and networks and add games, and nothing else.</summary>
    public static void GrantWorker(NpgsqlConnection connection, string role)
    {
        string quoted = "\"" + role.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        using var transaction = connection.BeginTransaction();
        Execute(connection, transaction, $"GRANT USAGE ON SCHEMA zerogo TO {quoted}");
        Execute(connection, transaction, $"GRANT SELECT ON zerogo.schema_info, zerogo.run_config, zerogo.networks TO {quoted}");
        Execute(connection, transaction, $"GRANT INSERT ON zerogo.games TO {quoted}");
        // INSERT … ON CONFLICT (id) needs to read the id column: that is what makes a retried upload a no-op.
        Execute(connection, transaction, $"GRANT SELECT (id) ON zerogo.games TO {quoted}");
        transaction.Commit();
    }

    private static void Execute(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        command.ExecuteNonQuery();
    }
}
