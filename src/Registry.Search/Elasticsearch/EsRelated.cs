using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.QueryDsl;
using Registry.Search.Model;
using F = Registry.Search.Model.SearchFields;
using SearchRequest = Elastic.Clients.Elasticsearch.SearchRequest;

namespace Registry.Search.Elasticsearch;

/// <summary>
/// "Related tasks": <c>more_like_this</c> with the folded words of the given task's title, keywords and summary
/// (weighted 2 / 1.5 / 1, as in the Lucene engine), looked up in all text (<see cref="TextLayout.All"/>, which holds the
/// folded form of every word), a small boost for sharing a sector, never the task itself. The task's texts are sent as
/// <c>like</c> text analysed with the folded analyzer (what the Lucene engine does), which also avoids term vectors.
/// </summary>
internal static class EsRelated
{
    /// <summary>Frequent words that say nothing about what a task is about (folded, as the analysed terms are).</summary>
    internal static readonly string[] StopWords =
        ["va", "cua", "cac", "cho", "trong", "tai", "tren", "nhung", "mot", "la", "co", "duoc", "voi", "de", "den", "tu",
         "nghien", "cuu", "ung", "dung", "tinh", "phu", "tho", "thuc", "hien", "xay", "dia", "ban", "nham", "theo"];

    public static SearchRequest Build(string alias, SearchDocument task, int max)
    {
        var like = new List<Query>();
        AddLike(like, task.Title, 2f);
        AddLike(like, string.Join(" . ", task.Keywords), 1.5f);
        AddLike(like, task.Summary, 1f);
        like.AddRange(task.Sectors.Select(s => (Query)new TermQuery(F.Sector, s) { Boost = 0.5f }));
        var id = task.Id;
        return new SearchRequest(alias)
        {
            Size = Math.Clamp(max, 1, 50),
            Source = new Elastic.Clients.Elasticsearch.Core.Search.SourceConfig(
                new Elastic.Clients.Elasticsearch.Core.Search.SourceFilter { Includes = new[] { F.Source } }),
            Query = new BoolQuery
            {
                Must = [new BoolQuery { Should = like }],
                MustNot = [new IdsQuery { Values = new Ids([id]) }],
            },
            Sort = [new SortOptions { Score = new ScoreSort { Order = SortOrder.Desc } }, new FieldSort(F.Id) { Order = SortOrder.Asc }],
        };
    }

    private static void AddLike(List<Query> like, string text, float boost)
    {
        if (!string.IsNullOrWhiteSpace(text)) like.Add(Like(text, boost));
    }

    private static MoreLikeThisQuery Like(string text, float boost) => new()
    {
        Fields = new[] { (Field)TextLayout.All },
        Like = [text],
        Analyzer = EsAnalysis.Folded,
        MinTermFreq = 1,
        MinDocFreq = 1,
        MinWordLength = 2,
        MaxQueryTerms = 20,
        StopWords = new Union<Elastic.Clients.Elasticsearch.Analysis.StopWordLanguage, ICollection<string>>(StopWords.ToList()),
        Boost = boost,
    };
}
