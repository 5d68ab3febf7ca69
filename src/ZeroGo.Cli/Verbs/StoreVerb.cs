using System.CommandLine;
using ZeroGo.Training.Store;

namespace ZeroGo.Cli.Verbs;

/// <summary>
/// <c>zerogo store status|grant-worker --store …</c>: what a distributed run's store holds, and the set-up step
/// that lets a worker role add games and read networks (docs/distributed.md).
/// </summary>
internal static class StoreVerb
{
    public static Command Create()
    {
        var command = new Command("store", "Inspect or set up the shared store of a distributed run.");
        command.Subcommands.Add(Status());
        command.Subcommands.Add(GrantWorker());
        return command;
    }

    private static Command Status()
    {
        var store = StoreOption();
        var minutes = new Option<double>("--minutes") { Description = "Workers seen in this many recent minutes.", DefaultValueFactory = _ => 10 };
        var command = new Command("status", "Networks, games per generation, recent workers and their games/h.") { store, minutes };
        command.SetAction(parse => Guarded("store status", () =>
        {
            using var runStore = StoreAddress.Open(parse.GetValue(store)!);
            var status = runStore.Status(TimeSpan.FromMinutes(Math.Max(0.1, parse.GetValue(minutes))));
            Console.WriteLine($"store {runStore.Description}");
            Console.WriteLine(status.Format());
        }));
        return command;
    }

    private static Command GrantWorker()
    {
        var store = StoreOption();
        var role = new Option<string>("--role") { Description = "An existing PostgreSQL role (CREATE ROLE … LOGIN) the workers connect as.", Required = true };
        var command = new Command("grant-worker", "Let a role read the run's networks and add games, nothing else (run as the trainer's role).") { store, role };
        command.SetAction(parse => Guarded("store grant-worker", () =>
        {
            using var runStore = StoreAddress.Open(parse.GetValue(store)!);
            if (runStore is not PostgresRunStore postgres)
            {
                throw new StoreFatalException("grant-worker is for a PostgreSQL store");
            }

            postgres.Prepare();
            postgres.GrantWorker(parse.GetValue(role)!);
            Console.WriteLine($"store: role {parse.GetValue(role)} may read networks and add games in {runStore.Description}");
        }));
        return command;
    }

    private static Option<string> StoreOption() =>
        new("--store") { Description = "postgresql://USER@HOST[:PORT]/DATABASE or a run folder.", Required = true };

    private static int Guarded(string verb, Action action)
    {
        try
        {
            action();
            return 0;
        }
        catch (Exception e) when (e is StoreFatalException or StoreUnavailableException or IOException or InvalidDataException)
        {
            Console.Error.WriteLine($"zerogo {verb}: {e.Message}");
            return 1;
        }
    }
}
