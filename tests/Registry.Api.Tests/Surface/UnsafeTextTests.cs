using System.Xml.Linq;
using Registry.Api.Feeds;
using Registry.Api.Http;

namespace Registry.Api.Tests.Surface;

public sealed class UnsafeTextTests
{
    [Theory]
    [InlineData("chè Phú Thọ", -1)]
    [InlineData("tab\tline\nreturn\r", -1)]
    [InlineData("emoji 🍵 ok", -1)]
    [InlineData("a\u000Bb", 1)]
    [InlineData("\u0000", 0)]
    [InlineData("ab\uFFFE", 2)]
    [InlineData("ab\uFFFF", 2)]
    public void Finds_the_first_character_xml_cannot_carry(string text, int expected) =>
        Assert.Equal(expected, UnsafeText.IndexOfUnsafe(text));

    /// <summary>Built in code: theory data would be serialised, and a lone surrogate does not survive that.</summary>
    [Fact]
    public void Finds_lone_surrogates_but_not_pairs()
    {
        Assert.Equal(1, UnsafeText.IndexOfUnsafe("x\uD800y"));
        Assert.Equal(1, UnsafeText.IndexOfUnsafe("x\uDC00"));
        Assert.Equal(2, UnsafeText.IndexOfUnsafe("\uD83C\uDF75\uD83C"));
        Assert.Equal(-1, UnsafeText.IndexOfUnsafe("\uD83C\uDF75"));
    }

    [Fact]
    public void Clean_follows_the_write_rule_line_breaks_kept_controls_and_noncharacters_dropped_lone_surrogates_replaced()
    {
        Assert.Equal("Chè\n Phú Thọ\uFFFD🍵", UnsafeText.Clean("Chè\u000B Phú\uFFFE Thọ\u0001\uD800🍵"));
        var safe = "nothing to do";
        Assert.Same(safe, UnsafeText.Clean(safe));
    }

    [Fact]
    public void Every_text_node_and_attribute_is_written_as_well_formed_xml()
    {
        var root = new XElement("feed", new XAttribute("title", "a\u0002b"), new XElement("entry", "Chè\u000B\uFFFF"), new XCData("c\u0003"));
        var xml = XmlText.Serialize(root);
        var parsed = XDocument.Parse(xml);
        Assert.Equal("ab", parsed.Root!.Attribute("title")!.Value);
        Assert.Equal("Chè\n", parsed.Root.Element("entry")!.Value);
    }
}
