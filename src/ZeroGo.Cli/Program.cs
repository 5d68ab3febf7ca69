using System.CommandLine;
using System.Globalization;
using ZeroGo.Cli;
using ZeroGo.Cli.Verbs;

// Scripts read our numbers: never let the user's locale turn 1.5 into "1,5".
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

// A failure on a worker thread (self-play, search, GUI) ends the process too: the same one line and log file.
AppDomain.CurrentDomain.UnhandledException += (_, e) =>
{
    if (e.ExceptionObject is Exception error)
    {
        Environment.Exit(CrashReport.Report(args, error));
    }
};

var root = new RootCommand("ZeroGo: a Go engine that learns from zero (AlphaZero style).");
foreach (var verb in VerbRegistry.All())
{
    root.Subcommands.Add(verb);
}

try
{
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (OperationCanceledException)
{
    return 130;   // Ctrl-C during a verb that does not handle it itself
}
catch (Exception error)
{
    return CrashReport.Report(args, error);
}
