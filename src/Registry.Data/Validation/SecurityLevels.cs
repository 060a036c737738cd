using Registry.Data.Import;
using Registry.Data.Records;

namespace Registry.Data.Validation;

/// <summary>
/// Độ mật: the one rule that turns a written classification into a level, for every entrance (JSON bodies,
/// JSON Lines, CSV and .xlsx cells). Spellings are compared folded: any case, NFC or NFD, old or new tone placement,
/// with or without diacritics (đ → d), spaces and punctuation ignored, so "Mật", "MẬT", "mat", "Tối-mật",
/// "toi mat", "TOPSECRET" all count. A value that is not recognised is never taken as "not classified".
/// </summary>
public static class SecurityLevels
{
    /// <summary>The documented labels (Vietnamese as curators write them, then the record v1 names).</summary>
    public static readonly IReadOnlyList<(string Label, SecurityClassification Level)> Labels =
    [
        ("Không", SecurityClassification.None), ("Thường", SecurityClassification.None),
        ("Mật", SecurityClassification.Confidential), ("Tối mật", SecurityClassification.Secret),
        ("Tuyệt mật", SecurityClassification.TopSecret),
        ("none", SecurityClassification.None), ("confidential", SecurityClassification.Confidential),
        ("secret", SecurityClassification.Secret), ("topSecret", SecurityClassification.TopSecret),
    ];

    private static readonly Dictionary<string, SecurityClassification> ByKey =
        Labels.ToDictionary(l => Fold(l.Label), l => l.Level, StringComparer.Ordinal);

    /// <summary>The level a spelling names; false when the text names no level (then treat it as a secret).</summary>
    public static bool TryParse(string? text, out SecurityClassification level) => ByKey.TryGetValue(Fold(text), out level);

    /// <summary>
    /// True unless <paramref name="text"/> is empty or spells "not classified": an unknown spelling is refused as
    /// a secret, because a level we cannot read cannot be shown to be harmless.
    /// </summary>
    public static bool IsSecret(string? text) =>
        Fold(text).Length > 0 && !(TryParse(text, out var level) && level == SecurityClassification.None);

    /// <summary>The folding of import headers and cells (<see cref="TextKey"/>), after lone surrogates are made readable.</summary>
    private static string Fold(string? text) => TextKey.Fold(text is null ? null : TextHygiene.Clean(text));
}
