using System.CommandLine;
using System.Globalization;
using ZeroGo.Cli.Verbs;

// Scripts read our numbers: never let the user's locale turn 1.5 into "1,5".
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

var root = new RootCommand("ZeroGo: a Go engine that learns from zero (AlphaZero style).");
foreach (var verb in VerbRegistry.All())
{
    root.Subcommands.Add(verb);
}

return await root.Parse(args).InvokeAsync();
