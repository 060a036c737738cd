using System.Text;
using System.Xml;
using Registry.Data.Validation;

namespace Registry.Data.Tests.Strict;

public sealed class TextHygieneTests
{
    [Theory]
    [InlineData("a\vb", "a\nb")]
    [InlineData("a\fb", "a\nb")]
    [InlineData("a\0b\u0001c\u001Fd\u0008e", "abcde")]
    [InlineData("tab\tlf\ncr\r", "tab\tlf\ncr\r")]
    [InlineData("x\uFFFEy\uFFFFz\uFDD0", "xyz")]
    [InlineData("Nghiên cứu giống chè", "Nghiên cứu giống chè")]
    public void Clean_normalises_what_xml_and_json_cannot_carry(string input, string expected)
    {
        Assert.Equal(expected, TextHygiene.Clean(input));
    }

    [Fact]
    public void Lone_surrogates_become_the_replacement_character_and_noncharacters_of_other_planes_go()
    {
        // Built at run time: a lone surrogate does not survive an attribute argument.
        var (high, low) = ((char)0xD800, (char)0xDC00);
        Assert.Equal("a\uFFFDb\uFFFDc", TextHygiene.Clean($"a{high}b{low}c"));
        Assert.Equal("a\uFFFD", TextHygiene.Clean($"a{high}"));
        Assert.Equal("pair \U0001F600 kept", TextHygiene.Clean("pair \U0001F600 kept"));
        Assert.Equal("plane  end", TextHygiene.Clean("plane \U0001FFFE end"));
    }

    [Fact]
    public void Clean_text_is_returned_as_is()
    {
        var text = "Ứng dụng công nghệ sinh học";
        Assert.Same(text, TextHygiene.Clean(text));
    }

    [Fact]
    public void Stored_text_is_clean_trimmed_and_nfc_and_empty_when_nothing_remains()
    {
        Assert.Equal("Hòa Bình", TextHygiene.Stored("  \u0001Hòa Bình\v ".Normalize(NormalizationForm.FormD)));
        Assert.True(TextHygiene.Stored("  Hòa Bình ".Normalize(NormalizationForm.FormD))!.IsNormalized(NormalizationForm.FormC));
        Assert.Null(TextHygiene.Stored("\u0001\u0002 \uFFFE"));
    }

    [Fact]
    public void Every_char_after_cleaning_is_legal_in_xml()
    {
        var all = new StringBuilder();
        for (var c = 0; c <= 0xFFFF; c++) all.Append((char)c);

        var stored = TextHygiene.Stored("x" + all + "x")!;

        Assert.True(TextHygiene.IsClean(stored));
        var settings = new XmlWriterSettings { CheckCharacters = true };
        using var writer = XmlWriter.Create(new StringWriter(), settings);
        writer.WriteElementString("t", stored); // throws on any character XML 1.0 forbids
    }
}
