using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;
using Lucene.Net.Index;
using Lucene.Net.Util;

using Registry.Search.Model;

namespace Registry.Search.Lucene;

/// <summary>One phrase term of a segment, parsed: folded key, written form, source and document frequency.</summary>
/// <remarks><see cref="IsStart"/>: the phrase's own start (its longest key in the segment), not a later word start.
/// Parsed once and kept by the segment, so a popular phrase is not decoded and folded again on every keystroke.</remarks>
internal sealed record SuggestionTerm(int Ordinal, string Key, string Display, string Source, int DocFreq, bool IsStart)
{
    private string? displayKey;

    /// <summary>The folded lower-case written form: spellings of one phrase merge on it.</summary>
    public string Distinct { get; } = SuggestionMerge.Distinct(Display);

    /// <summary>Whether the written form itself starts with the folded prefix (not only a later word of it). A
    /// phrase's own start term is the start of the written form's key unless it was cut at 120 characters.</summary>
    public bool DisplayStartsWith(string key) =>
        (IsStart && Key.Length < 120) || (displayKey ??= SuggestionTerms.Key(Display)).StartsWith(key, StringComparison.Ordinal);
}

/// <summary>
/// The <see cref="Model.SearchFields.Suggest"/> phrase terms of one index segment, held in memory so a prefix finds
/// its most used phrases without reading the whole key range. Terms keep the term dictionary's order (UTF-8 bytes,
/// so a prefix is one contiguous range found by binary search); each term gets a static rank (document frequency
/// descending, the phrase's own start before its later word starts, shorter, ordinal), and a segment tree of rank
/// minima yields the best ranks inside a range one at a time, best first, in O(log n) each.
/// Segments are immutable, so this is built once per segment core (<see cref="For"/>); deletions do not change
/// the core and are accounted for by the caller.
/// </summary>
internal sealed class SuggestionSegment
{
    private const char Separator = SuggestionTerms.Separator;
    /// <summary>Lazy so concurrent first queries on a new segment build it once.</summary>
    private static readonly ConditionalWeakTable<object, Lazy<SuggestionSegment>> Cache = new();
    public static readonly SuggestionSegment Empty = new([], [0], [], [], []);

    private readonly byte[] bytes;
    private readonly int[] offsets;
    private readonly int[] docFreqs;
    private readonly bool[] starts;
    /// <summary>Terms parsed so far (filled on first use; two threads racing write equal values).</summary>
    private readonly SuggestionTerm?[] parsed;
    /// <summary>Implicit binary tree over a power-of-two number of leaves: leaf i at [leaves + i] holds term i's
    /// rank (int.MaxValue for padding and malformed terms), each inner node the minimum of its two children.</summary>
    private readonly int[] tree;
    private readonly int leaves;
    /// <summary>Live counts by term, per set of deletions (a new deletion gives the segment reader a new one):
    /// recounting a popular phrase walks its whole posting list, so it is done once per deletion state.</summary>
    private readonly ConditionalWeakTable<IBits, ConcurrentDictionary<int, long>> liveCounts = new();

    private SuggestionSegment(byte[] bytes, int[] offsets, int[] docFreqs, bool[] starts, int[] ranks)
    {
        this.starts = starts;
        parsed = new SuggestionTerm?[docFreqs.Length];
        this.bytes = bytes;
        this.offsets = offsets;
        this.docFreqs = docFreqs;
        leaves = 1;
        while (leaves < ranks.Length) leaves <<= 1;
        tree = new int[2 * leaves];
        Array.Fill(tree, int.MaxValue);
        ranks.CopyTo(tree, leaves);
        for (var node = leaves - 1; node >= 1; node--) tree[node] = Math.Min(tree[2 * node], tree[2 * node + 1]);
    }

    public int Count => docFreqs.Length;

    /// <summary>The structure for a segment's phrase terms, built on first use and kept while the core lives.</summary>
    public static SuggestionSegment For(AtomicReader reader) =>
        Cache.GetValue(reader.CoreCacheKey, _ => new Lazy<SuggestionSegment>(
            () => reader.GetTerms(Model.SearchFields.Suggest) is { } terms ? Build(terms.GetEnumerator()) : Empty)).Value;

