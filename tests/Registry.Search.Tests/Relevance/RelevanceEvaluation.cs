using System.Text;

namespace Registry.Search.Tests.Relevance;

/// <summary>One judged query: topic key → grade (3 exact, 2 close, 1 partial).</summary>
public sealed record Judgment(string Query, IReadOnlyDictionary<string, int> Grades);

/// <summary>Mean nDCG@10 and recall@10 of one engine over the judged queries, with per-query figures.</summary>
public sealed record RelevanceReport(string Engine, double NdcgAt10, double RecallAt10, IReadOnlyList<(string Query, double Ndcg, double Recall)> PerQuery)
{
    public override string ToString()
    {
        var sb = new StringBuilder($"{Engine}: nDCG@10 = {NdcgAt10:F3}, recall@10 = {RecallAt10:F3}\n");
        foreach (var (query, ndcg, recall) in PerQuery) sb.Append($"  {ndcg:F2} {recall:F2}  {query}\n");
        return sb.ToString();
    }
}

/// <summary>
/// Scores a search function against <c>judgments.txt</c> over <see cref="RelevanceCorpus"/>. Both published
/// variants of a judged topic carry its grade, so the ideal ranking has each relevant topic twice.
/// </summary>
public static class RelevanceEvaluation
{
    public const int K = 10;

    public static IReadOnlyList<Judgment> LoadJudgments()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Relevance", "judgments.txt");
        return File.ReadLines(path, Encoding.UTF8)
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l =>
            {
                var parts = l.Split('\t');
                var grades = parts[1].Split(' ', StringSplitOptions.RemoveEmptyEntries)
                    .Select(g => g.Split(':'))
                    .ToDictionary(g => g[0], g => int.Parse(g[1]));
                return new Judgment(parts[0], grades);
            })
            .ToList();
    }

    /// <param name="search">Returns the ids of the top <see cref="K"/> hits for a query.</param>
    public static async Task<RelevanceReport> EvaluateAsync(string engine, IReadOnlyList<Judgment> judgments, Func<string, Task<IReadOnlyList<string>>> search)
    {
        var perQuery = new List<(string, double, double)>();
        foreach (var judgment in judgments)
        {
            var keys = (await search(judgment.Query)).Take(K).Select(RelevanceCorpus.KeyOf).ToList();
            perQuery.Add((judgment.Query, Ndcg(keys, judgment.Grades), Recall(keys, judgment.Grades)));
        }
        return new RelevanceReport(engine, perQuery.Average(q => q.Item2), perQuery.Average(q => q.Item3), perQuery);
    }

    public static double Ndcg(IReadOnlyList<string> rankedKeys, IReadOnlyDictionary<string, int> grades)
    {
        var gains = rankedKeys.Select(k => grades.GetValueOrDefault(k)).ToList();
        var ideal = grades.Values.SelectMany(g => new[] { g, g }).OrderDescending().Take(K).ToList();
        var idcg = Dcg(ideal);
        return idcg == 0 ? 0 : Dcg(gains) / idcg;
    }

    /// <summary>Share of relevant tasks (two per judged topic) found in the top <see cref="K"/>.</summary>
    public static double Recall(IReadOnlyList<string> rankedKeys, IReadOnlyDictionary<string, int> grades)
    {
        var relevant = Math.Min(K, grades.Count * 2);
        return (double)rankedKeys.Count(grades.ContainsKey) / relevant;
    }

    private static double Dcg(IEnumerable<int> gains) =>
        gains.Select((g, i) => (Math.Pow(2, g) - 1) / Math.Log2(i + 2)).Sum();
}
