using System.Collections;
using System.Reflection;
using System.Text.RegularExpressions;
using Registry.Api.Web.Localization;
using Registry.Data.Records;
using Registry.Search.Model;

namespace Registry.Api.Tests.Surface;

/// <summary>
/// Every message a reader sees is Vietnamese first and English second, and neither half slips into the other's
/// language ("Không có nhiệm vụ với id này (with this id) (no task với id này …)" once reached users). Two scans: the
/// declared label pairs, read by reflection from the three assemblies, and every inline "tiếng Việt (English)"
/// message, read from the string literals of the source.
/// </summary>
public sealed partial class BilingualMessageTests
{
    private static readonly Assembly[] Assemblies = [typeof(UiString).Assembly, typeof(Label).Assembly, typeof(SearchFilter).Assembly];

    [Fact]
    public void Every_declared_label_pair_has_both_languages_each_in_its_own_language()
    {
        var pairs = DeclaredPairs().ToList();
        Assert.True(pairs.Count > 200, $"Only {pairs.Count} label pairs were found: the scan no longer sees the declarations.");
        var wrong = pairs
            .Select(p => (p.Where, p.Vi, p.En, Why: Problem(p.Vi, p.En)))
            .Where(p => p.Why is not null)
            .Select(p => $"{p.Where}: “{p.Vi}” / “{p.En}”: {p.Why}")
            .Distinct()
            .ToList();
        Assert.True(wrong.Count == 0, "Label pairs to fix:\n" + string.Join("\n", wrong));
    }

