using Registry.Data.Records;
using Registry.Data.Reference;

namespace Registry.Search.Model;

/// <summary>A facet: counts of matching tasks per value of a declared index field.</summary>
/// <param name="MaxBuckets">How many buckets are returned, most frequent first.</param>
/// <param name="DisplayName">Vietnamese label of a bucket key.</param>
/// <param name="Dimension">The filters of this facet's own dimension: its counts ignore them (multi-select, see
/// <see cref="DisjunctiveFacets"/>), and the first one is the filter that narrows to a bucket.</param>
public sealed record SearchFacet(string Name, IndexField Field, string Description, int MaxBuckets, Func<string, string> DisplayName,
    IReadOnlyList<SearchFilter> Dimension)
{
    /// <summary>The filter that narrows to one bucket of this facet (sector and field buckets filter by <c>field</c>,
    /// a year bucket by <c>yearFrom</c> and <c>yearTo</c>).</summary>
    public string FilterName => Dimension[0].Name;

    /// <summary>The name of <see cref="Field"/>, whose sorted-set doc values (Lucene) or keyword/number
    /// (Elasticsearch) the counts read.</summary>
    public string IndexField => Field.Name;

    /// <summary>True when <paramref name="filter"/> belongs to this facet's dimension.</summary>
    public bool Owns(SearchFilter filter) => Dimension.Contains(filter);
}

public static class SearchFacets
{
    public static readonly SearchFacet Field = new("field", IndexFields.FieldLevel1,
        "Lĩnh vực cấp 1 (field of science, level 1).", 10, FieldName, [SearchFilters.Field]);
    public static readonly SearchFacet Sector = new("sector", IndexFields.Sector,
        "Lĩnh vực cấp 2 (sector, level 2).", 50, FieldName, [SearchFilters.Field]);
    public static readonly SearchFacet Level = new("level", IndexFields.Level,
        "Cấp quản lý (level).", 10, EnumName<TaskLevel>, [SearchFilters.Level]);
    public static readonly SearchFacet Kind = new("kind", IndexFields.Kind,
        "Loại nhiệm vụ (kind).", 10, EnumName<TaskKind>, [SearchFilters.Kind]);
    public static readonly SearchFacet Status = new("status", IndexFields.Status,
        "Tình trạng (status).", 10, EnumName<Registry.Data.Records.TaskStatus>, [SearchFilters.Status]);
    public static readonly SearchFacet Year = new("year", IndexFields.StartYear,
        "Năm bắt đầu (start year).", 100, y => y, [SearchFilters.YearFrom, SearchFilters.YearTo]);
    /// <summary>Buckets are keyed by organisation id; engines read the name from <see cref="IndexFields.OrganizationFacet"/>.</summary>
    public static readonly SearchFacet Organization = new("organization", IndexFields.OrganizationFacet,
        "Tổ chức chủ trì (host organization).", 50, k => OrganizationFacetKey.Split(k).Name, [SearchFilters.Organization]);

    public static readonly IReadOnlyList<SearchFacet> All = [Field, Sector, Level, Kind, Status, Year, Organization];

    public static SearchFacet? Find(string name) =>
        All.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Turns raw engine counts (index value → count) into ordered buckets: count desc, then key.</summary>
    public static IReadOnlyList<FacetBucket> ToBuckets(SearchFacet facet, IEnumerable<KeyValuePair<string, long>> counts) =>
        counts.Where(c => c.Value > 0)
            .OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal)
            .Take(facet.MaxBuckets)
            .Select(c => facet == Organization
                ? new FacetBucket(OrganizationFacetKey.Split(c.Key).Id, OrganizationFacetKey.Split(c.Key).Name, c.Value)
                : new FacetBucket(c.Key, facet.DisplayName(c.Key), c.Value))
            .ToList();

    private static string FieldName(string code) => FieldsOfScience.Nearest(code)?.NameVi ?? code;

    /// <summary>The Vietnamese label of an enum bucket key; a key the table does not know shows as itself.</summary>
    private static string EnumName<T>(string key) where T : struct, Enum => EnumLabels.For<T>().OfKey(key)?.Vi ?? key;
}

/// <summary>"id\u001Fname": lets one indexed value carry both the organisation's filter key and its display name.</summary>
public static class OrganizationFacetKey
{
    private const char Separator = '\u001F';

    public static string Join(string id, string? name) => id + Separator + (name ?? id);

    public static (string Id, string Name) Split(string key)
    {
        var i = key.IndexOf(Separator);
        return i < 0 ? (key, key) : (key[..i], key[(i + 1)..]);
    }
}
