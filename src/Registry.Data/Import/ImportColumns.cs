using Registry.Data.Records;

namespace Registry.Data.Import;

/// <summary>
/// The CSV/Excel columns, as the field declarations give them (<see cref="RecordFields.Columns"/>); docs/import.md
/// mirrors the list. Export-only columns are recognised and ignored, so an exported file imports back.
/// </summary>
internal static class ImportColumns
{
    public static readonly RecordColumn Code = RecordFields.Code.Columns[0];
    public static readonly RecordColumn Title = RecordFields.Title.Columns[0];
    public static readonly RecordColumn Security = RecordFields.SecurityClassification.Columns[0];

    public static IReadOnlyList<RecordColumn> All => RecordFields.Columns;

    /// <summary>Headers and aliases folded; the declarations keep them distinct (a test holds them to it).</summary>
    private static readonly Dictionary<string, RecordColumn> ByKey = All
        .SelectMany(c => new[] { (Key: TextFolding.Key(c.Header), Column: c), (Key: TextFolding.Key(c.Alias), Column: c) })
        .DistinctBy(p => p.Key)
        .ToDictionary(p => p.Key, p => p.Column);

    public static RecordColumn? Find(string header) => ByKey.GetValueOrDefault(TextFolding.Key(header));
}
