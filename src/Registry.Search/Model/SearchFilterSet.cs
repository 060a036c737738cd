using System.Collections.Immutable;

namespace Registry.Search.Model;

/// <summary>A filter with its parsed values (several values of one filter are OR-ed).</summary>
public sealed record AppliedFilter(SearchFilter Filter, IReadOnlyList<FilterValue> Values);

/// <summary>Validated filters of a request; different filters are AND-ed.</summary>
public sealed class SearchFilterSet
{
    public static readonly SearchFilterSet Empty = new(ImmutableList<AppliedFilter>.Empty);

    private SearchFilterSet(ImmutableList<AppliedFilter> applied) => Applied = applied;

    public IReadOnlyList<AppliedFilter> Applied { get; }

    public bool IsEmpty => Applied.Count == 0;

    /// <summary>True when the request filters by <paramref name="filter"/>.</summary>
    public bool Has(SearchFilter filter) => Applied.Any(a => a.Filter == filter);

    /// <summary>These filters without the applied filters <paramref name="drop"/> selects.</summary>
    public SearchFilterSet Without(Func<SearchFilter, bool> drop) =>
        Applied.Any(a => drop(a.Filter)) ? new SearchFilterSet(Applied.Where(a => !drop(a.Filter)).ToImmutableList()) : this;

    /// <summary>Only the applied filters <paramref name="keep"/> selects.</summary>
    public SearchFilterSet Only(Func<SearchFilter, bool> keep) => Without(f => !keep(f));

    /// <summary>Parses raw (name, value) pairs such as query-string parameters. Multi-valued filters accept repeats
    /// and comma-separated lists. Unknown names and bad values are reported, never thrown.</summary>
    public static SearchFilterSet Parse(IEnumerable<KeyValuePair<string, string?>> raw, out IReadOnlyDictionary<string, string[]> errors)
    {
        var found = new Dictionary<SearchFilter, List<FilterValue>>();
        var problems = new Dictionary<string, List<string>>();
        foreach (var (name, value) in raw)
        {
            var filter = SearchFilters.Find(name);
            if (filter is null)
            {
                Add(problems, name, $"Không có bộ lọc '{name}' (unknown filter; valid: {string.Join(", ", SearchFilters.All.Select(f => f.Name))}).");
                continue;
            }
            var parts = filter.MultiValued ? (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [value ?? ""];
            foreach (var part in parts)
            {
                var (parsed, error) = filter.Parse(part);
                if (error is not null) { Add(problems, filter.Name, error); continue; }
                var list = found.TryGetValue(filter, out var l) ? l : found[filter] = [];
                if (!filter.MultiValued && list.Count > 0)
                    Add(problems, filter.Name, $"Bộ lọc '{filter.Name}' chỉ nhận một giá trị (takes a single value).");
                else if (!list.Contains(parsed!)) list.Add(parsed!);
            }
        }
        errors = problems.ToDictionary(p => p.Key, p => p.Value.ToArray());
        var ordered = SearchFilters.All.Where(found.ContainsKey).Select(f => new AppliedFilter(f, found[f]));
        return new SearchFilterSet(ordered.ToImmutableList());
    }

    /// <summary>Builds a set in code; throws <see cref="ArgumentException"/> on invalid input (callers pass constants).</summary>
    public static SearchFilterSet Of(params (string Name, string Value)[] filters)
    {
        var set = Parse(filters.Select(f => KeyValuePair.Create(f.Name, (string?)f.Value)), out var errors);
        return errors.Count == 0 ? set : throw new ArgumentException(string.Join(" ", errors.SelectMany(e => e.Value)));
    }

    public override string ToString() =>
        string.Join("&", Applied.Select(a => a.Filter.Name + "=" + string.Join(",", a.Values.Select(v => v.Term ?? v.Number?.ToString()))));

    private static void Add(Dictionary<string, List<string>> problems, string key, string message)
    {
        if (!problems.TryGetValue(key, out var list)) problems[key] = list = [];
        list.Add(message);
    }
}
