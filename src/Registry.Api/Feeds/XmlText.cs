using System.Xml.Linq;
using Registry.Api.Http;

namespace Registry.Api.Feeds;

/// <summary>
/// The one serialiser of every XML answer (Atom, RSS, OAI-PMH, sitemaps). Stored text may hold characters XML 1.0
/// cannot carry (old rows, data written before writes were normalised); the XML writer would throw on them mid
/// response, so every text node and attribute is made safe with <see cref="UnsafeText.Clean"/> first.
/// </summary>
public static class XmlText
{
    public const string Declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    /// <summary>The declaration and <paramref name="root"/>, unindented; cleans the tree in place.</summary>
    public static string Serialize(XElement root)
    {
        foreach (var node in root.DescendantNodesAndSelf())
        {
            switch (node)
            {
                case XText text when !UnsafeText.IsSafe(text.Value):
                    text.Value = UnsafeText.Clean(text.Value);
                    break;
                case XElement element:
                    foreach (var attribute in element.Attributes())
                    {
                        if (!UnsafeText.IsSafe(attribute.Value)) attribute.Value = UnsafeText.Clean(attribute.Value);
                    }
                    break;
            }
        }

        return Declaration + root.ToString(SaveOptions.DisableFormatting);
    }
}
