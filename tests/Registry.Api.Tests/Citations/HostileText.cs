using System.Text;

namespace Registry.Api.Tests.Citations;

/// <summary>Text that breaks naive citation writers, shared by the unit and end-to-end citation tests.</summary>
public static class HostileText
{
    /// <summary>Hostile input and what a reader must get back (NFC, one line, no controls, no invisible bidi marks).</summary>
    public static TheoryData<string, string> Cases => new()
    {
        { "Quotes \"double\" and 'single' and “curly”", "Quotes \"double\" and 'single' and “curly”" },
        { "Braces {unbalanced and } }{ {{", "Braces {unbalanced and } }{ {{" },
        { @"100% & $5 #1 under_score ~tilde ^caret \backslash \textbf{x} \", @"100% & $5 #1 under_score ~tilde ^caret \backslash \textbf{x} \" },
        { "Line one\nline two\r\nline three\rfour", "Line one line two line three four" },
        { "<script>alert('x')</script> &amp;", "<script>alert('x')</script> &amp;" },
        { "abc\u202Eevil\u202C def \u2066iso\u2069 \u200Fmark", "abcevil def iso mark" },
        { "Title\r\nER  - \r\nTY  - JOUR", "Title ER - TY - JOUR" },
        { "x}, author = {Evil", "x}, author = {Evil" },
        { "@misc{injected, title={x}}", "@misc{injected, title={x}}" },
        { "Nghiên cứu chè Phú Thọ".Normalize(NormalizationForm.FormD), "Nghiên cứu chè Phú Thọ" },
        { "Nghiên cứu chè Phú Thọ", "Nghiên cứu chè Phú Thọ" },
        { "tab\there\u0000nul\u0007bell  many   spaces ", "tab herenulbell many spaces" },
        { string.Concat(Enumerable.Repeat("Nghiên cứu ứng dụng % & ", 1500)), string.Concat(Enumerable.Repeat("Nghiên cứu ứng dụng % & ", 1500)).TrimEnd() },
    };
}
