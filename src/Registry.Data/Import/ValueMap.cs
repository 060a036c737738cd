using Registry.Data.Records;

namespace Registry.Data.Import;

/// <summary>
/// The values a choice cell may take, from <see cref="EnumLabels"/>: each value's Vietnamese label, its aliases and
/// its record v1 name, matched folded (<see cref="TextFolding.Key"/>).
/// </summary>
internal sealed class ValueMap<T> where T : struct, Enum
{
    public static readonly ValueMap<T> Instance = new(EnumLabels.For<T>());

    private readonly Dictionary<string, T> _byKey = new(StringComparer.Ordinal);

    private ValueMap(EnumLabelTable<T> table)
    {
        Labels = [.. table.Entries.Select(e => e.Label.Vi), .. table.Entries.SelectMany(e => e.Aliases)];
        foreach (var entry in table.Entries)
        {
            _byKey[TextFolding.Key(entry.Label.Vi)] = entry.Value;
            foreach (var alias in entry.Aliases) _byKey[TextFolding.Key(alias)] = entry.Value;
        }
        foreach (var value in Enum.GetValues<T>()) _byKey.TryAdd(TextFolding.Key(value.ToString()), value);
    }

    /// <summary>The accepted Vietnamese spellings, labels first, for error messages and docs.</summary>
    public IReadOnlyList<string> Labels { get; }

    public bool TryGet(string? text, out T value) => _byKey.TryGetValue(TextFolding.Key(text), out value);

    public string Expected => string.Join(", ", Labels.Select(l => $"'{l}'"));
}