    [Fact]
    public void Every_inline_message_puts_english_in_one_parenthesis_after_the_vietnamese()
    {
        var root = RepositoryRoot();
        var files = Directory.EnumerateFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                        && !f.Contains($"{Path.DirectorySeparatorChar}Migrations{Path.DirectorySeparatorChar}"))
            .ToList();
        Assert.NotEmpty(files);
        var messages = 0;
        var wrong = new List<string>();
        foreach (var file in files)
        {
            foreach (Match literal in StringLiteral().Matches(File.ReadAllText(file)))
            {
                var text = literal.Value;
                if (!HasVietnamese(text)) continue;
                var english = Parentheticals().Matches(text).Where(p => IsEnglish(p.Groups[1].Value)).ToList();
                if (english.Count == 0) continue;
                messages++;
                foreach (var p in english)
                {
                    var slipped = VietnameseWordsOutsideNames(p.Groups[1].Value);
                    if (slipped.Count > 0)
                        wrong.Add($"{Path.GetRelativePath(root, file)}: {p.Value} has Vietnamese words in its English part: {string.Join(", ", slipped)}");
                }
                for (var i = 1; i < english.Count; i++)
                {
                    var between = text[(english[i - 1].Index + english[i - 1].Length)..english[i].Index];
                    if (string.IsNullOrWhiteSpace(between))
                        wrong.Add($"{Path.GetRelativePath(root, file)}: two English parts in a row: {english[i - 1].Value} {english[i].Value}");
                }
            }
        }
        Assert.True(messages > 200, $"Only {messages} bilingual messages were found: the scan no longer reads them.");
        Assert.True(wrong.Count == 0, "Messages to fix:\n" + string.Join("\n", wrong));
    }

    [Theory]
    [InlineData("Không có nhiệm vụ với id này (with this id) (no task với id này …)", false)]
    [InlineData("Không có nhiệm vụ với id này (no task with this id).", true)]
    [InlineData("Tìm “hung vuong” (e.g. \"hung vuong\" finds Trường Đại học Hùng Vương)", true)]
    [InlineData("Đã rút (withdrawn on ngày 01/02)", false)]
    public void The_scan_tells_a_slipped_message_from_a_good_one(string message, bool good)
    {
        var english = Parentheticals().Matches(message).Where(p => IsEnglish(p.Groups[1].Value)).ToList();
        var slipped = english.Any(p => VietnameseWordsOutsideNames(p.Groups[1].Value).Count > 0);
        var adjacent = english.Count > 1 && string.IsNullOrWhiteSpace(message[(english[0].Index + english[0].Length)..english[1].Index]);
        Assert.Equal(good, !slipped && !adjacent);
    }

    private static string? Problem(string vi, string en)
    {
        if (string.IsNullOrWhiteSpace(vi)) return "no Vietnamese";
        if (string.IsNullOrWhiteSpace(en)) return "no English";
        if (VietnameseWordsOutsideNames(en) is { Count: > 0 } slipped) return "Vietnamese words in the English: " + string.Join(", ", slipped);
        if (vi == en && HasVietnamese(vi)) return "the English is the Vietnamese";
        return null;
    }

    /// <summary>Every (Vi, En) pair held in a static field: labels, UI strings, record field declarations and the enum table.</summary>
    private static IEnumerable<(string Where, string Vi, string En)> DeclaredPairs()
    {
        foreach (var type in Assemblies.SelectMany(a => a.GetTypes()).Where(t => !t.ContainsGenericParameters))
        {
            foreach (var field in type.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (field.FieldType.ContainsGenericParameters || field.IsLiteral) continue;
                object? value;
                try { value = field.GetValue(null); }
                catch (TargetInvocationException) { continue; }
                foreach (var pair in PairsIn(value, $"{type.Name}.{field.Name}", depth: 0)) yield return pair;
            }
        }
    }

    private static IEnumerable<(string, string, string)> PairsIn(object? value, string where, int depth)
    {
        switch (value)
        {
            case null or string:
                yield break;
            case UiString u:
                yield return (where, u.Vi, u.En);
                yield break;
            case Label l:
                yield return (where, l.Vi, l.En);
                yield break;
            case RecordField f:
                yield return ($"{where} ({f.Name})", f.Label.Vi, f.Label.En);
                if (f.Note is { } note) yield return ($"{where} ({f.Name} note)", note.Vi, note.En);
                yield break;
            case IEnumerable items when depth == 0:
                var i = 0;
                foreach (var item in items)
                {
                    if (i++ > 5_000) yield break;
                    var label = item?.GetType().GetProperty("Label")?.GetValue(item);
                    foreach (var pair in PairsIn(label ?? item, $"{where}[{i - 1}]", depth + 1)) yield return pair;
                }
                yield break;
        }
    }

    private static readonly HashSet<string> EnglishWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "of", "no", "not", "is", "are", "must", "with", "or", "and", "to", "for", "in", "on", "at", "be",
        "this", "was", "per", "only", "from", "by", "as", "it", "its", "use", "has", "have", "can", "cannot", "there",
        "e.g.", "at most", "at least", "than", "too", "invalid", "unknown", "expected", "required", "not found", "see",
    };

    /// <summary>An English part: one of its words is a common English word.</summary>
    private static bool IsEnglish(string text) =>
        (text.Contains("e.g.") || text.Contains("i.e.") || Words(text).Any(w => EnglishWords.Contains(w))) && !HasVietnamese(Words(text).FirstOrDefault() ?? "");

    /// <summary>Lowercase Vietnamese words outside names ("học" in "Trường Đại học Hùng Vương" is part of a name) and quotes.</summary>
    private static List<string> VietnameseWordsOutsideNames(string text)
    {
        var words = Words(Quoted().Replace(text, " ")).ToList();
        var slipped = new List<string>();
        for (var i = 0; i < words.Count; i++)
        {
            var w = words[i];
            if (!HasVietnamese(w) || char.IsUpper(w[0])) continue;
            var inName = i > 0 && char.IsUpper(words[i - 1][0]) && i + 1 < words.Count && char.IsUpper(words[i + 1][0]);
            if (!inName) slipped.Add(w);
        }
        return slipped;
    }

    private static IEnumerable<string> Words(string text) =>
        WordPattern().Matches(text).Select(m => m.Value).Where(w => w.Length > 0);

    private static bool HasVietnamese(string text) => text.Any(c => VietnameseLetters.Contains(char.ToLowerInvariant(c)));

    private const string VietnameseLetters =
        "ăâđêôơưàáạảãằắặẳẵầấậẩẫèéẹẻẽềếệểễìíịỉĩòóọỏõồốộổỗờớợởỡùúụủũừứựửữỳýỵỷỹ";

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Registry.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Registry.sln not found above the test directory");
    }

    /// <summary>C# string literals on one line: regular, verbatim or interpolated.</summary>
    [GeneratedRegex(""""\$*"{3}[\s\S]*?"{3}|\$?@?"(?:[^"\\\n]|\\.)*"""")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"\(([^()]*)\)")]
    private static partial Regex Parentheticals();

    /// <summary>Quoted examples and interpolation holes, which may hold anything.</summary>
    [GeneratedRegex("""'[^']*'|“[^”]*”|\\"[^"]*\\"|"[^"]*"|\{[^}]*\}""")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"[^\s,.;:!?/–—()\[\]'""“”…]+")]
    private static partial Regex WordPattern();
}
