namespace Registry.Search.Model;

/// <summary>What an index field holds. Each engine turns a kind into its own field type, in one place
/// (Lucene: <c>LuceneDocumentMapper</c>; Elasticsearch: <c>EsIndexDefinition</c> and <c>EsTaskDocument</c>).</summary>
public enum IndexFieldKind
{
    /// <summary>Analysed text; each engine's text layout decides how (see <see cref="TextPart"/>).</summary>
    Text,
    /// <summary>Exact terms for filters, facets and lookups (Lucene <c>StringField</c>, Elasticsearch <c>keyword</c>).</summary>
    Keyword,
    /// <summary>Lucene <c>Int32Field</c>, Elasticsearch <c>integer</c>.</summary>
    Int32,
    /// <summary>Lucene <c>Int64Field</c>, Elasticsearch <c>long</c>.</summary>
    Int64,
    /// <summary>Unix milliseconds: Lucene <c>Int64Field</c>, Elasticsearch <c>date</c> with format <c>epoch_millis</c>.</summary>
    EpochMillis,
    /// <summary>A flag: Lucene indexes the term <see cref="SearchFilters.FlagTerm"/>, Elasticsearch a <c>boolean</c>.</summary>
    Boolean,
    /// <summary>The public record as JSON, stored and never indexed (Lucene <c>StoredField</c>, Elasticsearch an
    /// object with <c>enabled: false</c>).</summary>
    Source,
    /// <summary>Completion terms "folded␟display␟source" (<see cref="SuggestionTerms"/>): Lucene <c>StringField</c>,
    /// Elasticsearch <c>keyword</c>.</summary>
    Suggestion,
}

/// <summary>Values the Lucene engine keeps per document beside the terms. Elasticsearch keeps doc values on every
/// keyword and number by default, so it needs no such choice.</summary>
public enum IndexDocValues
{
    None,
    /// <summary>One text value per task: the id, which ends every sort and lists the index's tasks.</summary>
    Sorted,
    /// <summary>Every value as text: what facet counts read (a number is written in invariant digits).</summary>
    SortedSet,
    /// <summary>The number itself: what sorts read.</summary>
    Numeric,
}

/// <summary>The group of text a text field belongs to: it decides where the text goes and how much it weighs.
/// Head: title and keywords; text: summary and organisation name; body: everything else.</summary>
public enum TextPart { Head, Text, Body }

/// <summary>
/// One index field, declared once in <see cref="IndexFields"/>: its name, what it holds, and how to read its values
/// from a <see cref="SearchDocument"/>. Both engines build their documents and mappings by looping over the list.
/// </summary>
public sealed record IndexField
{
    private readonly Func<SearchDocument, IReadOnlyList<string>>? _strings;
    private readonly Func<SearchDocument, long?>? _number;
    private readonly Func<SearchDocument, bool>? _flag;
    private readonly string? _elasticsearchName;

    private IndexField(string name, IndexFieldKind kind, bool multiValued, Func<SearchDocument, IReadOnlyList<string>>? strings = null,
        Func<SearchDocument, long?>? number = null, Func<SearchDocument, bool>? flag = null)
    {
        Name = name;
        Kind = kind;
        MultiValued = multiValued;
        _strings = strings;
        _number = number;
        _flag = flag;
    }

    public string Name { get; }
    public IndexFieldKind Kind { get; }
    /// <summary>A task may have several values (Elasticsearch receives an array).</summary>
    public bool MultiValued { get; }
    public IndexDocValues DocValues { get; init; }
    /// <summary>Lucene keeps the value in its stored fields (Elasticsearch keeps the whole document in <c>_source</c>).</summary>
    public bool Stored { get; init; }
    /// <summary>False for a field that only feeds facets: Lucene writes its doc values without terms.
    /// Elasticsearch indexes every keyword anyway; the cost is small and existing indexes keep their mapping.</summary>
    public bool Indexed { get; init; } = true;
    /// <summary>For <see cref="IndexFieldKind.Text"/> only.</summary>
    public TextPart? Part { get; private init; }

    /// <summary>The Elasticsearch property the values go to; another declared field's name when this field is a
    /// Lucene-only split of it (its values then come first in that property's array).</summary>
    public string ElasticsearchName { get => _elasticsearchName ?? Name; init => _elasticsearchName = value; }

    public bool IsNumeric => Kind is IndexFieldKind.Int32 or IndexFieldKind.Int64 or IndexFieldKind.EpochMillis;

    /// <summary>The text values (text, keyword, suggestion and source kinds; a flag as its index term).</summary>
    public IReadOnlyList<string> Strings(SearchDocument d) =>
        _strings?.Invoke(d) ?? (_flag is not null ? [SearchFilters.FlagTerm(_flag(d))] : throw WrongKind(nameof(Strings)));

    /// <summary>The value of a numeric field, null when the task has none.</summary>
    public long? Number(SearchDocument d) => _number is not null ? _number(d) : throw WrongKind(nameof(Number));

    /// <summary>The value of a boolean field.</summary>
    public bool Flag(SearchDocument d) => _flag is not null ? _flag(d) : throw WrongKind(nameof(Flag));

    public static IndexField Text(string name, TextPart part, Func<SearchDocument, string?> value) =>
        new(name, IndexFieldKind.Text, false, One(value)) { Part = part };

    public static IndexField Texts(string name, TextPart part, Func<SearchDocument, IReadOnlyList<string>> values) =>
        new(name, IndexFieldKind.Text, true, values) { Part = part };

    public static IndexField Keyword(string name, Func<SearchDocument, string?> value) => new(name, IndexFieldKind.Keyword, false, One(value));

    public static IndexField Keywords(string name, Func<SearchDocument, IReadOnlyList<string>> values) =>
        new(name, IndexFieldKind.Keyword, true, values);

    public static IndexField Int32(string name, Func<SearchDocument, int?> value) => new(name, IndexFieldKind.Int32, false, number: d => value(d));

    public static IndexField Int64(string name, Func<SearchDocument, long?> value) => new(name, IndexFieldKind.Int64, false, number: value);

    public static IndexField EpochMillis(string name, Func<SearchDocument, long> value) =>
        new(name, IndexFieldKind.EpochMillis, false, number: d => value(d));

    public static IndexField Boolean(string name, Func<SearchDocument, bool> value) => new(name, IndexFieldKind.Boolean, false, flag: value);

    public static IndexField Source(string name, Func<SearchDocument, string> value) =>
        new(name, IndexFieldKind.Source, false, One(value)) { Stored = true, Indexed = false };

    public static IndexField Suggestions(string name, Func<SearchDocument, IReadOnlyList<string>> values) =>
        new(name, IndexFieldKind.Suggestion, true, values);

    public override string ToString() => $"{Name} ({Kind})";

    private static Func<SearchDocument, IReadOnlyList<string>> One(Func<SearchDocument, string?> value) =>
        d => value(d) is { } v ? [v] : [];

    private InvalidOperationException WrongKind(string accessor) => new($"Index field '{Name}' ({Kind}) has no {accessor} value.");
}
