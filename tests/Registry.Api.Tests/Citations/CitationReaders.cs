using System.Text;
using System.Text.RegularExpressions;

namespace Registry.Api.Tests.Citations;

/// <summary>
/// Strict readers of what the citation routes write, used to read them back: they refuse anything a reference
/// manager could misread rather than guess.
/// </summary>
public static partial class RisReader
{
    /// <summary>Every line <c>XX  - value</c> (CRLF), the first TY, the last ER, nothing after; tags with their values in order.</summary>
    public static IReadOnlyList<(string Tag, string Value)> Read(string ris)
    {
        Assert.EndsWith("\r\n", ris);
        var lines = ris[..^2].Split("\r\n");
        var entries = new List<(string, string)>();
        foreach (var line in lines)
        {
            Assert.DoesNotContain('\n', line);
            Assert.DoesNotContain('\r', line);
            var match = Line().Match(line);
            Assert.True(match.Success, $"not a RIS line: «{line}»");
            entries.Add((match.Groups[1].Value, match.Groups[2].Value));
        }
        Assert.Equal("TY", entries[0].Item1);
        Assert.Equal(("ER", ""), entries[^1]);
        Assert.Single(entries, e => e.Item1 == "TY");
        Assert.Single(entries, e => e.Item1 == "ER");
        return entries;
    }

    [GeneratedRegex(@"^([A-Z][A-Z0-9])  - (.*)$")]
    private static partial Regex Line();
}

/// <summary>
/// A small strict BibTeX reader: one <c>@type{key, name = {value}, …}</c> entry, braces balanced as BibTeX counts
/// them (a backslash does not escape a brace), an ASCII key, no duplicate field, the required fields of the type.
/// </summary>
public static class BibTexReader
{
    public sealed record Entry(string Type, string Key, IReadOnlyDictionary<string, string> Fields);

    private static readonly Dictionary<string, string[]> Required = new()
    {
        ["techreport"] = ["author", "title", "institution", "year"],
        ["misc"] = [],
        ["report"] = ["author", "title", "type", "institution", "year"],
    };

    public static Entry Read(string bib)
    {
        var i = 0;
        SkipSpace(bib, ref i);
        Expect(bib, ref i, '@');
        var type = Word(bib, ref i).ToLowerInvariant();
        Assert.True(Required.ContainsKey(type), $"unexpected entry type @{type}");
        Expect(bib, ref i, '{');
        var key = Word(bib, ref i, keyChars: true);
        Assert.Matches("^[A-Za-z0-9][A-Za-z0-9:_.-]*$", key);
        var fields = new Dictionary<string, string>();
        SkipSpace(bib, ref i);
        while (bib[i] == ',')
        {
            i++;
            SkipSpace(bib, ref i);
            if (bib[i] == '}') break;
            var name = Word(bib, ref i).ToLowerInvariant();
            SkipSpace(bib, ref i);
            Expect(bib, ref i, '=');
            SkipSpace(bib, ref i);
            var value = Braced(bib, ref i);
            Assert.True(fields.TryAdd(name, value), $"field {name} twice");
            SkipSpace(bib, ref i);
        }
        Expect(bib, ref i, '}');
        SkipSpace(bib, ref i);
        Assert.True(i == bib.Length, "text after the entry");
        foreach (var required in Required[type]) Assert.True(fields.ContainsKey(required), $"@{type} without {required}");
        return new Entry(type, key, fields);
    }

    /// <summary>A field's text as LaTeX prints it: the escapes the writer uses undone, case-protecting braces dropped.</summary>
    public static string Text(string value)
    {
        var unescaped = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '\\')
            {
                var rest = value[(i + 1)..];
                var command = new[] { "textbackslash{}", "textbraceleft{}", "textbraceright{}", "textasciitilde{}", "textasciicircum{}" }
                    .FirstOrDefault(rest.StartsWith);
                if (command is not null)
                {
                    unescaped.Append(command switch
                    {
                        "textbackslash{}" => '\\', "textbraceleft{}" => '{', "textbraceright{}" => '}', "textasciitilde{}" => '~', _ => '^',
                    });
                    i += command.Length;
                    continue;
                }
                Assert.True(rest.Length > 0 && "%&$#_".Contains(rest[0]), $"unknown LaTeX command at «{rest[..Math.Min(20, rest.Length)]}»");
                unescaped.Append(rest[0]);
                i++;
                continue;
            }
            Assert.False("%&$#_~^".Contains(c), $"unescaped LaTeX special «{c}»");
            if (c is '{' or '}') continue;
            unescaped.Append(c);
        }
        return unescaped.ToString();
    }

    private static string Braced(string s, ref int i)
    {
        Expect(s, ref i, '{');
        var start = i;
        var depth = 1;
        for (; i < s.Length; i++)
        {
            if (s[i] == '{') depth++;
            else if (s[i] == '}' && --depth == 0) break;
        }
        Assert.True(depth == 0, "unbalanced braces");
        var value = s[start..i];
        i++;
        return value;
    }

    private static string Word(string s, ref int i, bool keyChars = false)
    {
        var start = i;
        while (i < s.Length && (char.IsAsciiLetterOrDigit(s[i]) || (keyChars && ":_.-".Contains(s[i])))) i++;
        Assert.True(i > start, $"expected a name at {start}");
        return s[start..i];
    }

    private static void Expect(string s, ref int i, char c)
    {
        Assert.True(i < s.Length && s[i] == c, $"expected «{c}» at {i}: «{s[Math.Max(0, i - 20)..Math.Min(s.Length, i + 20)]}»");
        i++;
    }

    private static void SkipSpace(string s, ref int i)
    {
        while (i < s.Length && char.IsWhiteSpace(s[i])) i++;
    }
}
