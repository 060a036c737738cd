using System.Text;
using System.Text.RegularExpressions;

namespace Registry.Data;

/// <summary>How host organizations are de-duplicated: one organization per normalised name.</summary>
public static partial class OrganizationNames
{
    /// <summary>Clean (<see cref="Validation.TextHygiene"/>), NFC, trimmed, runs of whitespace collapsed to one space, case-folded (invariant lower case).</summary>
    public static string Normalize(string name) =>
        Whitespace().Replace(Validation.TextHygiene.Clean(name).Normalize(NormalizationForm.FormC).Trim(), " ").ToLowerInvariant();

    /// <summary>The name as it is kept for display: NFC, trimmed, whitespace collapsed, case as written.</summary>
    public static string Clean(string name) =>
        Whitespace().Replace(Validation.TextHygiene.Clean(name).Normalize(NormalizationForm.FormC).Trim(), " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
