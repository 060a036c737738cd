namespace Registry.Data.Records;

/// <summary>Who sees a field of record v1 and who writes it.</summary>
public enum FieldAccess
{
    /// <summary>Written by curators, shown to everyone.</summary>
    Public,
    /// <summary>Written and read by curators only; never in a public response, feed or export (invariant 3).</summary>
    CuratorOnly,
    /// <summary>Set by the registry; accepted and ignored on input.</summary>
    ReadOnly,
    /// <summary>Read on input and never stored or shown (the security classification, invariant 1).</summary>
    InputOnly,
}

/// <summary>
/// One field of record v1, declared once: the JSON name, the labels every surface shows, the limits the validator
/// enforces, who may see it, its spreadsheet columns (import header and alias, CSV export), and for an object or a
/// list of objects the fields inside.
/// </summary>
public sealed record RecordField
{
    /// <summary>The JSON property name (camelCase), as REST, GraphQL, exports and imports write it.</summary>
    public required string Name { get; init; }

    public required Label Label { get; init; }

    /// <summary>Required on write: a text must not be empty once cleaned, a list must hold at least one item.</summary>
    public bool Required { get; init; }

    /// <summary>Characters of the stored text; for a list of texts, of each item.</summary>
    public int? MaxLength { get; init; }

    /// <summary>Items of a list.</summary>
    public int? MaxItems { get; init; }

    public FieldAccess Access { get; init; }

    /// <summary>Spreadsheet columns, in export order; empty when the field is not in CSV or Excel files.</summary>
    public IReadOnlyList<RecordColumn> Columns { get; init; } = [];

    /// <summary>The fields of the object (or of each object of the list) this field holds; empty for a value.</summary>
    public IReadOnlyList<RecordField> Parts { get; init; } = [];

    /// <summary>
    /// What a reader needs beyond the label to fill or read the field right (the form of a code, the rule that
    /// defines its values, "planned" on dates); null when the label says it all.
    /// </summary>
    public Label? Note { get; init; }

    /// <summary>
    /// Vietnamese first, English after, for schema descriptions: "Tên nhiệm vụ (Title)." or, with a note,
    /// "Ngày bắt đầu (Start date): theo kế hoạch (planned)."
    /// </summary>
    public string Description => Note is { } note
        ? $"{Label.Vi} ({Label.En}): {note.Vi} ({note.En})."
        : $"{Label.Vi} ({Label.En}).";

    /// <summary>The label as it starts a phrase inside a sentence ("Bắt buộc nhập tên nhiệm vụ").</summary>
    internal string InSentence => char.ToLowerInvariant(Label.Vi[0]) + Label.Vi[1..];
}
