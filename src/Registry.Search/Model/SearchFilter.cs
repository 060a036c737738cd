namespace Registry.Search.Model;

/// <summary>
/// What a filter's values are: how they parse, how the API documents them and which clause each engine builds
/// (terms, OR-ed, for the first four; an inclusive bound for the ranges).
/// </summary>
public enum FilterKind
{
    /// <summary>Exact keyword terms (an organization id).</summary>
    Keyword,
    /// <summary>Names from a closed list, <see cref="SearchFilter.AllowedValues"/> (level, kind, status).</summary>
    Enum,
    /// <summary>A code that selects everything under it: the index field holds every prefix of every code, so a
    /// prefix is one term ("4" selects "40101").</summary>
    Prefix,
    /// <summary>A flag, true or false, stored as <see cref="SearchFilters.FlagTerm"/>.</summary>
    Bool,
    /// <summary>One end of an inclusive integer range (<see cref="SearchFilter.Bound"/>).</summary>
    IntRange,
    /// <summary>One end of an inclusive range of instants, given in ISO 8601 and held as epoch milliseconds.</summary>
    DateTimeRange,
}

/// <summary>Which end of its range a range filter sets.</summary>
public enum RangeBound { AtLeast, AtMost }

/// <summary>A parsed filter value: <see cref="Term"/> for term kinds, <see cref="Number"/> for ranges.</summary>
public sealed record FilterValue(string? Term, long? Number);

/// <summary>
/// One public filter. The list <see cref="SearchFilters.All"/> is the single source for validation, both engines
/// (which switch on <see cref="Kind"/> over <see cref="IndexField"/>) and the API's parameter docs.
/// </summary>
/// <param name="Field">The declared index field the filter reads (terms: a keyword or flag; ranges: a number).</param>
/// <param name="Parse">Turns one raw value into a <see cref="FilterValue"/>, or returns an error message.</param>
/// <param name="Bound">The end of the range a range kind sets; null for the term kinds.</param>
/// <param name="Names">The closed list of an <see cref="FilterKind.Enum"/> filter.</param>
public sealed record SearchFilter(
    string Name,
    IndexField Field,
    FilterKind Kind,
    bool MultiValued,
    string Description,
    string Example,
    Func<string, (FilterValue? Value, string? Error)> Parse,
    RangeBound? Bound = null,
    IReadOnlyList<string>? Names = null)
{
    /// <summary>The name of <see cref="Field"/> in both engines.</summary>
    public string IndexField => Field.Name;

    /// <summary>True for the kinds that set one end of a range (one value, a number); the others match terms.</summary>
    public bool IsRange => Kind is FilterKind.IntRange or FilterKind.DateTimeRange;

    /// <summary>Every value the filter accepts when the list is closed (enum names, true/false); null otherwise.</summary>
    public IReadOnlyList<string>? AllowedValues => Kind switch
    {
        FilterKind.Enum => Names,
        FilterKind.Bool => [SearchFilters.FlagTerm(true), SearchFilters.FlagTerm(false)],
        _ => null,
    };
}
