using System.Text;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Aggregations;
using Elastic.Clients.Elasticsearch.QueryDsl;
using Registry.Search.Analysis;
using Registry.Search.Lucene;
using Registry.Search.Model;
using F = Registry.Search.Model.SearchFields;
using SearchRequest = Elastic.Clients.Elasticsearch.SearchRequest;

namespace Registry.Search.Elasticsearch;

/// <summary>
/// Search-box completions from the <see cref="F.Suggest"/> and <see cref="F.SuggestTitle"/> keyword fields, which
/// hold the same "folded words␟display␟source" terms as the Lucene engine (phrases: one per word start of keywords
/// and the organisation name; titles: one per task, from the title start). A <c>prefix</c> query on the folded key
/// finds the tasks; a <c>terms</c> aggregation per field restricted to the keys with that prefix counts tasks per
/// phrase (most used first) and brings a few titles (count 1, in key order as the Lucene engine's short scan).
/// An edge-ngram or <c>search_as_you_type</c> field would find documents but not count distinct phrases, which
/// the search box shows.
/// </summary>
internal static class EsSuggestions
{
    public const string Aggregation = "suggestions";
    public const string TitleAggregation = "titles";
    private const char Separator = '\u001F';
    /// <summary>Phrases fetched before merging spellings of the same phrase.</summary>
    private const int Candidates = 100;
    /// <summary>Titles fetched: twice the most suggestions shown, as the Lucene engine scans.</summary>
    private const int TitleCandidates = 20;

    /// <summary>Null when the prefix has no letters or digits (nothing to look for).</summary>
    public static SearchRequest? Build(string alias, string prefix)
    {
        var key = Suggestions.Key(prefix ?? "");
        if (key.Length == 0) return null;
        return new SearchRequest(alias)
        {
            Size = 0,
            TrackTotalHits = new Elastic.Clients.Elasticsearch.Core.Search.TrackHits(false),
            Query = new BoolQuery
            {
                Filter = [new BoolQuery { Should = [new PrefixQuery(F.Suggest, key), new PrefixQuery(F.SuggestTitle, key)], MinimumShouldMatch = 1 }],
            },
            Aggregations = new Dictionary<string, Elastic.Clients.Elasticsearch.Aggregations.Aggregation>
            {
                [Aggregation] = new TermsAggregation { Field = F.Suggest, Size = Candidates, Include = new TermsInclude(Escape(key) + ".*") },
                [TitleAggregation] = new TermsAggregation
                {
                    Field = F.SuggestTitle, Size = TitleCandidates, Include = new TermsInclude(Escape(key) + ".*"),
                    Order = [new KeyValuePair<Field, SortOrder>("_key", SortOrder.Asc)],
                },
            },
        };
    }

    /// <summary>Merges buckets by folded display text, then orders like the Lucene engine.</summary>
    public static IReadOnlyList<Suggestion> Read(SearchResponse<EsStoredRecord> response, string prefix, int max)
    {
        var key = Suggestions.Key(prefix ?? "");
        var found = new Dictionary<string, (Suggestion Best, bool AtStart)>();
        foreach (var bucket in Buckets(response, Aggregation).Concat(Buckets(response, TitleAggregation)))
        {
            if (!bucket.Key.TryGetString(out var term) || term is null) continue;
            var parts = term.Split(Separator);
            if (parts.Length != 3 || bucket.DocCount == 0) continue;
            Merge(found, parts[1], parts[2], bucket.DocCount, Suggestions.Key(parts[1]).StartsWith(key, StringComparison.Ordinal));
        }
        return found.Values
            .OrderByDescending(f => f.Best.Count).ThenByDescending(f => f.AtStart).ThenBy(f => f.Best.Text.Length)
            .ThenBy(f => f.Best.Text, StringComparer.Ordinal)
            .Take(Math.Clamp(max, 0, 10)).Select(f => f.Best).ToList();
    }

    private static IEnumerable<StringTermsBucket> Buckets(SearchResponse<EsStoredRecord> response, string name) =>
        response.Aggregations is not null && response.Aggregations.TryGetAggregate(name, out var aggregate)
            && aggregate is StringTermsAggregate terms ? terms.Buckets : [];

    private static void Merge(Dictionary<string, (Suggestion Best, bool AtStart)> found, string display, string source, long count, bool atStart)
    {
        var distinct = VietnameseText.Fold(display).ToLowerInvariant();
        if (found.TryGetValue(distinct, out var existing))
        {
            var total = existing.Best.Count + count;
            var best = count > existing.Best.Count ? new Suggestion(display, source, total) : existing.Best with { Count = total };
            found[distinct] = (best, existing.AtStart || atStart);
        }
        else found[distinct] = (new Suggestion(display, source, count), atStart);
    }

    /// <summary>Escapes everything but ASCII letters and digits for a Lucene regular expression.</summary>
    internal static string Escape(string literal)
    {
        var sb = new StringBuilder(literal.Length * 2);
        foreach (var c in literal)
        {
            if (!char.IsAsciiLetterOrDigit(c)) sb.Append('\\');
            sb.Append(c);
        }
        return sb.ToString();
    }
}
