using Registry.Data.Import;
using Registry.Data.Records;

namespace Registry.Data.Validation;

/// <summary>
/// Độ mật: the one rule that turns a written classification into a level, for every entrance (JSON bodies,
/// JSON Lines, CSV and .xlsx cells). Spellings are those of <see cref="EnumLabels.Security"/> (Vietnamese labels as
/// curators write them, their aliases, and the record v1 names), compared folded: any case, NFC or NFD, old or new
/// tone placement, with or without diacritics (đ → d), spaces and punctuation ignored, so "Mật", "MẬT", "mat",
/// "Tối-mật", "toi mat", "TOPSECRET" all count. A value that is not recognised is never taken as "not classified".
/// </summary>
public static class SecurityLevels
{
    /// <summary>The level a spelling names; false when the text names no level (then treat it as a secret).</summary>
    public static bool TryParse(string? text, out SecurityClassification level) =>
        ValueMap<SecurityClassification>.Instance.TryGet(text, out level);

    /// <summary>
    /// True unless <paramref name="text"/> is empty or spells "not classified": an unknown spelling is refused as
    /// a secret, because a level we cannot read cannot be shown to be harmless.
    /// </summary>
    public static bool IsSecret(string? text) =>
        TextFolding.Key(text).Length > 0 && !(TryParse(text, out var level) && level == SecurityClassification.None);
}
