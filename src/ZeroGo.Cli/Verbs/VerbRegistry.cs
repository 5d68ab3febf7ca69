using System.CommandLine;

namespace ZeroGo.Cli.Verbs;

/// <summary>Every verb of the <c>zerogo</c> command, one class per verb.</summary>
internal static class VerbRegistry
{
    public static IEnumerable<Command> All() =>
    [
        BenchVerb.Create(),
        GtpVerb.Create(),
        AnalysisVerb.Create(),
        LeelaZeroVerb.Create(),
        PlayVerb.Create(),
        ReplayVerb.Create(),
        RenderVerb.Create(),
        SgfVerb.Create(),
        LoopVerb.Create(),
        ArenaVerb.Create(),
        SelfplayVerb.Create(),
        TrainVerb.Create(),
        LadderVerb.Create(),
        WorkerVerb.Create(),
        StoreVerb.Create(),
        EvalVerb.Create(),
        StatsVerb.Create(),
    ];
}
