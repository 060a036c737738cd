using System.Collections.Concurrent;

namespace Registry.Search.Analysis;

/// <summary>
/// Memoises a pure per-word function (tone placement, token normalisation, folding). Vietnamese text is made of a
/// few thousand distinct syllables, so nearly every token of an indexing run is a hit, and the Unicode normalisation
/// (ICU on Linux) behind the function runs once per distinct word instead of once per occurrence — it dominated
/// index-time analysis. Bounded: once <see cref="Capacity"/> words are cached, new words are computed, not stored,
/// so a stream of junk tokens cannot grow memory. Lookups by span do not allocate.
/// </summary>
internal sealed class TokenCache(Func<string, string> compute)
{
    public const int Capacity = 200_000;

    private readonly ConcurrentDictionary<string, string> _map = new(StringComparer.Ordinal);
    private int _count;

    public string Get(string word)
    {
        if (_map.TryGetValue(word, out var value)) return value;
        value = compute(word);
        Remember(word, value);
        return value;
    }

    /// <summary>The value for a word held in a buffer; <paramref name="word"/> is only copied on a miss.</summary>
    public string Get(ReadOnlySpan<char> word)
    {
        var lookup = _map.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(word, out var value)) return value;
        var key = word.ToString();
        value = compute(key);
        Remember(key, value);
        return value;
    }

    private void Remember(string word, string value)
    {
        if (Volatile.Read(ref _count) >= Capacity) return;
        if (_map.TryAdd(word, value)) Interlocked.Increment(ref _count);
    }
}
