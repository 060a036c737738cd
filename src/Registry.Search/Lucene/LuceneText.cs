using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Registry.Search.Analysis;
using Registry.Search.Model;

namespace Registry.Search.Lucene;

/// <summary>
/// How the Lucene engine writes the text fields of <see cref="TextLayout"/> (layout 6). Every text of a task is
/// analysed once (<see cref="Words"/>) and written to few matching fields, each word in its original form (NFC,
/// lowercase, canonical tone) and, when that differs, its folded form at the same position: <see cref="All"/> holds
/// every text (one postings list decides whether a word matches, and the form typed decides which spellings: "lụa"
/// only that one, "lua" all), <see cref="Head"/> the title and keywords again, for scoring. Adjacent-word pairs, in
/// both forms, go to pair fields without positions: of the short texts to <see cref="AllPairs"/>, of the body (the
/// longest text) to <see cref="BodyPairs"/>, so words side by side can match in the body while the pair bonus of
/// every multi-word query reads only the short texts' pairs; of the head to <see cref="HeadPairs"/>.
/// <para>
/// Few fields, because a query word is looked up and scored in every field it may match: with original, folded and
/// pair fields for each of the five texts it would be looked up in ten fields, and indexing would analyse every text
/// four times. Common words (in most tasks of a province's catalogue) would make that the whole cost of a search.
/// </para>
/// </summary>
internal static class LuceneText
{
    // The names are declared once for both engines (TextLayout).
    public const string All = TextLayout.All;
    public const string AllPairs = TextLayout.AllPairs;
    public const string Head = TextLayout.Head;
    public const string HeadPairs = TextLayout.HeadPairs;
    public const string BodyPairs = TextLayout.BodyPairs;
    public const int ValueGap = TextLayout.ValueGap;

    /// <summary>What a pooled field's stream emits.</summary>
    internal enum Emit { Words, FoldedWords, Pairs, FoldedPairs }

    /// <summary>Adds one text value to the fields of its <paramref name="part"/>.</summary>
    public static void Add(Document doc, FieldPool pool, string value, TextPart part)
    {
        var words = Words.Of(value);
        if (words.Count == 0) return;
        doc.Add(pool.Text(All, words, Emit.Words));
        doc.Add(pool.Text(part == TextPart.Body ? BodyPairs : AllPairs, words, Emit.Pairs));
        if (part != TextPart.Head) return;
        doc.Add(pool.Text(Head, words, Emit.Words));
        doc.Add(pool.Text(HeadPairs, words, Emit.Pairs));
    }

    /// <summary>A field over pre-analysed words, with the stream it reads them from (reused across documents).</summary>
    internal static (Field Field, WordsStream Stream) NewField(string name, Emit emit)
    {
        WordsStream stream = emit is Emit.Words or Emit.FoldedWords
            ? new WordStream(foldedOnly: emit == Emit.FoldedWords)
            : new PairStream(foldedOnly: emit == Emit.FoldedPairs);
        return (new Field(name, stream, emit is Emit.Words or Emit.FoldedWords ? TermsType : PairsType), stream);
    }

    /// <summary>Words are matched term by term too (words side by side through the pair fields): no positions to write,
    /// which with both forms of every word would be the largest part of the index.</summary>
    private static readonly FieldType TermsType = Frozen(new FieldType(TextField.TYPE_NOT_STORED) { IndexOptions = IndexOptions.DOCS_AND_FREQS });

    /// <summary>Pairs are matched term by term (a pair is one term), never as phrases: no positions to write.</summary>
    private static readonly FieldType PairsType = Frozen(new FieldType(TextField.TYPE_NOT_STORED) { IndexOptions = IndexOptions.DOCS_AND_FREQS });

    private static FieldType Frozen(FieldType type)
    {
        type.Freeze();
        return type;
    }

    /// <summary>The words of a text in both index forms; the folded form is the original instance when equal.</summary>
    internal sealed class Words(List<string> original, List<string> folded)
    {
        public List<string> Original { get; } = original;
        public List<string> Folded { get; } = folded;
        public int Count => Original.Count;

