using Lucene.Net.Documents;

namespace Registry.Search.Lucene;

/// <summary>
/// Reusable un-analysed and numeric fields for one indexing thread. Each new <see cref="StringField"/> or
/// numeric field builds its own token stream on first use, and Lucene.NET creates the attributes of that
/// stream by reflection: about forty times per task, a visible share of indexing time. Lucene's advice is to
/// reuse field instances across documents; a document built from a pool is valid until the next
/// <see cref="Reset"/> on the same thread, which is enough because <c>IndexWriter.UpdateDocument</c> consumes
/// it before returning.
/// </summary>
internal sealed class FieldPool
{
    private static readonly ThreadLocal<FieldPool> PerThread = new(() => new FieldPool());

    private readonly Dictionary<string, Slot> _strings = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Slot> _ints = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Slot> _longs = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, LuceneText.Emit), TextSlot> _texts = [];

    /// <summary>This thread's pool, emptied for a new document.</summary>
    public static FieldPool ForNewDocument()
    {
        var pool = PerThread.Value!;
        pool.Reset();
        return pool;
    }

    public Field String(string name, string value, Field.Store store)
    {
        var slot = SlotOf(_strings, name);
        if (slot.TryReuse(out var field)) field.SetStringValue(value);
        else slot.Add(field = new StringField(name, value, store));
        return field;
    }

    public Field Int32(string name, int value)
    {
        var slot = SlotOf(_ints, name);
        if (slot.TryReuse(out var field)) field.SetInt32Value(value);
        else slot.Add(field = new Int32Field(name, value, Field.Store.NO));
        return field;
    }

    public Field Int64(string name, long value)
    {
        var slot = SlotOf(_longs, name);
        if (slot.TryReuse(out var field)) field.SetInt64Value(value);
        else slot.Add(field = new Int64Field(name, value, Field.Store.NO));
        return field;
    }

    /// <summary>A text field reading pre-analysed words (see <see cref="LuceneText"/>).</summary>
    public Field Text(string name, LuceneText.Words words, LuceneText.Emit emit)
    {
        if (!_texts.TryGetValue((name, emit), out var slot)) _texts[(name, emit)] = slot = new TextSlot(name, emit);
        return slot.Next(words);
    }

    private void Reset()
    {
        foreach (var slot in _texts.Values) slot.Used = 0;
        foreach (var slot in _strings.Values) slot.Used = 0;
        foreach (var slot in _ints.Values) slot.Used = 0;
        foreach (var slot in _longs.Values) slot.Used = 0;
    }

    private static Slot SlotOf(Dictionary<string, Slot> slots, string name)
    {
        if (!slots.TryGetValue(name, out var slot)) slots[name] = slot = new Slot();
        return slot;
    }

    /// <summary>The fields of one name, of which the first <see cref="Used"/> belong to the current document.</summary>
    private sealed class Slot
    {
        private readonly List<Field> _fields = [];
        public int Used;

        public bool TryReuse(out Field field)
        {
            if (Used < _fields.Count)
            {
                field = _fields[Used++];
                return true;
            }
            field = null!;
            return false;
        }

        public void Add(Field field)
        {
            _fields.Add(field);
            Used++;
        }
    }

    /// <summary>Text fields of one name with their streams; the first <see cref="Used"/> belong to the current document.</summary>
    private sealed class TextSlot(string name, LuceneText.Emit emit)
    {
        private readonly List<(Field Field, LuceneText.WordsStream Stream)> _fields = [];
        public int Used;

        public Field Next(LuceneText.Words words)
        {
            if (Used == _fields.Count) _fields.Add(LuceneText.NewField(name, emit));
            var (field, stream) = _fields[Used++];
            stream.Set(words);
            return field;
        }
    }
}
