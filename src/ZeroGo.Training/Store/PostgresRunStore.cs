using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using ZeroGo.Neural.Files;
using ZeroGo.Training.Runs;

namespace ZeroGo.Training.Store;

/// <summary>
/// The store in a PostgreSQL database (schema <c>zerogo</c>, see <see cref="PostgresSchema"/>). Each call takes
/// a pooled connection and runs in its own statement or transaction, so a lost server costs only the call that
/// was in flight; a game is added in one transaction and keyed by its id, so retrying an upload never counts it
/// twice. Waiting for a new generation LISTENs on a connection of its own (polling covers a lost notification).
/// </summary>
public sealed class PostgresRunStore : IRunStore
{
    private readonly NpgsqlDataSource _source;
    private NpgsqlConnection? _listener;

    public PostgresRunStore(string connectionString)
    {
        Description = StoreAddress.Describe(connectionString);
        _source = NpgsqlDataSource.Create(connectionString);
    }

    public string Description { get; }

    public void Prepare() => Use(connection => PostgresSchema.Migrate(connection));

    public bool IsPrepared() => Use(connection =>
    {
        var version = PostgresSchema.ReadVersion(connection);
        if (version is int v)
        {
            PostgresSchema.RefuseNewer(v);
        }

        return version == PostgresSchema.Version;
    });

    /// <summary>Grants <paramref name="role"/> what a worker needs (see <see cref="PostgresSchema.GrantWorker"/>).</summary>
    public void GrantWorker(string role) => Use(connection => PostgresSchema.GrantWorker(connection, role));

    public RunConfig? LoadConfig() => Use(connection =>
    {
        using var command = new NpgsqlCommand("SELECT config::text FROM zerogo.run_config WHERE id = 1", connection);
        return command.ExecuteScalar() is string json ? RunConfig.FromJson(json) : null;
    });

    public void SaveConfig(RunConfig config) => Use(connection =>
    {
        using var command = new NpgsqlCommand(
            "INSERT INTO zerogo.run_config (id, config) VALUES (1, @config::jsonb) ON CONFLICT (id) DO UPDATE SET config = excluded.config, saved_at = now()",
            connection);
        command.Parameters.AddWithValue("config", config.ToJson());
        command.ExecuteNonQuery();
    });

    public int? NewestGeneration() => Use(connection =>
    {
        using var command = new NpgsqlCommand("SELECT max(generation) FROM zerogo.networks", connection);
        return command.ExecuteScalar() is int generation ? generation : (int?)null;
    });

    public void PublishNetwork(int generation, string modelStem, string? gate = null)
    {
        var paths = ModelPaths.From(modelStem);
        string manifest = File.ReadAllText(paths.Manifest);
        byte[] weights = File.ReadAllBytes(paths.Weights);
        Use(connection =>
        {
            using var transaction = connection.BeginTransaction();
            using (var insert = new NpgsqlCommand(
                "INSERT INTO zerogo.networks (generation, manifest, weights, gate) VALUES (@generation, @manifest, @weights, @gate) ON CONFLICT (generation) DO NOTHING",
                connection, transaction))
            {
                insert.Parameters.AddWithValue("generation", generation);
                insert.Parameters.AddWithValue("manifest", manifest);
                insert.Parameters.AddWithValue("weights", NpgsqlDbType.Bytea, weights);
                insert.Parameters.AddWithValue("gate", NpgsqlDbType.Text, (object?)gate ?? DBNull.Value);
                insert.ExecuteNonQuery();
            }

            // Delivered at commit, so a worker that hears it can already read the network.
            using (var notify = new NpgsqlCommand("SELECT pg_notify(@channel, @payload)", connection, transaction))
            {
                notify.Parameters.AddWithValue("channel", PostgresSchema.NetworkChannel);
                notify.Parameters.AddWithValue("payload", generation.ToString(CultureInfo.InvariantCulture));
                notify.ExecuteNonQuery();
            }

            transaction.Commit();
        });
    }

    public string FetchNetwork(int generation, string folder)
    {
        var paths = new ModelPaths(Path.Combine(folder, RunDirectory.GenerationName(generation)));
        if (File.Exists(paths.Manifest) && File.Exists(paths.Weights))
        {
            return paths.Stem;   // published networks never change: a complete copy is current
        }

        var (manifest, weights) = Use(connection =>
        {
            using var command = new NpgsqlCommand("SELECT manifest, weights FROM zerogo.networks WHERE generation = @generation", connection);
            command.Parameters.AddWithValue("generation", generation);
            using var reader = command.ExecuteReader();
            if (!reader.Read())
            {
                throw new StoreFatalException($"{Description}: generation {generation} is not in the store");
            }

            return (reader.GetString(0), reader.GetFieldValue<byte[]>(1));
        });
        Directory.CreateDirectory(folder);
        // Weights first, manifest last: a manifest on disk means the copy is complete.
        AtomicFile.Write(paths.Weights, stream => stream.Write(weights));
        AtomicFile.WriteAllText(paths.Manifest, manifest);
        return paths.Stem;
    }

