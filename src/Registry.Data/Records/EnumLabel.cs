namespace Registry.Data.Records;

/// <summary>
/// How one enum value of record v1 is shown and written: its label in both languages and the other spellings curators
/// write in spreadsheets (accepted on import, never shown).
/// </summary>
public sealed record EnumLabel<T>(T Value, Label Label, params string[] Aliases) where T : struct, Enum
{
    /// <summary>The camelCase name record v1 uses in JSON, query strings and facet keys.</summary>
    public string Key => EnumLabels.Key(Value);
}

/// <summary>The labels of every value of one enum, in declaration order.</summary>
public sealed class EnumLabelTable<T> where T : struct, Enum
{
    private readonly Dictionary<T, EnumLabel<T>> _byValue;

    internal EnumLabelTable(params EnumLabel<T>[] entries)
    {
        Entries = entries;
        _byValue = entries.ToDictionary(e => e.Value);
    }

    public IReadOnlyList<EnumLabel<T>> Entries { get; }

    /// <summary>The value's label; an undefined value (a number cast to the enum) shows its name in both languages.</summary>
    public Label Of(T value) => _byValue.TryGetValue(value, out var entry) ? entry.Label : new(EnumLabels.Key(value), EnumLabels.Key(value));

    /// <summary>The label of a camelCase key (a facet bucket, a query value); null when the key names no value.</summary>
    public Label? OfKey(string? key) => Entries.FirstOrDefault(e => string.Equals(e.Key, key, StringComparison.OrdinalIgnoreCase))?.Label;
}
