using System.Text;
using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Aggregations;
using Elastic.Clients.Elasticsearch.QueryDsl;
using Registry.Search.Model;
using F = Registry.Search.Model.SearchFields;
using SearchRequest = Elastic.Clients.Elasticsearch.SearchRequest;

namespace Registry.Search.Elasticsearch;

/// <summary>
/// Search-box completions from the <see cref="F.Suggest"/> keyword field, which holds the same
/// "folded words␟display␟source" terms as the Lucene engine (one per word start of keywords and the organisation
/// name, one from the start of the title; Lucene keeps the title term in a field of its own). A <c>prefix</c> query on the folded key finds the tasks; a <c>terms</c> aggregation
/// restricted to the keys with that prefix counts tasks per phrase. An edge-ngram or <c>search_as_you_type</c>
/// field would find documents but not count distinct phrases, which the search box shows.
/// </summary>
internal static class EsSuggestions
{
    public const string Aggregation = "suggestions";
    private const char Separator = SuggestionTerms.Separator;
    /// <summary>Phrases fetched before merging spellings of the same phrase.</summary>
    private const int Candidates = 100;

    /// <summary>Null when the prefix has no letters or digits (nothing to look for).</summary>
    public static SearchRequest? Build(string alias, string prefix)
    {
        var key = SuggestionTerms.Key(prefix ?? "");
        if (key.Length == 0) return null;
        return new SearchRequest(alias)
        {
            Size = 0,
            TrackTotalHits = new Elastic.Clients.Elasticsearch.Core.Search.TrackHits(false),
            Query = new BoolQuery { Filter = [new PrefixQuery(F.Suggest, key)] },
            Aggregations = new Dictionary<string, Elastic.Clients.Elasticsearch.Aggregations.Aggregation>
            {
                [Aggregation] = new TermsAggregation { Field = F.Suggest, Size = Candidates, Include = new TermsInclude(Escape(key) + ".*") },
            },
        };
    }

    /// <summary>Merges buckets by folded display text, then orders like the Lucene engine.</summary>
    public static IReadOnlyList<Suggestion> Read(SearchResponse<EsStoredRecord> response, string prefix, int max)
    {
        var key = SuggestionTerms.Key(prefix ?? "");
        if (response.Aggregations is null || !response.Aggregations.TryGetAggregate(Aggregation, out var aggregate)
            || aggregate is not StringTermsAggregate terms) return [];
        var found = new SuggestionMerge();
        foreach (var bucket in terms.Buckets)
        {
            if (!bucket.Key.TryGetString(out var term) || term is null) continue;
            var parts = term.Split(Separator);
            if (parts.Length != 3 || bucket.DocCount == 0) continue;
            found.Add(parts[1], parts[2], bucket.DocCount, SuggestionTerms.Key(parts[1]).StartsWith(key, StringComparison.Ordinal));
        }
        return found.Top(max);
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
