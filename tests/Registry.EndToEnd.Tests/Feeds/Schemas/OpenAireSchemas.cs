using System.Runtime.CompilerServices;
using System.Xml;
using System.Xml.Schema;

namespace Registry.EndToEnd.Tests.Feeds;

/// <summary>
/// The official OAI-PMH 2.0 schema (strict: every metadata and description element must validate against a
/// loaded schema), oai_dc, oai-identifier and the OpenAIRE CERIF profile 1.1 with its includes and vocabularies,
/// all read from files in this folder (openaire-cris/README.md names their source commit). Nothing is fetched.
/// </summary>
public static class OpenAireSchemas
{
    public static XmlSchemaSet Build()
    {
        var folder = Path.GetDirectoryName(ThisFile())!;
        var set = new XmlSchemaSet { XmlResolver = new LocalResolver(folder) };
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = new LocalResolver(folder) };
        foreach (var file in new[]
                 {
                     "xml.xsd", "openaire-cris/cached/OAI-PMH.xsd", "simpledc20021212.xsd", "oai_dc.xsd",
                     "openaire-cris/cached/oai-identifier.xsd", "openaire-cris/openaire-cerif-profile.xsd",
                 })
        {
            var path = Path.Combine(folder, file);
            using var reader = XmlReader.Create(path, settings);
            set.Add(null, reader);
        }
        set.Compile();
        return set;
    }

    /// <summary>This source file's path, as the compiler saw it: the schemas sit next to it.</summary>
    private static string ThisFile([CallerFilePath] string path = "") => path;

    /// <summary>Resolves relative schema locations to files and the W3C xml.xsd to the local copy; refuses the network.</summary>
    private sealed class LocalResolver(string folder) : XmlUrlResolver
    {
        /// <summary>The W3C xml.xsd becomes the local file's URI, so the set sees one schema however it is reached.</summary>
        public override Uri ResolveUri(Uri? baseUri, string? relativeUri) =>
            relativeUri is "http://www.w3.org/2001/xml.xsd" or "https://www.w3.org/2001/xml.xsd"
                ? new Uri(Path.Combine(folder, "xml.xsd"))
                : base.ResolveUri(baseUri, relativeUri);

        public override object? GetEntity(Uri absoluteUri, string? role, Type? ofObjectToReturn)
        {
            if (absoluteUri.IsFile) return base.GetEntity(absoluteUri, role, ofObjectToReturn);
            throw new XmlSchemaException($"Schema {absoluteUri} is not available offline; add it to Feeds/Schemas.");
        }
    }
}
