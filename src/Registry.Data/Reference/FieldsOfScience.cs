using System.Collections.Frozen;

namespace Registry.Data.Reference;

/// <summary>One entry of the field-of-science classification (Circular 24/2025/TT-BKHCN).</summary>
/// <param name="Code">1 digit for a field, 3 digits for a sector; deeper 5- and 7-digit codes roll up by prefix.</param>
public sealed record FieldOfScience(string Code, string? ParentCode, string NameVi, string NameEn)
{
    /// <summary>1 for the six fields, 2 for the 46 sectors.</summary>
    public int Level => Code.Length == 1 ? 1 : 2;
}

/// <summary>
/// The classification shipped with the project (embedded from <c>fields-of-science.csv</c>): 6 fields, 46 sectors.
/// Codes deeper than a sector (5 or 7 digits) are accepted when their 3-digit prefix is a known sector.
/// </summary>
public static class FieldsOfScience
{
    private static readonly Lazy<Catalogue> Data = new(Load);

    public static IReadOnlyList<FieldOfScience> All => Data.Value.All;
    public static IReadOnlyList<FieldOfScience> Fields => Data.Value.All.Where(f => f.Level == 1).ToList();
    public static IReadOnlyList<FieldOfScience> Sectors => Data.Value.All.Where(f => f.Level == 2).ToList();

    public static FieldOfScience? Find(string code) => Data.Value.ByCode.GetValueOrDefault(code);

    /// <summary>
    /// The classification entry that names a code: the code's own, else its sector's (the table stops at three
    /// digits, so "40503" is named by "405"), else its field's; null for a code under no known field.
    /// </summary>
    public static FieldOfScience? Nearest(string code) =>
        Find(code) ?? (code.Length > 3 ? Find(code[..3]) : null) ?? (code.Length > 1 ? Find(code[..1]) : null);

    /// <summary>True for a known field or sector, or a 5/7-digit code under a known sector.</summary>
    public static bool IsValid(string? code)
    {
        if (string.IsNullOrWhiteSpace(code) || !code.All(char.IsAsciiDigit)) return false;
        return code.Length switch
        {
            1 or 3 => Data.Value.ByCode.ContainsKey(code),
            5 or 7 => Data.Value.ByCode.ContainsKey(code[..3]),
            _ => false,
        };
    }

    /// <summary>The level-1 field code of any valid code ("40101" → "4").</summary>
    public static string FieldOf(string code) => code[..1];

    /// <summary>The level-2 sector code of a code of three or more digits, else null.</summary>
    public static string? SectorOf(string code) => code.Length >= 3 ? code[..3] : null;

    private sealed record Catalogue(IReadOnlyList<FieldOfScience> All, FrozenDictionary<string, FieldOfScience> ByCode);

    private static Catalogue Load()
    {
        using var stream = typeof(FieldsOfScience).Assembly.GetManifestResourceStream("Registry.Data.fields-of-science.csv")
            ?? throw new InvalidOperationException("The field-of-science table is not embedded in Registry.Data.");
        using var reader = new StreamReader(stream);
        var list = new List<FieldOfScience>();
        reader.ReadLine(); // header: code,parent,name_vi,name_en
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0) continue;
            var cells = SplitCsvLine(line);
            list.Add(new FieldOfScience(cells[0], cells[1].Length == 0 ? null : cells[1], cells[2], cells[3]));
        }
        return new Catalogue(list, list.ToFrozenDictionary(f => f.Code));
    }

    private static List<string> SplitCsvLine(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else cell.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { cells.Add(cell.ToString()); cell.Clear(); }
            else cell.Append(c);
        }
        cells.Add(cell.ToString());
        return cells;
    }
}
