namespace Registry.Api.Http;

/// <summary>
/// The characters XML 1.0 cannot carry and that JSON, CSV and feed consumers choke on: C0 controls other than tab,
/// line feed and carriage return, the noncharacters U+FFFE and U+FFFF, and lone surrogates. One definition for the
/// request guard (<see cref="UnsafeTextGuard"/>) and for every writer of stored text (<see cref="Clean"/>).
/// </summary>
public static class UnsafeText
{
    /// <summary>Index of the first unsafe character, or -1.</summary>
    public static int IndexOfUnsafe(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < ' ')
            {
                if (c is '\t' or '\n' or '\r') continue;
                return i;
            }
            if (c < '\uD800') continue;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }
            if (char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF') return i;
        }

        return -1;
    }

    public static bool IsSafe(string? text) => text is null || IndexOfUnsafe(text) < 0;

    /// <summary>
    /// Stored text made writable: a control character becomes a space (a vertical tab or form feed pasted from a
    /// word processor is a line break to its author), a noncharacter or lone surrogate becomes U+FFFD. Text that is
    /// already safe is returned as is (no copy).
    /// </summary>
    public static string Clean(string text)
    {
        var first = IndexOfUnsafe(text);
        if (first < 0) return text;
        return string.Create(text.Length, (text, first), static (span, state) =>
        {
            var (source, start) = state;
            source.AsSpan().CopyTo(span);
            for (var i = start; i < span.Length; i++)
            {
                var c = span[i];
                if (c < ' ' && c is not ('\t' or '\n' or '\r')) span[i] = ' ';
                else if (c is '\uFFFE' or '\uFFFF') span[i] = '\uFFFD';
                else if (char.IsHighSurrogate(c) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1])) i++;
                else if (char.IsSurrogate(c)) span[i] = '\uFFFD';
            }
        });
    }
}
