using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Registry.Data.Records;

namespace Registry.Api.Citations;

/// <summary>
/// A published task as a reference: a report of a research project. The title is the Vietnamese one; the authors
/// are the principal investigator then the members, names as written and split family-name-first; the year is the
/// start year; the publisher is the host organization, in its province; the number is the task code. DOIs belong to
/// the outputs, not to the task, so none is given. Input must be a public record.
/// </summary>
public static class CitationWriters
{
    /// <summary>The genre given where a format has one.</summary>
    public const string Genre = "Nhiệm vụ khoa học và công nghệ";

    public static string Write(CitationFormat format, TaskRecord record, string pageUrl) =>
        format == CitationFormat.Ris ? Ris(record, pageUrl)
        : format == CitationFormat.BibTex ? BibTex(record, pageUrl)
        : CslJson(record, pageUrl);

    /// <summary>RIS: one <c>XX  - value</c> line per value, CRLF, from TY to ER. Report (RPRT) imports as a report in Zotero, EndNote and Mendeley.</summary>
    public static string Ris(TaskRecord record, string pageUrl)
    {
        var lines = new StringBuilder();
        void Line(string tag, string? value)
        {
            var clean = CitationText.Clean(value);
            if (clean.Length > 0) lines.Append(tag).Append("  - ").Append(clean).Append("\r\n");
        }
        Line("TY", "RPRT");
        Line("TI", record.Title);
        Line("TT", record.TitleEn);
        foreach (var author in CitationText.Authors(record))
            Line("AU", author.Given.Length > 0 ? $"{author.Family}, {author.Given}" : author.Family);
        Line("PY", CitationText.Year(record));
        if (record.StartDate is { } start) Line("DA", start.ToString("yyyy'/'MM'/'dd'/'", CultureInfo.InvariantCulture));
        Line("PB", record.HostOrganization?.Name);
        Line("CY", record.HostOrganization?.Province);
        Line("M3", Genre);
        Line("AB", record.Summary);
        foreach (var keyword in record.Keywords ?? []) Line("KW", keyword);
        Line("UR", pageUrl);
        Line("AN", record.Code);
        Line("LA", "vi");
        lines.Append("ER  - \r\n");
        return lines.ToString();
    }

    /// <summary>
    /// BibTeX: <c>@techreport</c> when author, institution and year are known (its required fields), else <c>@misc</c>.
    /// Values are UTF-8 (biblatex/biber, or bibtex with inputenc) with LaTeX specials escaped; braces and backslashes
    /// become text commands, so the braces of a value stay balanced as BibTeX counts them.
    /// </summary>
    public static string BibTex(TaskRecord record, string pageUrl)
    {
        var authors = CitationText.Authors(record);
        var institution = CitationText.Clean(record.HostOrganization?.Name);
        var year = CitationText.Year(record);
        var type = authors.Count > 0 && institution.Length > 0 && year is not null ? "techreport" : "misc";
        var fields = new List<(string Name, string Value)>();
        void Field(string name, string? value, bool protectCase = false)
        {
            var clean = CitationText.Clean(value);
            if (clean.Length == 0) return;
            var escaped = Latex(clean);
            fields.Add((name, protectCase ? "{" + escaped + "}" : escaped));
        }
        Field("title", record.Title, protectCase: true);
        if (authors.Count > 0)
            fields.Add(("author", string.Join(" and ", authors.Select(a =>
                a.Given.Length > 0 ? $"{{{Latex(a.Family)}}}, {{{Latex(a.Given)}}}" : $"{{{Latex(a.Family)}}}"))));
        Field(type == "techreport" ? "institution" : "publisher", institution);
        Field("address", record.HostOrganization?.Province);
        Field("year", year);
        if (record.StartDate is { } start) Field("date", start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Field("type", Genre);
        Field("number", record.Code);
        Field("abstract", record.Summary);
        if (record.Keywords is { Count: > 0 } keywords)
            Field("keywords", string.Join(", ", keywords.Select(k => CitationText.Clean(k)).Where(k => k.Length > 0)));
        if (!string.IsNullOrWhiteSpace(record.TitleEn)) Field("note", $"English title: {CitationText.Clean(record.TitleEn)}");
        if (IsVerbatimSafe(pageUrl)) fields.Add(("url", pageUrl));
        fields.Add(("langid", "vietnamese"));

        var bib = new StringBuilder();
        bib.Append('@').Append(type).Append('{').Append(CitationText.Key(record)).Append(",\n");
        bib.Append(string.Join(",\n", fields.Select(f => $"  {f.Name} = {{{f.Value}}}")));
        bib.Append("\n}\n");
        return bib.ToString();
    }

    /// <summary>LaTeX escaping of text: the ten specials; line breaks are already spaces.</summary>
    public static string Latex(string text)
    {
        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '\\' => @"\textbackslash{}",
                '{' => @"\textbraceleft{}",
                '}' => @"\textbraceright{}",
                '%' => @"\%",
                '&' => @"\&",
                '$' => @"\$",
                '#' => @"\#",
                '_' => @"\_",
                '~' => @"\textasciitilde{}",
                '^' => @"\textasciicircum{}",
                _ => c.ToString(),
            });
        }
        return builder.ToString();
    }

    // A url field is read verbatim: only an address without braces, backslashes or spaces goes in unescaped.
    private static bool IsVerbatimSafe(string url) => url.Length > 0 && url.All(c => c > ' ' && c < 0x7f && c is not ('{' or '}' or '\\' or '%' or '#'));

    /// <summary>CSL-JSON: an array of one <c>report</c> item, valid against the CSL 1.0 csl-data.json schema.</summary>
    public static string CslJson(TaskRecord record, string pageUrl)
    {
        var item = new JsonObject
        {
            ["id"] = CitationText.Key(record),
            ["type"] = "report",
            ["citation-key"] = CitationText.Key(record),
        };
        void Text(string name, string? value, bool keepLines = false)
        {
            var clean = CitationText.Clean(value, keepLines);
            if (clean.Length > 0) item[name] = clean;
        }
        Text("title", record.Title);
        var authors = CitationText.Authors(record);
        if (authors.Count > 0)
            item["author"] = new JsonArray(authors.Select(a =>
            {
                var name = new JsonObject { ["family"] = a.Family };
                if (a.Given.Length > 0) name["given"] = a.Given;
                return (JsonNode)name;
            }).ToArray());
        if (record.StartDate is { } start) item["issued"] = new JsonObject { ["date-parts"] = new JsonArray(new JsonArray(start.Year)) };
        Text("publisher", record.HostOrganization?.Name);
        Text("publisher-place", record.HostOrganization?.Province);
        Text("genre", Genre);
        Text("number", record.Code);
        Text("abstract", record.Summary, keepLines: true);
        if (record.Keywords is { Count: > 0 } keywords)
            Text("keyword", string.Join(", ", keywords.Select(k => CitationText.Clean(k)).Where(k => k.Length > 0)));
        if (!string.IsNullOrWhiteSpace(record.TitleEn)) Text("note", $"English title: {CitationText.Clean(record.TitleEn)}");
        Text("URL", pageUrl);
        item["language"] = "vi";
        return new JsonArray(item).ToJsonString(Options);
    }

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        // Vietnamese stays readable; '<', '>' and '&' are still escaped (a citation may be pasted into a page).
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
    };
}