    /// <summary>Reads every term once, in dictionary order.</summary>
    public static SuggestionSegment Build(TermsEnum termsEnum)
    {
        var buffer = new List<byte>();
        var offsets = new List<int> { 0 };
        var docFreqs = new List<int>();
        while (termsEnum.MoveNext())
        {
            var term = termsEnum.Term;
            buffer.AddRange(new ReadOnlySpan<byte>(term.Bytes, term.Offset, term.Length));
            offsets.Add(buffer.Count);
            docFreqs.Add(termsEnum.DocFreq);
        }
        if (docFreqs.Count == 0) return Empty;
        var bytes = buffer.ToArray();
        var offsetArray = offsets.ToArray();
        var freqArray = docFreqs.ToArray();
        var starts = new bool[freqArray.Length];
        var ranks = Rank(bytes, offsetArray, freqArray, starts);
        return new SuggestionSegment(bytes, offsetArray, freqArray, starts, ranks);
    }

    /// <summary>Ranks follow the final order of suggestions as far as it is known without the prefix: count
    /// descending, then the phrase's start term (a display's longest key in the segment) before its later word
    /// starts, then the shorter and the ordinally smaller written form. One 64-bit key per term, so a segment of a
    /// million phrase terms sorts in a fraction of a second.</summary>
    private static int[] Rank(byte[] bytes, int[] offsets, int[] docFreqs, bool[] start)
    {
        var n = docFreqs.Length;
        var (groupOf, keyLength, displays) = Groups(bytes, offsets);
        var longestKey = new int[displays.Count];
        for (var i = 0; i < n; i++)
            if (groupOf[i] >= 0) longestKey[groupOf[i]] = Math.Max(longestKey[groupOf[i]], keyLength[i]);
        var displayRank = DisplayRanks(displays);
        var keys = new long[n];
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
            var g = groupOf[i];
            if (g < 0) { keys[i] = long.MaxValue; continue; }
            start[i] = keyLength[i] == longestKey[g];
            keys[i] = ((long)(int.MaxValue - docFreqs[i]) << 32) | ((start[i] ? 0L : 1L) << 31)
                | ((long)Math.Min(displays[g].Length, 255) << 23) | (long)Math.Min(displayRank[g], (1 << 23) - 1);
        }
        Array.Sort(keys, order);
        var ranks = new int[n];
        for (var r = 0; r < n; r++) ranks[order[r]] = keys[r] == long.MaxValue ? int.MaxValue : r;
        return ranks;
    }

    /// <summary>Each term's group ("display␟source", -1 when malformed), its key length in bytes, and each group's
    /// display. Groups are told apart on the bytes: only one string per distinct display is made.</summary>
    private static (int[] GroupOf, int[] KeyLength, List<string> Displays) Groups(byte[] bytes, int[] offsets)
    {
        var n = offsets.Length - 1;
        var groupOf = new int[n];
        var keyLength = new int[n];
        var ids = new Dictionary<(int Start, int Length), int>(new SliceComparer(bytes));
        var displays = new List<string>();
        for (var i = 0; i < n; i++)
        {
            groupOf[i] = -1;
            var term = bytes.AsSpan(offsets[i], offsets[i + 1] - offsets[i]);
            var first = term.IndexOf((byte)Separator);
            var second = first < 0 ? -1 : term[(first + 1)..].IndexOf((byte)Separator) + first + 1;
            if (second <= first || term[(second + 1)..].Contains((byte)Separator)) continue;
            var group = (offsets[i] + first + 1, term.Length - first - 1);
            if (!ids.TryGetValue(group, out var id))
            {
                ids[group] = id = displays.Count;
                displays.Add(Encoding.UTF8.GetString(term[(first + 1)..second]));
            }
            (groupOf[i], keyLength[i]) = (id, first);
        }
        return (groupOf, keyLength, displays);
    }

    /// <summary>Equality of two slices of one byte array.</summary>
    private sealed class SliceComparer(byte[] bytes) : IEqualityComparer<(int Start, int Length)>
    {
        public bool Equals((int Start, int Length) a, (int Start, int Length) b) =>
            bytes.AsSpan(a.Start, a.Length).SequenceEqual(bytes.AsSpan(b.Start, b.Length));

        public int GetHashCode((int Start, int Length) slice)
        {
            var hash = new HashCode();
            hash.AddBytes(bytes.AsSpan(slice.Start, slice.Length));
            return hash.ToHashCode();
        }
    }

    /// <summary>Ordinal order of the displays (equal displays of different sources share a rank).</summary>
    private static int[] DisplayRanks(List<string> displays)
    {
        var sorted = displays.ToArray();
        var ids = Enumerable.Range(0, sorted.Length).ToArray();
        Array.Sort(sorted, ids, StringComparer.Ordinal);
        var ranks = new int[sorted.Length];
        for (int i = 0, r = 0; i < sorted.Length; i++)
        {
            if (i > 0 && !string.Equals(sorted[i], sorted[i - 1], StringComparison.Ordinal)) r++;
            ranks[ids[i]] = r;
        }
        return ranks;
    }

    /// <summary>The terms starting with <paramref name="prefix"/> (UTF-8), best rank first, lazily.</summary>
    public IEnumerable<SuggestionTerm> Best(byte[] prefix)
    {
        var (lo, hi) = Range(prefix);
        if (lo >= hi) yield break;
        var queue = new PriorityQueue<int, int>();
        // The classic bottom-up cover of [lo, hi): O(log n) nodes whose subtrees hold exactly the range's leaves.
        for (int l = lo + leaves, r = hi + leaves; l < r; l >>= 1, r >>= 1)
        {
            if ((l & 1) == 1) { queue.Enqueue(l, tree[l]); l++; }
            if ((r & 1) == 1) { r--; queue.Enqueue(r, tree[r]); }
        }
        while (queue.TryDequeue(out var node, out var rank))
        {
            if (rank == int.MaxValue) yield break;
            if (node >= leaves)
            {
                yield return Term(node - leaves);
                continue;
            }
            queue.Enqueue(2 * node, tree[2 * node]);
            queue.Enqueue(2 * node + 1, tree[2 * node + 1]);
        }
    }

    /// <summary>[first term ≥ prefix, first term after those starting with it), by binary search.</summary>
    public (int Lo, int Hi) Range(byte[] prefix)
    {
        var lo = Search(i => Span(i).SequenceCompareTo(prefix) < 0);
        var hi = Search(i => Span(i).SequenceCompareTo(prefix) < 0 || Span(i).StartsWith(prefix));
        return (lo, hi);
    }

    /// <summary>The number of live documents carrying the term, counted by <paramref name="count"/> once per
    /// deletion state.</summary>
    public long LiveCount(int ordinal, IBits liveDocs, Func<BytesRef, long> count) =>
        liveCounts.GetValue(liveDocs, _ => new()).GetOrAdd(ordinal, o => count(TermBytes(o)));

    /// <summary>The term's bytes, to look it up in the segment's term dictionary (live document counts).</summary>
    private BytesRef TermBytes(int ordinal) => new(bytes, offsets[ordinal], offsets[ordinal + 1] - offsets[ordinal]);

    private SuggestionTerm Term(int i)
    {
        if (parsed[i] is { } known) return known;
        var parts = Encoding.UTF8.GetString(Span(i)).Split(Separator);
        return parsed[i] = new SuggestionTerm(i, parts[0], parts[1], parts[2], docFreqs[i], starts[i]);
    }

    private ReadOnlySpan<byte> Span(int i) => bytes.AsSpan(offsets[i], offsets[i + 1] - offsets[i]);

    /// <summary>The number of leading terms for which <paramref name="before"/> holds (it holds for a prefix of them).</summary>
    private int Search(Func<int, bool> before)
    {
        int lo = 0, hi = Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (before(mid)) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