    public bool AddGame(StoredGame game) => Use(connection =>
    {
        using var command = new NpgsqlCommand(
            "INSERT INTO zerogo.games (id, generation, worker, moves, chunk) VALUES (@id, @generation, @worker, @moves, @chunk) ON CONFLICT (id) DO NOTHING",
            connection);
        command.Parameters.AddWithValue("id", game.Id);
        command.Parameters.AddWithValue("generation", game.Generation);
        command.Parameters.AddWithValue("worker", game.Worker);
        command.Parameters.AddWithValue("moves", game.Moves);
        command.Parameters.AddWithValue("chunk", NpgsqlDbType.Bytea, game.Chunk);
        return command.ExecuteNonQuery() == 1;
    });

    public IReadOnlyCollection<Guid> GameIds() => Use(connection =>
    {
        using var command = new NpgsqlCommand("SELECT id FROM zerogo.games", connection);
        using var reader = command.ExecuteReader();
        var ids = new List<Guid>();
        while (reader.Read())
        {
            ids.Add(reader.GetGuid(0));
        }

        return (IReadOnlyCollection<Guid>)ids;
    });

    public IReadOnlyList<StoredGame> ReadGames(IReadOnlyCollection<Guid> ids) => Use(connection =>
    {
        using var command = new NpgsqlCommand(
            "SELECT id, generation, worker, moves, chunk, uploaded_at FROM zerogo.games WHERE id = ANY(@ids) ORDER BY seq", connection);
        command.Parameters.AddWithValue("ids", ids.ToArray());
        using var reader = command.ExecuteReader();
        var games = new List<StoredGame>();
        while (reader.Read())
        {
            games.Add(new StoredGame(reader.GetGuid(0), reader.GetInt32(1), reader.GetString(2), reader.GetInt32(3),
                reader.GetFieldValue<byte[]>(4), reader.GetFieldValue<DateTimeOffset>(5)));
        }

        return (IReadOnlyList<StoredGame>)games;
    });

    public int CountGames(int generation) => Use(connection =>
    {
        using var command = new NpgsqlCommand("SELECT count(*) FROM zerogo.games WHERE generation = @generation", connection);
        command.Parameters.AddWithValue("generation", generation);
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    });

    public void WaitForNewGeneration(int? known, TimeSpan timeout, CancellationToken cancel)
    {
        try
        {
            if (_listener is null)
            {
                var listener = _source.OpenConnection();
                using (var listen = new NpgsqlCommand("LISTEN " + PostgresSchema.NetworkChannel, listener))
                {
                    listen.ExecuteNonQuery();
                }

                _listener = listener;
            }

            // Listening first, then looking: a generation published in between is seen either way.
            if (NewestGeneration() is int newest && newest > (known ?? -1))
            {
                return;
            }

            _listener.WaitAsync((int)timeout.TotalMilliseconds, cancel).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e) when (PostgresErrors.Classify(e, Description) is var classified && classified != e)
        {
            _listener?.Dispose();
            _listener = null;   // reconnects on the next wait
            throw classified;
        }
    }

    public StoreStatus Status(TimeSpan recent) => Use(connection =>
    {
        var networks = new List<NetworkEntry>();
        using (var command = new NpgsqlCommand("SELECT generation, published_at, gate FROM zerogo.networks ORDER BY generation", connection))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                networks.Add(new NetworkEntry(reader.GetInt32(0), reader.GetFieldValue<DateTimeOffset>(1), reader.IsDBNull(2) ? null : reader.GetString(2)));
            }
        }

        var perGeneration = new Dictionary<int, int>();
        using (var command = new NpgsqlCommand("SELECT generation, count(*) FROM zerogo.games GROUP BY generation", connection))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                perGeneration[reader.GetInt32(0)] = (int)reader.GetInt64(1);
            }
        }

        int games, distinct, workers;
        using (var command = new NpgsqlCommand("SELECT count(*), count(DISTINCT id), count(DISTINCT worker) FROM zerogo.games", connection))
        using (var reader = command.ExecuteReader())
        {
            reader.Read();
            (games, distinct, workers) = ((int)reader.GetInt64(0), (int)reader.GetInt64(1), (int)reader.GetInt64(2));
        }

        var active = new List<WorkerActivity>();
        using (var command = new NpgsqlCommand(
            "SELECT worker, count(*), max(uploaded_at), extract(epoch FROM now() - min(uploaded_at))::float8 FROM zerogo.games " +
            "WHERE uploaded_at > now() - @recent GROUP BY worker ORDER BY worker", connection))
        {
            command.Parameters.AddWithValue("recent", recent);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                int count = (int)reader.GetInt64(1);
                // Over the time since its first upload in the window (at least a minute), so a worker that joined
                // a minute ago is not shown at a tenth of its speed.
                double hours = Math.Max(1.0 / 60, reader.GetDouble(3) / 3600);
                active.Add(new WorkerActivity(reader.GetString(0), count, count / hours, reader.GetFieldValue<DateTimeOffset>(2)));
            }
        }

        return new StoreStatus(networks, perGeneration, games, distinct, workers, active, recent);
    });

    public void Dispose()
    {
        _listener?.Dispose();
        _source.Dispose();
    }

    private void Use(Action<NpgsqlConnection> action) => Use(connection =>
    {
        action(connection);
        return true;
    });

    /// <summary>Runs <paramref name="work"/> on a pooled connection, turning database errors into the store's two kinds.</summary>
    private T Use<T>(Func<NpgsqlConnection, T> work)
    {
        try
        {
            using var connection = _source.OpenConnection();
            return work(connection);
        }
        catch (Exception e) when (PostgresErrors.Classify(e, Description) is var classified && classified != e)
        {
            throw classified;
        }
    }
}
