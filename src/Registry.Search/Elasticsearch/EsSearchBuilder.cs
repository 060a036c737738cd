using Elastic.Clients.Elasticsearch;
using Elastic.Clients.Elasticsearch.Aggregations;
using Elastic.Clients.Elasticsearch.Core.Search;
using Elastic.Clients.Elasticsearch.QueryDsl;
using Registry.Search.Analysis;
using Registry.Search.Model;
using F = Registry.Search.Model.SearchFields;
using EsSearchRequest = Elastic.Clients.Elasticsearch.SearchRequest;

namespace Registry.Search.Elasticsearch;

/// <summary>
/// Turns a <see cref="Model.SearchRequest"/> into the body of <c>POST /{alias}/_search</c>: query and filters,
/// sort with the id tie-breaker, <c>search_after</c> from the cursor, one extra hit to know whether a next page
/// exists, exact totals, multi-select facet aggregations (filters of faceted dimensions in <c>post_filter</c>)
/// and <c>&lt;mark&gt;</c> highlights.
/// </summary>
internal static class EsSearchBuilder
{
    /// <param name="plan">The query planned from <paramref name="stats"/> (or one of its relaxations).</param>
    /// <exception cref="InvalidSearchRequestException">Bad cursor or unknown facet.</exception>
    /// <param name="vietnameseWords">Adds the ranking clause on the plugin's words (<see cref="EsVietnameseWords"/>).</param>
    public static EsSearchRequest Build(string alias, Model.SearchRequest request, QueryPlan plan, ITermStatistics stats, bool vietnameseWords = false)
    {
        var parsed = plan.Parsed;
        var hasQuery = !parsed.IsEmpty;
        var facets = Facets(request.Facets);
        // Scores are computed only when they order the hits; a sort by a field only matches.
        var scored = request.Sort.Field == SortBy.Relevance && hasQuery;
        // Filters of a requested facet's dimension narrow the hits after the aggregations (post_filter); each
        // facet's aggregation applies the other post filters itself (see DisjunctiveFacets).
        var faceted = DisjunctiveFacets.Faceted(facets, request.Filters);
        var body = new EsSearchRequest(alias)
        {
            Query = EsQueryBuilder.Build(plan, stats, request.Filters.Without(faceted.Has), scored, vietnameseWords),
            PostFilter = faceted.IsEmpty ? null : AllOf(faceted),
            Size = request.ClampedPageSize + 1,
            Sort = EsSorting.Build(request.Sort, hasQuery),
            SearchAfter = request.Cursor is null ? null : EsSorting.Decode(request.Cursor, request.Sort, hasQuery),
            TrackTotalHits = new TrackHits(true),
            Source = new SourceConfig(new SourceFilter { Includes = new[] { F.Source } }),
            Aggregations = facets.Count == 0 ? null : facets.ToDictionary(f => f.Name, f => Aggregation(f, faceted)),
            Highlight = request.Highlight ? Highlight(parsed.HighlightTerms) : null,
        };
        return body;
    }

    public static List<SearchFacet> Facets(IEnumerable<string> names) =>
        names.Select(n => SearchFacets.Find(n)
                ?? throw new InvalidSearchRequestException("facets", $"Không có facet '{n}' (unknown facet; valid: {string.Join(", ", SearchFacets.All.Select(f => f.Name))})."))
            .Distinct().ToList();

    /// <summary>The facet's terms aggregation, inside a <c>filter</c> aggregation of the post filters it does not own
    /// (its counts see every filter but its own); bare when there are none. The inner aggregation carries the
    /// facet's name too, which <see cref="EsResponseReader"/> unwraps.</summary>
    private static Aggregation Aggregation(SearchFacet facet, SearchFilterSet postFilters)
    {
        var others = postFilters.Without(facet.Owns);
        if (others.IsEmpty) return Terms(facet);
        return new Aggregation
        {
            Filter = AllOf(others),
            Aggregations = new Dictionary<string, Aggregation> { [facet.Name] = Terms(facet) },
        };
    }

    private static Query AllOf(SearchFilterSet filters) => new BoolQuery { Filter = EsQueryBuilder.Filters(filters) };

    /// <summary>Most frequent first, ties by key, as <see cref="SearchFacets.ToBuckets"/> orders them.</summary>
    private static Aggregation Terms(SearchFacet facet) => new TermsAggregation
    {
        Field = facet.IndexField,
        Size = facet.MaxBuckets,
        Order = [new KeyValuePair<Field, SortOrder>("_count", SortOrder.Desc), new KeyValuePair<Field, SortOrder>("_key", SortOrder.Asc)],
    };

    /// <summary>Private-use characters the cluster puts around matches; <see cref="Snippet"/> turns them into marks.</summary>
    public const string MarkStart = "\uE000";
    public const string MarkEnd = "\uE001";

    /// <summary>
    /// Highlights run on the title and summary, indexed with both forms of every word, with the query's words as typed
    /// (<see cref="ParsedQuery.HighlightTerms"/>), as the Lucene engine's highlighter does: "chuyen doi so" marks
    /// "Chuyển đổi số", while "nấm" marks "nấm" and not "năm"; the returned text is the original (offsets map back to
    /// the source value). The title comes whole, the summary as up to two fragments of about 180 characters. The
    /// cluster returns raw text between private-use markers and <see cref="Snippet"/> encodes it exactly as the Lucene
    /// engine does (its <c>html</c> encoder differs).
    /// </summary>
    private static Highlight? Highlight(IReadOnlyList<string> typedTerms)
    {
        if (typedTerms.Count == 0) return null;
        return new Highlight
        {
            PreTags = [MarkStart],
            PostTags = [MarkEnd],
            Encoder = HighlighterEncoder.Default,
            RequireFieldMatch = true,
            Fields =
            [
                Field(F.Title, typedTerms, new HighlightField { NumberOfFragments = 0 }),
                Field(F.Summary, typedTerms, new HighlightField { FragmentSize = 180, NumberOfFragments = 2 }),
            ],
        };
    }

    /// <summary>A raw fragment with markers → HTML-encoded text with <c>&lt;mark&gt;</c> around the matches.</summary>
    public static string Snippet(string raw) =>
        HighlightText.Encode(raw).Replace(MarkStart, "<mark>").Replace(MarkEnd, "</mark>");

    private static KeyValuePair<Field, HighlightField> Field(string field, IReadOnlyList<string> terms, HighlightField options)
    {
        options.HighlightQuery = new TermsQuery { Field = field, Terms = new TermsQueryField(terms.Select(FieldValue.String).ToList()) };
        return new KeyValuePair<Field, HighlightField>(field, options);
    }

    /// <summary>The public field name of a highlighted field (a sub-field "x.y" reports as "x").</summary>
    public static string HighlightName(string esField)
    {
        var dot = esField.IndexOf('.');
        return dot < 0 ? esField : esField[..dot];
    }
}
