using Npgsql;
using ZeroGo.Neural;
using ZeroGo.Testing;
using ZeroGo.Training.Runs;
using ZeroGo.Training.Samples;
using ZeroGo.Training.Store;
using ZeroGo.Training.Workers;

namespace ZeroGo.Training.Tests;

/// <summary>One PostgreSQL server for the store tests of this class (each test has a database of its own).</summary>
public sealed class PostgresServerFixture : IDisposable
{
    private readonly Lazy<PostgresServer> _server = new(PostgresServer.Require);

    public PostgresServer Server => _server.Value;

    public void Dispose()
    {
        if (_server.IsValueCreated)
        {
            _server.Value.Dispose();
        }
    }
}

/// <summary>The PostgreSQL store against a real server started by the test (no mocks of the database).</summary>
public sealed class PostgresStoreTests(PostgresServerFixture fixture) : IClassFixture<PostgresServerFixture>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("zerogo-store-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string TinyNetwork(string name = "net")
    {
        var stem = Path.Combine(_folder, name);
        using var network = PolicyValueNetwork.Create(new NetworkConfig { Blocks = 1, Channels = 16 }, seed: 7);
        network.Save(stem);
        return stem;
    }

    private static StoredGame Game(int generation, string worker = "w", Guid? id = null)
    {
        var record = SampleTests.SmallGame();
        record.Generation = generation;
        return new StoredGame(id ?? Guid.NewGuid(), generation, worker, record.Moves.Count, ChunkFile.ToBytes([record]));
    }

    private static PostgresRunStore OpenStore(string url) => new(StoreAddress.ToConnectionString(url));

    private static RunConfig TinyConfig() => RunConfig.ForSize(5) with
    {
        Network = new NetworkSettings { Blocks = 1, Channels = 16 },
        SelfPlay = RunConfig.ForSize(5).SelfPlay with { Visits = 4, CheapVisits = 2, ConcurrentGames = 2, GamesPerGeneration = 4 },
    };

    [SkippableFact]
    public void Schema_is_created_once_and_a_newer_schema_is_refused_in_one_line()
    {
        var server = fixture.Server;
        var database = server.CreateDatabase();
        using (var store = OpenStore(server.Url(database)))
        {
            Assert.False(store.IsPrepared());
            store.Prepare();
            store.Prepare();   // migrating a current schema changes nothing
            Assert.True(store.IsPrepared());
        }

        Assert.Equal(PostgresSchema.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            server.Sql("SELECT version FROM zerogo.schema_info", database));
        server.Sql("UPDATE zerogo.schema_info SET version = 99", database);
        using var newer = OpenStore(server.Url(database));
        var refused = Assert.Throws<StoreFatalException>(() => newer.IsPrepared());
        Assert.Contains("schema is version 99, newer than this program's", refused.Message);
        Assert.DoesNotContain('\n', refused.Message);
        Assert.Throws<StoreFatalException>(newer.Prepare);
    }

    [SkippableFact]
    public void An_older_store_is_migrated_and_keeps_its_rows()
    {
        var server = fixture.Server;
        var database = server.CreateDatabase();
        using (var connection = new NpgsqlConnection(StoreAddress.ToConnectionString(server.Url(database))))
        {
            connection.Open();
            PostgresSchema.Migrate(connection, target: 1);
        }

        server.Sql("INSERT INTO zerogo.networks (generation, manifest, weights) VALUES (0, '{}', '\\x00')", database);
        using var store = OpenStore(server.Url(database));
        Assert.False(store.IsPrepared());   // workers wait for the trainer to migrate
        store.Prepare();
        Assert.True(store.IsPrepared());
        Assert.Equal(PostgresSchema.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
            server.Sql("SELECT version FROM zerogo.schema_info", database));
        Assert.Null(Assert.Single(store.Status(TimeSpan.FromMinutes(1)).Networks).Gate);
    }

    [SkippableFact]
    public void Config_networks_and_games_round_trip_and_an_upload_counts_once()
    {
        var server = fixture.Server;
        using var store = OpenStore(server.Url(server.CreateDatabase()));
        store.Prepare();
        Assert.Null(store.LoadConfig());
        Assert.Null(store.NewestGeneration());
        var config = TinyConfig();
        store.SaveConfig(config);
        Assert.Equal(config, store.LoadConfig());

        store.PublishNetwork(0, TinyNetwork(), gate: "gate: gen-0000 vs nothing");
        store.PublishNetwork(0, TinyNetwork("other"));   // a generation is published once
        Assert.Equal(0, store.NewestGeneration());
        Assert.Equal("gate: gen-0000 vs nothing", Assert.Single(store.Status(TimeSpan.FromMinutes(1)).Networks).Gate);
        var fetched = store.FetchNetwork(0, Path.Combine(_folder, "cache"));
        using (var network = PolicyValueNetwork.Load(fetched))
        {
            Assert.Equal(16, network.Config.Channels);
        }

        Assert.Equal(File.ReadAllBytes(TinyNetwork() + ".weights"), File.ReadAllBytes(fetched + ".weights"));

        var game = Game(0);
        Assert.True(store.AddGame(game));
        Assert.False(store.AddGame(game));   // the retry of an upload whose reply was lost
        Assert.True(store.AddGame(Game(0, "w2")));
        Assert.Equal(2, store.CountGames(0));
        Assert.Equal(2, store.GameIds().Count);
        var back = Assert.Single(store.ReadGames([game.Id]));
        Assert.Equal(game.Chunk, back.Chunk);
        Assert.Equal("w", back.Worker);
        GameReplay.Replay(Assert.Single(ChunkFile.FromBytes(back.Chunk, "stored game")), (_, _) => { });

        Assert.Throws<StoreFatalException>(() => store.AddGame(Game(5)));   // no network of generation 5

        var status = store.Status(TimeSpan.FromMinutes(10));
        Assert.EndsWith("store: 1 generations, 2 games, 2 distinct game ids, 2 workers", status.Format());
    }

    [SkippableFact]
    public void Missing_database_and_wrong_password_are_one_clear_line_without_the_password()
    {
        var server = fixture.Server;
        using var missing = OpenStore(server.Url("no_such_database"));
        var noDatabase = Assert.Throws<StoreFatalException>(() => missing.IsPrepared());
        Assert.Contains("database does not exist", noDatabase.Message);

        using var wrong = OpenStore(server.Url("postgres", password: "not-the-password"));
        var denied = Assert.Throws<StoreFatalException>(() => wrong.IsPrepared());
        Assert.Contains("authentication failed", denied.Message);
        Assert.DoesNotContain("not-the-password", denied.Message + wrong.Description);
        Assert.DoesNotContain('\n', denied.Message);
    }

    [SkippableFact]
    public void Worker_role_adds_games_and_reads_networks_and_nothing_else()
    {
        var server = fixture.Server;
        server.Sql("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'trainer') THEN CREATE ROLE trainer LOGIN PASSWORD 'tp'; END IF; END $$");
        server.Sql("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'selfplay') THEN CREATE ROLE selfplay LOGIN PASSWORD 'wp'; END IF; END $$");
        var database = server.CreateDatabase(owner: "trainer");
        using (var trainer = OpenStore(server.Url(database, "trainer", "tp")))
        {
            trainer.Prepare();
            trainer.SaveConfig(TinyConfig());
            trainer.PublishNetwork(0, TinyNetwork());
            trainer.GrantWorker("selfplay");
        }

        Assert.Equal("trainer", server.Sql("SELECT nspowner::regrole FROM pg_namespace WHERE nspname = 'zerogo'", database));
        string workerUrl = server.Url(database, "selfplay", "wp");
        using (var worker = OpenStore(workerUrl))
        {
            Assert.True(worker.IsPrepared());
            Assert.NotNull(worker.LoadConfig());
            Assert.Equal(0, worker.NewestGeneration());
            worker.FetchNetwork(0, Path.Combine(_folder, "worker-cache"));
            var game = Game(0);
            Assert.True(worker.AddGame(game));
            Assert.False(worker.AddGame(game));
        }

        using var connection = new NpgsqlConnection(StoreAddress.ToConnectionString(workerUrl));
        connection.Open();
        foreach (var forbidden in new[]
        {
            "DELETE FROM zerogo.games",
            "UPDATE zerogo.games SET worker = 'x'",
            "SELECT chunk FROM zerogo.games",
            "DELETE FROM zerogo.networks",
            "UPDATE zerogo.networks SET manifest = ''",
            "INSERT INTO zerogo.networks (generation, manifest, weights) VALUES (9, '', '')",
            "UPDATE zerogo.run_config SET config = '{}'",
            "TRUNCATE zerogo.games",
            "DROP TABLE zerogo.games",
            "CREATE TABLE zerogo.mine (x int)",
            "CREATE TABLE public.mine (x int)",
            "ALTER TABLE zerogo.games ADD COLUMN x int",
        })
        {
            using var command = new NpgsqlCommand(forbidden, connection);
            var error = Assert.Throws<PostgresException>(() => command.ExecuteNonQuery());
            Assert.True(error.SqlState is "42501" or "42P01", $"{forbidden}: {error.SqlState} {error.MessageText}");
        }

        Assert.Equal("1", server.Sql("SELECT count(*) FROM zerogo.games", database));
    }

    [SkippableFact]
    public void A_worker_rides_out_a_database_restart_without_losing_or_doubling_games()
    {
        var server = fixture.Server;
        string url = server.Url(server.CreateDatabase());
        using (var trainer = OpenStore(url))
        {
            trainer.Prepare();
            trainer.SaveConfig(TinyConfig());
            trainer.PublishNetwork(0, TinyNetwork());
        }

        using var store = OpenStore(url);
        var worker = new SelfPlayWorker(store, new WorkerOptions
        {
            Name = "restart", CacheFolder = Path.Combine(_folder, "cache"), MaxGames = 8, PollInterval = TimeSpan.FromSeconds(1),
        });
        var uploaded = new List<Guid>();
        var log = new List<string>();
        worker.Uploaded += id => { lock (uploaded) { uploaded.Add(id); } };
        worker.Log += line => { lock (log) { log.Add(line); } };
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var run = Task.Run(() => worker.Run(cancel.Token));
        Assert.True(SpinWait.SpinUntil(() => { lock (uploaded) { return uploaded.Count >= 2; } }, TimeSpan.FromMinutes(2)), "no game uploaded");
        server.Stop();
        Thread.Sleep(TimeSpan.FromSeconds(3));
        server.Start();
        Assert.Equal(8, run.Result);

        Assert.Contains(log, line => line.Contains("retrying in", StringComparison.Ordinal));
        Assert.Equal(8, uploaded.Distinct().Count());
        Assert.Equal(uploaded.Order(), store.GameIds().Order());
    }

    [SkippableFact]
    public void Trainer_with_local_selfplay_and_no_workers_trains_and_publishes_a_generation()
    {
        var server = fixture.Server;
        string url = server.Url(server.CreateDatabase());
        var config = TinyConfig() with
        {
            Training = TinyConfig().Training with { StepsPerGeneration = 5, BatchSize = 32, Precision = "fp32", Threads = 1 },
        };
        var run = new RunDirectory(Path.Combine(_folder, "run"));
        var trainer = new StoreLoop(new RunLoop(run, config), () => StoreAddress.Open(url), localSelfPlay: 2);
        var log = new List<string>();
        trainer.Log += line => { lock (log) { log.Add(line); } };
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        Assert.Equal(1, trainer.Execute(new LoopLimits(1, null), cancel.Token));

        using var store = OpenStore(url);
        Assert.Equal(1, store.NewestGeneration());
        Assert.True(store.CountGames(0) >= config.SelfPlay.GamesPerGeneration, string.Join('\n', log));
        Assert.Contains(log, line => line.StartsWith("store: published gen-0001", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void Trainer_refuses_a_store_that_holds_another_run()
    {
        var server = fixture.Server;
        string url = server.Url(server.CreateDatabase());
        using (var other = OpenStore(url))
        {
            other.Prepare();
            other.SaveConfig(TinyConfig() with { Seed = 99 });
        }

        var run = new RunDirectory(Path.Combine(_folder, "run"));
        var trainer = new StoreLoop(new RunLoop(run, TinyConfig()), () => StoreAddress.Open(url), localSelfPlay: 0);
        var refused = Assert.Throws<StoreFatalException>(() => trainer.Execute(new LoopLimits(1, null)));
        Assert.Contains("holds another run", refused.Message);
        Assert.False(Directory.Exists(run.Models) && Directory.EnumerateFiles(run.Models).Any());
    }

    [SkippableFact]
    public void Trainer_refuses_a_run_folder_behind_the_store()
    {
        var server = fixture.Server;
        string url = server.Url(server.CreateDatabase());
        using (var ahead = OpenStore(url))
        {
            ahead.Prepare();
            ahead.SaveConfig(TinyConfig());
            ahead.PublishNetwork(0, TinyNetwork());
            ahead.PublishNetwork(1, TinyNetwork());
        }

        var trainer = new StoreLoop(new RunLoop(new RunDirectory(Path.Combine(_folder, "fresh")), TinyConfig()), () => StoreAddress.Open(url), 0);
        var refused = Assert.Throws<StoreFatalException>(() => trainer.Execute(new LoopLimits(2, null)));
        Assert.Contains("already has generation 1 but", refused.Message);
    }

    [Fact]
    public void Store_url_keeps_the_password_out_of_its_description()
    {
        var connection = StoreAddress.ToConnectionString("postgresql://trainer:s%40cret@db.example:6543/go?sslmode=require");
        var builder = new NpgsqlConnectionStringBuilder(connection);
        Assert.Equal(("trainer", "s@cret", "db.example", 6543, "go", SslMode.Require),
            (builder.Username, builder.Password, builder.Host, builder.Port, builder.Database, builder.SslMode));
        Assert.Equal("postgresql://trainer@db.example:6543/go", StoreAddress.Describe(connection));
        Assert.Throws<StoreFatalException>(() => StoreAddress.ToConnectionString("postgresql://h/db?colour=blue"));
        Assert.IsType<RunFolderStore>(StoreAddress.Open("/tmp/some-run"));
    }

    [Fact]
    public void Run_folder_store_adds_a_game_once_under_its_generation()
    {
        var run = new RunDirectory(Path.Combine(_folder, "run"));
        using var store = new RunFolderStore(run);
        store.Prepare();
        Assert.False(store.IsPrepared());
        store.SaveConfig(TinyConfig());
        store.PublishNetwork(0, TinyNetwork());
        Assert.True(store.IsPrepared());
        Assert.Equal(0, store.NewestGeneration());
        var game = Game(0);
        Assert.True(store.AddGame(game));
        Assert.False(store.AddGame(game));
        Assert.Equal(1, store.CountGames(0));
        Assert.Equal([game.Id], store.GameIds());
        Assert.Equal(game.Chunk, Assert.Single(store.ReadGames([game.Id])).Chunk);
        Assert.EndsWith("store: 1 generations, 1 games, 1 distinct game ids, 0 workers", store.Status(TimeSpan.FromMinutes(1)).Format());
    }
}
