using System.Text.Json;
using System.Text.Json.Nodes;
using ZeroGo.Gtp.KataAnalysis;
using ZeroGo.Search;

namespace ZeroGo.Gtp.Tests;

/// <summary>
/// Hundreds of queries with one field replaced by a value of another type, an out-of-range number or nothing:
/// every one is answered (an error naming the field, or its analyses), none with an internal error, and the
/// engine serves to the end of its input.
/// </summary>
public sealed class KataAnalysisFuzzTests
{
    // Written with single quotes to stay readable; Mutate parses it with double ones.
    private const string Base =
        "{'id':'x','rules':'chinese','komi':7.5,'boardXSize':9,'boardYSize':9,'initialStones':[['B','C3']],'initialPlayer':'W'," +
        "'moves':[['W','E5'],['B','G7']],'analyzeTurns':[0,2],'maxVisits':4,'includeOwnership':true,'includePolicy':true," +
        "'includePVVisits':true,'avoidMoves':[{'player':'B','moves':['D4'],'untilDepth':1}],'priority':1," +
        "'overrideSettings':{'reportAnalysisWinratesAs':'BLACK','cpuctExploration':1.1},'reportDuringSearchEvery':1}";

    private static readonly string[] Replacements =
    [
        "null", "-1", "0", "1", "2.5", "1e400", "-1e400", "100000000000", "\"\"", "\"B\"", "\"pass\"", "\"Z99\"",
        "\"(3,4)\"", "\"(99,0)\"", "true", "[]", "[1,2]", "[[\"B\"]]", "[[\"B\",\"A1\"],[\"W\",\"A1\"]]", "{}",
        "{\"player\":\"W\"}", "[{\"player\":\"B\",\"moves\":[\"pass\"],\"untilDepth\":1}]", "\"japanese\"",
        "{\"ko\":\"POSITIONAL\",\"scoring\":\"TERRITORY\",\"tax\":\"SEKI\"}", "{\"maxTime\":-3}", "{\"maxTime\":\"soon\"}",
    ];

    /// <summary>The base query with one field (at the top, in a move pair or a setting) replaced or removed.</summary>
    private static string Mutate(Random random, int index)
    {
        var query = JsonNode.Parse(Base.Replace('\'', '"'))!.AsObject();
        query["id"] = $"f{index}";
        var names = query.Select(p => p.Key).Where(k => k != "id").ToList();
        string name = names[random.Next(names.Count)];
        var replacement = random.Next(8) == 0 ? null : JsonNode.Parse(Replacements[random.Next(Replacements.Length)]);
        switch (random.Next(3))
        {
            case 0 when query[name] is JsonArray { Count: > 0 } array:
                array[random.Next(array.Count)] = replacement;
                break;
            case 1 when query[name] is JsonObject { Count: > 0 } inner:
                inner[inner.Select(p => p.Key).ElementAt(random.Next(inner.Count))] = replacement;
                break;
            default:
                if (replacement is null)
                {
                    query.Remove(name);
                }
                else
                {
                    query[name] = replacement;
                }

                break;
        }

        return query.ToJsonString();
    }

    [Fact]
    public void EveryMutatedQueryIsAnsweredAndNoneBreaksTheEngine()
    {
        var random = new Random(18);
        var queries = Enumerable.Range(0, 400).Select(i => Mutate(random, i)).ToList();
        var output = new StringWriter();
        var engine = new AnalysisEngine(new AnalysisEngineOptions { Evaluator = new UniformEvaluator(), AnalysisThreads = 2 }, output, TextWriter.Null);

        engine.Run(new StringReader(string.Join('\n', queries) + "\n"));

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
        Assert.DoesNotContain(lines, l => l.TryGetProperty("error", out var e) && e.GetString()!.Contains("internal error"));
        var byId = lines.Where(l => l.TryGetProperty("id", out _)).ToLookup(l => l.GetProperty("id").GetString());
        int errors = 0, analysed = 0;
        for (int i = 0; i < queries.Count; i++)
        {
            var answers = byId[$"f{i}"].ToList();
            bool failed = answers.Any(a => a.TryGetProperty("error", out _));
            bool searched = answers.Any(a => a.TryGetProperty("isDuringSearch", out var d) && !d.GetBoolean());
            Assert.True(failed ^ searched, $"query {i} should get an error or analyses, not both or neither: {queries[i]}");
            if (failed)
            {
                Assert.True(answers.Single(a => a.TryGetProperty("error", out _)).TryGetProperty("field", out _), queries[i]);
            }

            errors += failed ? 1 : 0;
            analysed += searched ? 1 : 0;
        }

        // The mutations must exercise both paths, or the test proves little.
        Assert.InRange(errors, 40, 360);
        Assert.InRange(analysed, 40, 360);
    }
}