        public static Words Of(string text)
        {
            var original = new List<string>();
            var folded = new List<string>();
            var start = -1;
            for (var i = 0; i <= text.Length; i++)
            {
                if (i < text.Length && VietnameseText.IsTokenChar(text[i]))
                {
                    if (start < 0) start = i;
                    // Like Lucene's tokenizer, a run of more than MaxTokenLength characters is cut into tokens of
                    // that length (a pasted run of letters cannot become a term too large to index).
                    if (i + 1 - start < MaxTokenLength) continue;
                    Add(start, i + 1);
                    start = -1;
                    continue;
                }
                if (start < 0) continue;
                Add(start, i);
                start = -1;
            }
            return new Words(original, folded);

            void Add(int from, int to)
            {
                // Cached by raw form: a word seen before costs no allocation.
                var token = VietnameseText.NormalizeNonAsciiToken(text.AsSpan(from, to - from));
                original.Add(token);
                folded.Add(System.Text.Ascii.IsValid(token) ? token : VietnameseText.FoldToken(token));
            }
        }

        /// <summary>The longest token, as in Lucene's <c>CharTokenizer</c>.</summary>
        private const int MaxTokenLength = 255;
    }

    /// <summary>A token stream over <see cref="Words"/> set before each use; only the term and position are written.</summary>
    internal abstract class WordsStream : TokenStream
    {
        protected Words Words = new([], []);
        protected readonly ICharTermAttribute Term;
        protected readonly IPositionIncrementAttribute Position;

        protected WordsStream()
        {
            Term = AddAttribute<ICharTermAttribute>();
            Position = AddAttribute<IPositionIncrementAttribute>();
        }

        public void Set(Words words) => Words = words;
    }

    /// <summary>Each word's original form, then its folded form at the same position when different.</summary>
    private sealed class WordStream(bool foldedOnly) : WordsStream
    {
        private int _next;
        private bool _foldedPending;

        public override bool IncrementToken()
        {
            if (_foldedPending)
            {
                _foldedPending = false;
                Term.SetEmpty().Append(Words.Folded[_next - 1]);
                Position.PositionIncrement = 0;
                return true;
            }
            if (_next >= Words.Count) return false;
            Position.PositionIncrement = 1;
            if (foldedOnly)
            {
                Term.SetEmpty().Append(Words.Folded[_next++]);
                return true;
            }
            var original = Words.Original[_next];
            Term.SetEmpty().Append(original);
            _foldedPending = !ReferenceEquals(original, Words.Folded[_next]) && original != Words.Folded[_next];
            _next++;
            return true;
        }

        public override void Reset()
        {
            base.Reset();
            _next = 0;
            _foldedPending = false;
        }
    }

    /// <summary>"a b" for each two adjacent words, in the original form and (when different) the folded form.</summary>
    private sealed class PairStream(bool foldedOnly) : WordsStream
    {
        private int _next = 1;
        private bool _foldedPending;

        public override bool IncrementToken()
        {
            Position.PositionIncrement = 1;
            if (_foldedPending)
            {
                _foldedPending = false;
                Term.SetEmpty().Append(Words.Folded[_next - 2]).Append(' ').Append(Words.Folded[_next - 1]);
                return true;
            }
            if (_next >= Words.Count) return false;
            if (foldedOnly)
            {
                Term.SetEmpty().Append(Words.Folded[_next - 1]).Append(' ').Append(Words.Folded[_next]);
                _next++;
                return true;
            }
            var (a, b) = (Words.Original[_next - 1], Words.Original[_next]);
            Term.SetEmpty().Append(a).Append(' ').Append(b);
            _foldedPending = a != Words.Folded[_next - 1] || b != Words.Folded[_next];
            _next++;
            return true;
        }

        public override void Reset()
        {
            base.Reset();
            _next = 1;
            _foldedPending = false;
        }
    }
}
