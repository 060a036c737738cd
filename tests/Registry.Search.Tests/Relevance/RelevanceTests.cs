using Lucene.Net.Store;
using Registry.Search.Lucene;
using Registry.Search.Model;
using Xunit.Abstractions;

namespace Registry.Search.Tests.Relevance;

/// <summary>
/// Measures nDCG@10 and recall@10 of the Lucene engine and of an FTS5 baseline on the same corpus and judged
/// queries, prints both (run with <c>--logger "console;verbosity=detailed"</c> to see them) and requires a clear lead.
/// </summary>
public sealed class RelevanceTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Lucene_ranks_clearly_better_than_sqlite_fts5()
    {
        var judgments = RelevanceEvaluation.LoadJudgments();
        Assert.True(judgments.Count >= 40);

        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var lucene = new LuceneSearchIndex(new RAMDirectory(), TimeSpan.FromMinutes(1));
        await lucene.UpsertAsync(RelevanceCorpus.Records);
        output.WriteLine($"indexed in {clock.ElapsedMilliseconds} ms");
        clock.Restart();
        var ours = await RelevanceEvaluation.EvaluateAsync("Lucene", judgments, async q =>
            (await lucene.SearchAsync(new SearchRequest { Query = q, PageSize = RelevanceEvaluation.K })).Hits.Select(h => h.Id).ToList());

        output.WriteLine($"queried in {clock.ElapsedMilliseconds} ms");
        using var fts = new Fts5Baseline(RelevanceCorpus.Records);
        var baseline = await RelevanceEvaluation.EvaluateAsync("SQLite FTS5", judgments, q => Task.FromResult(fts.Search(q, RelevanceEvaluation.K)));

        output.WriteLine(ours.ToString());
        output.WriteLine(baseline.ToString());
        Assert.True(ours.NdcgAt10 >= baseline.NdcgAt10 + 0.15, $"nDCG@10 {ours.NdcgAt10:F3} vs {baseline.NdcgAt10:F3}");
        Assert.True(ours.RecallAt10 >= baseline.RecallAt10 + 0.15, $"recall@10 {ours.RecallAt10:F3} vs {baseline.RecallAt10:F3}");
        Assert.True(ours.NdcgAt10 >= 0.8, $"nDCG@10 {ours.NdcgAt10:F3}");
    }

    [Fact]
    public void Metrics_are_computed_as_defined()
    {
        var grades = new Dictionary<string, int> { ["A"] = 3, ["B"] = 1 };
        Assert.Equal(1.0, RelevanceEvaluation.Ndcg(["A", "A", "B", "B"], grades), 6);
        Assert.True(RelevanceEvaluation.Ndcg(["B", "B", "A", "A"], grades) < 1.0);
        Assert.Equal(0.0, RelevanceEvaluation.Ndcg(["X"], grades));
        Assert.Equal(0.5, RelevanceEvaluation.Recall(["A", "B", "X"], grades));
    }
}
