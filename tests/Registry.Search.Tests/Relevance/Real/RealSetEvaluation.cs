using System.Globalization;
using System.Text;

namespace Registry.Search.Tests.Relevance.Real;

/// <summary>What one engine did for one query: the ranked ids of the whole returned set.</summary>
public sealed record QueryOutcome(RealQuery Query, IReadOnlyList<string> Returned)
{
    public const int K = 10;

    /// <summary>nDCG@10 with gains 2^grade − 1 against the ideal ordering of the judged grades.</summary>
    public double Ndcg
    {
        get
        {
            var idcg = Dcg(Query.Grades.Values.OrderDescending().Take(K));
            return idcg == 0 ? 0 : Dcg(Returned.Take(K).Select(id => Query.Grades.GetValueOrDefault(id))) / idcg;
        }
    }

    /// <summary>Grade-2 tasks in the top 10, over min(10, number of grade-2 tasks).</summary>
    public double RecallAt10 => Ratio(Returned.Take(K).Count(IsSquare), Math.Min(K, Square));

    /// <summary>Share of the whole returned set judged relevant (grade 1 or 2): is the count a reader sees honest?</summary>
    public double SetPrecision => Returned.Count == 0 ? 1 : Ratio(Returned.Count(Query.Grades.ContainsKey), Returned.Count);

    /// <summary>Share of the grade-2 tasks anywhere in the returned set.</summary>
    public double SetRecall => Ratio(Returned.Count(IsSquare), Square);

    private int Square => Query.Grades.Count(g => g.Value == 2);
    private bool IsSquare(string id) => Query.Grades.GetValueOrDefault(id) == 2;
    private static double Ratio(int a, int b) => b == 0 ? 1 : (double)a / b;
    private static double Dcg(IEnumerable<int> grades) => grades.Select((g, i) => (Math.Pow(2, g) - 1) / Math.Log2(i + 2)).Sum();
}

/// <summary>Means of one engine over the real set, overall and split by how the query was typed.</summary>
public sealed record RealSetReport(string Engine, IReadOnlyList<QueryOutcome> Outcomes)
{
    public double Ndcg => Mean(Outcomes, o => o.Ndcg);
    public double RecallAt10 => Mean(Outcomes, o => o.RecallAt10);
    public double NdcgWithDiacritics => Mean(Outcomes.Where(o => o.Query.HasDiacritics), o => o.Ndcg);
    public double NdcgWithoutDiacritics => Mean(Outcomes.Where(o => !o.Query.HasDiacritics), o => o.Ndcg);
    public double RecallWithDiacritics => Mean(Outcomes.Where(o => o.Query.HasDiacritics), o => o.RecallAt10);
    public double RecallWithoutDiacritics => Mean(Outcomes.Where(o => !o.Query.HasDiacritics), o => o.RecallAt10);
    public double SetPrecision => Mean(Outcomes, o => o.SetPrecision);
    public double SetRecall => Mean(Outcomes, o => o.SetRecall);
    public int EmptyResults => Outcomes.Count(o => o.Returned.Count == 0);

    public static string Header =>
        "| engine | nDCG@10 | recall@10 | nDCG@10 with / without diacritics | recall@10 with / without | set precision | set recall | empty |\n" +
        "|---|---|---|---|---|---|---|---|";

    public string Row => string.Create(CultureInfo.InvariantCulture,
        $"| {Engine} | {Ndcg:F3} | {RecallAt10:F3} | {NdcgWithDiacritics:F3} / {NdcgWithoutDiacritics:F3} | {RecallWithDiacritics:F3} / {RecallWithoutDiacritics:F3} | {SetPrecision:F3} | {SetRecall:F3} | {EmptyResults} |");

    private const int K = QueryOutcome.K;

    /// <param name="titles">Task id → title: when given, the worst queries list their first hits and the squarely
    /// relevant tasks they missed.</param>
    public string PerQuery(Func<string, string>? titles = null)
    {
        var sb = new StringBuilder($"{Engine}, per query (nDCG@10, recall@10, set precision, set recall, returned):\n");
        foreach (var o in Outcomes.OrderBy(o => o.Ndcg))
        {
            sb.Append(CultureInfo.InvariantCulture, $"  {o.Ndcg:F2} {o.RecallAt10:F2} {o.SetPrecision:F2} {o.SetRecall:F2} {o.Returned.Count,4}  {o.Query.Text}\n");
            if (o.Ndcg >= 0.7 || titles is null) continue;
            foreach (var id in o.Returned.Take(5)) sb.Append($"        got {o.Query.Grades.GetValueOrDefault(id)} {id} {titles(id)}\n");
            foreach (var missed in o.Query.Grades.Where(g => g.Value == 2 && !o.Returned.Take(K).Contains(g.Key)).Select(g => g.Key))
                sb.Append($"        missed {missed} {titles(missed)}\n");
        }
        return sb.ToString();
    }

    private static double Mean(IEnumerable<QueryOutcome> outcomes, Func<QueryOutcome, double> f)
    {
        var list = outcomes.ToList();
        return list.Count == 0 ? 0 : list.Average(f);
    }
}
