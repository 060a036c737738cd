using Registry.Search.Analysis;

namespace Registry.Search.Model;

/// <summary>
/// The one rule both engines complete a prefix by: spellings of a phrase that fold to the same text merge (counts
/// add, the most used spelling is shown), then the list orders by count, phrases whose written form starts with
/// the prefix first, shorter first, then ordinal text; at most 10.
/// </summary>
internal sealed class SuggestionMerge
{
    private readonly Dictionary<string, (Suggestion Best, bool AtStart)> _found = new(StringComparer.Ordinal);

    public int Count => _found.Count;

    /// <summary>The key spellings of one phrase merge on: folded, lower case.</summary>
    public static string Distinct(string display) => VietnameseText.Fold(display).ToLowerInvariant();

    public void Add(string display, string source, long count, bool atStart) => Add(Distinct(display), display, source, count, atStart);

    public void Add(string distinct, string display, string source, long count, bool atStart)
    {
        if (_found.TryGetValue(distinct, out var existing))
        {
            var total = existing.Best.Count + count;
            var best = count > existing.Best.Count ? new Suggestion(display, source, total) : existing.Best with { Count = total };
            _found[distinct] = (best, existing.AtStart || atStart);
        }
        else _found[distinct] = (new Suggestion(display, source, count), atStart);
    }

    /// <summary>The count of the <paramref name="rank"/>-th best entry (1-based), or 0 when there are fewer.</summary>
    public long CountAt(int rank) =>
        _found.Count < rank ? 0 : _found.Values.Select(f => f.Best.Count).OrderDescending().ElementAt(rank - 1);

    public IReadOnlyList<Suggestion> Top(int max) =>
        _found.Values
            .OrderByDescending(f => f.Best.Count).ThenByDescending(f => f.AtStart).ThenBy(f => f.Best.Text.Length)
            .ThenBy(f => f.Best.Text, StringComparer.Ordinal)
            .Take(Math.Clamp(max, 0, 10)).Select(f => f.Best).ToList();
}
