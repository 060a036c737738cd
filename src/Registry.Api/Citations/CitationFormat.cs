namespace Registry.Api.Citations;

/// <summary>A reference-manager format a published task can be cited in.</summary>
public sealed record CitationFormat(string Name, string MediaType, string Extension)
{
    /// <summary>RIS (Research Information Systems): EndNote, Zotero, Mendeley, JabRef.</summary>
    public static readonly CitationFormat Ris = new("ris", "application/x-research-info-systems", "ris");
    /// <summary>BibTeX / biblatex (UTF-8 kept).</summary>
    public static readonly CitationFormat BibTex = new("bibtex", "application/x-bibtex", "bib");
    /// <summary>CSL-JSON, the input of citeproc (Zotero, Pandoc, citation.js).</summary>
    public static readonly CitationFormat CslJson = new("csl", "application/vnd.citationstyles.csl+json", "csl.json");

    public static readonly IReadOnlyList<CitationFormat> All = [Ris, BibTex, CslJson];

    /// <summary>
    /// The citation format the Accept header ranks highest, when one is ranked above application/json (and above
    /// application/ld+json); null otherwise, and the route answers its usual JSON.
    /// </summary>
    public static CitationFormat? Preferred(HttpRequest request)
    {
        var accept = request.GetTypedHeaders().Accept;
        if (accept is null || accept.Count == 0) return null;
        double Quality(string type) => accept.Where(a => a.MediaType.Equals(type, StringComparison.OrdinalIgnoreCase))
            .Select(a => a.Quality ?? 1).DefaultIfEmpty(-1).Max();
        var json = Math.Max(Quality("application/json"), Quality("application/ld+json"));
        var best = All.Select(f => (Format: f, Q: Quality(f.MediaType))).Where(x => x.Q > 0 && x.Q > json)
            .OrderByDescending(x => x.Q).FirstOrDefault();
        return best.Format;
    }
}
