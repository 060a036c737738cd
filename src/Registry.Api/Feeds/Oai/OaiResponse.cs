using System.Text;
using System.Xml.Linq;
using Registry.Data.Catalog;

namespace Registry.Api.Feeds.Oai;

/// <summary>The OAI-PMH envelope (spec §3.2): responseDate, request echo, then the verb's element or errors.</summary>
public static class OaiResponse
{
    public static readonly XNamespace Ns = "http://www.openarchives.org/OAI/2.0/";
    public const string Identifier = "oai:" + PublicUrls.Authority + ":";

    public static XElement Envelope(string endpoint, OaiArguments? args, DateTimeOffset now, params object[] content)
    {
        var request = new XElement(Ns + "request", endpoint);
        // Errors badVerb and badArgument echo no attributes (spec §3.2).
        if (args is not null)
        {
            request.Add(new XAttribute("verb", args.Verb));
            foreach (var (k, v) in args.Values) request.Add(new XAttribute(k, v));
        }
        return new XElement(Ns + "OAI-PMH",
            new XAttribute(XNamespace.Xmlns + "xsi", OaiMetadata.Xsi.NamespaceName),
            new XAttribute(OaiMetadata.Xsi + "schemaLocation", "http://www.openarchives.org/OAI/2.0/ http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd"),
            new XElement(Ns + "responseDate", Syndication.FeedWriters.Rfc3339(now)),
            request,
            content);
    }

    public static XElement Error(OaiError error) =>
        new(Ns + "error", new XAttribute("code", error.Code), error.Message);

    public static XElement Header(HarvestItem item)
    {
        var header = new XElement(Ns + "header",
            new XElement(Ns + "identifier", Identifier + item.Id),
            new XElement(Ns + "datestamp", Syndication.FeedWriters.Rfc3339(item.UpdatedAt)));
        if (item.Deleted) header.Add(new XAttribute("status", "deleted"));
        header.Add(new XElement(Ns + "setSpec", OaiSets.SpecOf(OaiEntity.Project)));
        foreach (var set in OaiSets.Of(item.FieldCodes, item.Level, item.Status)) header.Add(new XElement(Ns + "setSpec", set));
        return header;
    }

    /// <summary>The header of a CERIF entity other than a project: its OpenAIRE set only.</summary>
    public static XElement Header(OaiItemId id, DateTimeOffset datestamp, bool deleted)
    {
        var header = new XElement(Ns + "header",
            new XElement(Ns + "identifier", id.Identifier),
            new XElement(Ns + "datestamp", Syndication.FeedWriters.Rfc3339(datestamp)));
        if (deleted) header.Add(new XAttribute("status", "deleted"));
        header.Add(new XElement(Ns + "setSpec", OaiSets.SpecOf(id.Entity)));
        return header;
    }

    public static IResult Xml(XElement root)
    {
        return Results.Text(XmlText.Serialize(root), "text/xml; charset=utf-8", Encoding.UTF8);
    }
}
