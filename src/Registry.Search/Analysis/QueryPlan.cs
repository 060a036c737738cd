namespace Registry.Search.Analysis;

/// <summary>
/// How often terms occur in the index, as an engine reports them. A term is a word or an adjacent pair in the
/// form typed (see <see cref="TokenPhrase.Terms"/>): a word typed with marks counts that spelling only, a word
/// typed without them every spelling.
/// </summary>
public interface ITermStatistics
{
    /// <summary>Tasks in the index.</summary>
    long DocCount { get; }

    /// <summary>Tasks holding the word (one term) or the adjacent pair (two terms) anywhere in their text.</summary>
    long DocFreq(IReadOnlyList<string> terms);
}

/// <summary>One concept of a planned query and whether a task must hold it.</summary>
/// <param name="Unit">The words, phrase or multi-syllable word, with their alternatives.</param>
/// <param name="Minor">A common concept (see <see cref="QueryPlan.MinorRatio"/>): it ranks, it does not decide.</param>
/// <param name="DocFreq">Tasks holding the concept (its own words or an alternative), as estimated.</param>
public sealed record PlannedUnit(QueryUnit Unit, bool Minor, long DocFreq);

/// <summary>
/// What the engines execute, decided once from the parsed query and the index's statistics (docs/search.md,
/// "Query semantics"):
/// <list type="number">
/// <item>adjacent syllables the catalogue uses as one word (a pair found together in at least
/// <see cref="WordCohesion"/> of the tasks holding its rarer syllable) become one unit, matched only side by side;</item>
/// <item>a concept whose inverse document frequency is below <see cref="MinorRatio"/> of the rarest concept's is
/// minor: it is optional and only adds to the score;</item>
/// <item>a task must hold <see cref="Required"/> of the major concepts (all of up to three, all but one of four to
/// six, three quarters beyond); tasks holding every concept rank first (<see cref="RankAllFirst"/>);</item>
/// <item>when nothing matches, <see cref="Relaxations"/> ask for one concept fewer at a time, and the answer says
/// it was relaxed.</item>
/// </list>
/// </summary>
public sealed record QueryPlan(ParsedQuery Parsed, IReadOnlyList<PlannedUnit> Units, int Required, bool Relaxed)
{
    public const double WordCohesion = 0.3;
    public const double MinorRatio = 0.5;

    public static QueryPlan Empty { get; } = new(ParsedQuery.Empty, [], 0, false);

    public bool IsEmpty => Parsed.IsEmpty;

    /// <summary>The major units, which decide the match.</summary>
    public IEnumerable<PlannedUnit> Major => Units.Where(u => !u.Minor);

    /// <summary>True when a task may match without holding every concept: such tasks rank below the others.</summary>
    public bool RankAllFirst => Units.Count > 1 && (Required < Units.Count(u => !u.Minor) || Units.Any(u => u.Minor));

    public static QueryPlan Build(ParsedQuery parsed, ITermStatistics stats)
    {
        if (parsed.Units.Count == 0) return new QueryPlan(parsed, [], 0, false);
        var units = Words(parsed.Units, stats).Select(u => (Unit: u, Df: DocFreq(u, stats))).ToList();
        var n = Math.Max(1, stats.DocCount);
        var idf = units.Select(u => Math.Log((n + 1.0) / (u.Df + 0.5))).ToList();
        var max = idf.Max();
        var planned = units.Select((u, i) => new PlannedUnit(u.Unit, units.Count > 1 && idf[i] < MinorRatio * max, u.Df)).ToList();
        var major = planned.Count(u => !u.Minor);
        var required = major switch { <= 2 => major, <= 6 => major - 1, _ => (int)Math.Ceiling(major * 0.75) };
        return new QueryPlan(parsed, planned, required, false);
    }

    /// <summary>
    /// The plans to try, in order, when this one matched nothing: every concept counts (minor ones too) and fewer are
    /// required each time: one fewer, then half, then one (at most three more searches, however long the query); a
    /// lone word is split into its syllables at last. Tasks holding more concepts still rank first.
    /// </summary>
    public IEnumerable<QueryPlan> Relaxations()
    {
        var all = Units.Select(u => u with { Minor = false }).ToList();
        foreach (var required in Steps(Math.Min(Required + Units.Count(u => u.Minor), all.Count)))
            yield return this with { Units = all, Required = required, Relaxed = true };
        if (all is [{ Unit.IsWord: true } word])
        {
            var syllables = word.Unit.Syllables().Select(s => word with { Unit = s }).ToList();
            foreach (var required in Steps(syllables.Count))
                yield return this with { Units = syllables, Required = required, Relaxed = true };
        }
    }

    /// <summary>Fewer than <paramref name="required"/>: one fewer, half, one; each at least one, each smaller.</summary>
    private static IEnumerable<int> Steps(int required) =>
        new[] { required - 1, required / 2, 1 }.Where(r => r >= 1 && r < required).Distinct().OrderDescending();

    /// <summary>Joins adjacent single syllables the catalogue writes together into one word unit.</summary>
    private static List<QueryUnit> Words(IReadOnlyList<QueryUnit> units, ITermStatistics stats)
    {
        var result = new List<QueryUnit>();
        var i = 0;
        while (i < units.Count)
        {
            var j = i;
            while (j + 1 < units.Count && units[j].Joins(units[j + 1]) && Cohesive(units[j], units[j + 1], stats)) j++;
            result.Add(j == i ? units[i] : QueryUnit.Word(units.Skip(i).Take(j - i + 1).ToList()));
            i = j + 1;
        }
        return result;
    }

    private static bool Cohesive(QueryUnit a, QueryUnit b, ITermStatistics stats)
    {
        var (x, y) = (a.Tokens.Terms[0], b.Tokens.Terms[0]);
        var pair = stats.DocFreq([x, y]);
        return pair >= 2 && pair >= WordCohesion * Math.Min(stats.DocFreq([x]), stats.DocFreq([y]));
    }

    /// <summary>Tasks holding the unit: its rarest pair (or word), or the sum over alternatives, at most all tasks.</summary>
    private static long DocFreq(QueryUnit unit, ITermStatistics stats)
    {
        long Of(TokenPhrase p) => p.Terms.Count == 1
            ? stats.DocFreq(p.Terms)
            : Enumerable.Range(0, p.Terms.Count - 1).Min(k => stats.DocFreq([p.Terms[k], p.Terms[k + 1]]));
        var own = unit.IsPhrase || unit.IsWord || unit.Tokens.Terms.Count == 1
            ? Of(unit.Tokens)
            : unit.Tokens.Terms.Min(t => stats.DocFreq([t]));
        return Math.Min(stats.DocCount, own + unit.AllAlternatives.Sum(Of));
    }
}
