using System.Text.Json;
using ZeroGo.Search;

namespace ZeroGo.Gtp.KataAnalysis;

/// <summary>What the analysis engine is built from: the shared evaluator, the defaults, and the engine-wide knobs.</summary>
public sealed record AnalysisEngineOptions
{
    public required IEvaluator Evaluator { get; init; }

    public AnalysisSettings Settings { get; init; } = AnalysisSettings.Default;

    /// <summary>Turns analysed at the same time (KataGo's numAnalysisThreads), each by its own search.</summary>
    public int AnalysisThreads { get; init; } = 8;

    /// <summary>Empties the evaluators' caches (the <c>clear_cache</c> action).</summary>
    public Action ClearCache { get; init; } = () => { };

    /// <summary>Answered to <c>query_version</c>.</summary>
    public string Version { get; init; } = "0.0.0";

    /// <summary>At end of input, stop the searches in flight and drop queued turns instead of finishing them.</summary>
    public bool QuitWithoutWaiting { get; init; }
}

/// <summary>
/// KataGo's JSON analysis engine protocol: one query per input line, one JSON object per output line, answered
/// asynchronously. The input thread parses lines and answers actions at once; <see cref="AnalysisEngineOptions.AnalysisThreads"/>
/// threads take queued turns by priority and search them side by side on one evaluator. No input line ends the
/// engine: bad JSON, bad fields and even our own failures are answered with error lines. At end of input the
/// queued turns are finished (unless told to quit without waiting), as KataGo does.
/// </summary>
public sealed class AnalysisEngine
{
    private readonly AnalysisEngineOptions _options;
    private readonly AnalysisOutput _output;
    private readonly TextWriter _log;
    private readonly AnalysisQueue _queue = new();
    private readonly TurnAnalyser _analyser;
    private long _sequence;

    public AnalysisEngine(AnalysisEngineOptions options, TextWriter output, TextWriter log)
    {
        if (options.AnalysisThreads is < 1 or > 256)
        {
            throw new ArgumentException($"analysis threads must be 1..256 (got {options.AnalysisThreads})");
        }

        _options = options;
        _output = new AnalysisOutput(output);
        _log = log;
        _analyser = new TurnAnalyser(options.Evaluator, _output);
    }

    /// <summary>Serves <paramref name="input"/> until it ends, then finishes (or drops) what is queued and returns.</summary>
    public void Run(TextReader input)
    {
        var threads = Enumerable.Range(0, _options.AnalysisThreads)
            .Select(i => new Thread(Work) { IsBackground = true, Name = $"analysis {i}" })
            .ToList();
        threads.ForEach(t => t.Start());
        while (input.ReadLine() is { } line)
        {
            Handle(line);
        }

        if (_options.QuitWithoutWaiting)
        {
            _queue.Terminate(null, null);
        }

        _queue.Close();
        threads.ForEach(t => t.Join());
    }

    /// <summary>One input line: an action answered now, or a query whose turns are queued.</summary>
    public void Handle(string line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return;
        }

        try
        {
            using var document = JsonDocument.Parse(line);
            HandleObject(document.RootElement);
        }
        catch (JsonException e)
        {
            _output.WriteLine(AnalysisResponses.Error($"Could not parse json: {e.Message}"));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            _log.WriteLine($"zerogo analysis: internal error on input line: {e}");
            _output.WriteLine(AnalysisResponses.Error($"internal error: {e.Message}"));
        }
    }

    private void HandleObject(JsonElement request)
    {
        if (request.ValueKind != JsonValueKind.Object)
        {
            _output.WriteLine(AnalysisResponses.Error("Request line was valid json but was not an object"));
            return;
        }

        if (!request.TryGetProperty("id", out var idField) || idField.ValueKind != JsonValueKind.String)
        {
            _output.WriteLine(AnalysisResponses.Error("Request must have a string field 'id'"));
            return;
        }

        string id = idField.GetString()!;
        if (request.TryGetProperty("action", out var action))
        {
            HandleAction(id, action.ValueKind == JsonValueKind.String ? action.GetString()! : action.GetRawText(), request);
            return;
        }

        var parse = AnalysisQueryParser.Parse(id, request, _options.Settings);
        foreach (var warning in parse.Warnings)
        {
            _output.WriteLine(AnalysisResponses.FieldWarning(id, warning));
        }

        if (parse.Query is not { } query)
        {
            _output.WriteLine(AnalysisResponses.FieldError(id, parse.Error!));
            return;
        }

        foreach (var turn in query.Turns)
        {
            _queue.Add(new AnalysisJob(query, turn, Interlocked.Increment(ref _sequence)));
        }
    }

    private void HandleAction(string id, string action, JsonElement request)
    {
        switch (action)
        {
            case "query_version":
                _output.WriteLine(AnalysisResponses.Echo(request, ("version", _options.Version), ("git_hash", "<omitted>")));
                break;
            case "clear_cache":
                _options.ClearCache();
                _output.WriteLine(AnalysisResponses.Echo(request));
                break;
            case "terminate" or "terminate_all":
                if (!TryReadTermination(id, action, request, out string? target, out var turns))
                {
                    return;
                }

                foreach (var job in _queue.Terminate(target, turns))
                {
                    _output.WriteLine(AnalysisResponses.NoResults(job.Query.Id, job.Turn.TurnNumber));
                }

                _output.WriteLine(AnalysisResponses.Echo(request));
                break;
            default:
                _output.WriteLine(AnalysisResponses.FieldError(id, new QueryProblem("action", $"Unknown action '{action}'")));
                break;
        }
    }

    /// <summary>terminate's terminateId (required) and both actions' optional turnNumbers; false after answering an error.</summary>
    private bool TryReadTermination(string id, string action, JsonElement request, out string? target, out List<int>? turns)
    {
        target = null;
        turns = null;
        if (action == "terminate")
        {
            if (!request.TryGetProperty("terminateId", out var terminateId) || terminateId.ValueKind != JsonValueKind.String)
            {
                _output.WriteLine(AnalysisResponses.FieldError(id, new QueryProblem("terminateId", "Required string field terminateId is missing")));
                return false;
            }

            target = terminateId.GetString();
        }

        if (request.TryGetProperty("turnNumbers", out var numbers) && numbers.ValueKind != JsonValueKind.Null)
        {
            if (numbers.ValueKind != JsonValueKind.Array || numbers.EnumerateArray().Any(n => n.ValueKind != JsonValueKind.Number || !n.TryGetInt32(out _)))
            {
                _output.WriteLine(AnalysisResponses.FieldError(id, new QueryProblem("turnNumbers", "turnNumbers must be an array of integers")));
                return false;
            }

            turns = [.. numbers.EnumerateArray().Select(n => n.GetInt32())];
        }

        return true;
    }

    private void Work()
    {
        while (_queue.Take() is { } job)
        {
            try
            {
                _analyser.Analyse(job);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Still one final line for the turn, so a client waiting for it is not left hanging.
                _log.WriteLine($"zerogo analysis: turn {job.Turn.TurnNumber} of '{job.Query.Id}' failed: {e}");
                _output.WriteLine(AnalysisResponses.FieldError(job.Query.Id, new QueryProblem("moves", $"analysis of turn {job.Turn.TurnNumber} failed: {e.Message}")));
            }
            finally
            {
                _queue.Finished(job);
            }
        }
    }
}
