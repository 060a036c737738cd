namespace Registry.Data.Demo;

/// <summary>
/// A small seeded PRNG (SplitMix64) so the demo catalogue is the same on every machine and .NET version;
/// <see cref="Random"/>'s sequence for a seed is not a documented contract.
/// </summary>
internal sealed class DemoRandom(ulong seed)
{
    private ulong _state = seed;

    public ulong NextULong()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>0 ≤ result &lt; <paramref name="max"/>.</summary>
    public int Next(int max) => max <= 1 ? 0 : (int)(NextULong() % (ulong)max);

    /// <summary><paramref name="min"/> ≤ result ≤ <paramref name="max"/>.</summary>
    public int Between(int min, int max) => min + Next(max - min + 1);

    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    public bool Chance(double p) => NextDouble() < p;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>Picks by weight: <c>Weighted(("a", 3), ("b", 1))</c> returns "a" three times as often.</summary>
    public T Weighted<T>(params (T Item, int Weight)[] items)
    {
        var roll = Next(items.Sum(i => i.Weight));
        foreach (var (item, weight) in items)
        {
            if (roll < weight) return item;
            roll -= weight;
        }
        return items[^1].Item;
    }

    /// <summary><paramref name="count"/> distinct items in a random order (fewer when the list is shorter).</summary>
    public List<T> Sample<T>(IReadOnlyList<T> items, int count)
    {
        var pool = items.ToList();
        var result = new List<T>();
        while (result.Count < count && pool.Count > 0)
        {
            var i = Next(pool.Count);
            result.Add(pool[i]);
            pool.RemoveAt(i);
        }
        return result;
    }
}
