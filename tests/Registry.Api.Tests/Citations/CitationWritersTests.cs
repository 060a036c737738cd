using System.Text;
using System.Text.Json;
using Registry.Api.Citations;
using Registry.Api.Tests.Builders;
using Registry.Data.Records;

namespace Registry.Api.Tests.Citations;

/// <summary>The three citation formats read back by strict readers, with hostile titles, names and summaries.</summary>
public sealed class CitationWritersTests
{
    private const string Page = "https://opendata.example.vn/tasks/t-123";

    private static TaskRecord Record(Func<TaskRecord, TaskRecord>? change = null) =>
        new TaskRecordBuilder().With(r => r with { Id = "t-123", Code = "ĐT-2024-00042-PT" }).With(change ?? (r => r)).Build();

    [Theory]
    [MemberData(nameof(HostileText.Cases), MemberType = typeof(HostileText))]
    public void Ris_reads_back_every_hostile_title_on_one_line(string title, string expected)
    {
        var record = Record(r => r with { Title = title, Summary = title, Keywords = [title, "chè"] });
        var entries = RisReader.Read(CitationWriters.Ris(record, Page));
        Assert.Equal(expected, entries.Single(e => e.Tag == "TI").Value);
        Assert.Equal(expected, entries.Single(e => e.Tag == "AB").Value);
        Assert.Equal([expected, "chè"], entries.Where(e => e.Tag == "KW").Select(e => e.Value));
        Assert.True(entries.All(e => e.Value.IsNormalized(NormalizationForm.FormC)));
    }

    [Theory]
    [MemberData(nameof(HostileText.Cases), MemberType = typeof(HostileText))]
    public void BibTex_reads_back_every_hostile_title_with_balanced_braces(string title, string expected)
    {
        var record = Record(r => r with { Title = title, Summary = title });
        var entry = BibTexReader.Read(CitationWriters.BibTex(record, Page));
        Assert.Equal("techreport", entry.Type);
        Assert.Equal(expected, BibTexReader.Text(entry.Fields["title"]));
        Assert.Equal(expected, BibTexReader.Text(entry.Fields["abstract"]));
        // The title is protected from case changes by a brace group around the whole value.
        Assert.StartsWith("{", entry.Fields["title"]);
    }

    [Theory]
    [MemberData(nameof(HostileText.Cases), MemberType = typeof(HostileText))]
    public void Csl_json_reads_back_every_hostile_title(string title, string expected)
    {
        var record = Record(r => r with { Title = title });
        using var doc = JsonDocument.Parse(CitationWriters.CslJson(record, Page));
        var item = doc.RootElement.EnumerateArray().Single();
        Assert.Equal(expected, item.GetProperty("title").GetString());
    }

    [Fact]
    public void Csl_abstract_keeps_its_paragraphs_and_other_formats_put_them_on_one_line()
    {
        var record = Record(r => r with { Summary = "Đoạn một.\r\n\r\nĐoạn hai." });
        using var doc = JsonDocument.Parse(CitationWriters.CslJson(record, Page));
        Assert.Equal("Đoạn một.\n\nĐoạn hai.", doc.RootElement[0].GetProperty("abstract").GetString());
        Assert.Equal("Đoạn một. Đoạn hai.", RisReader.Read(CitationWriters.Ris(record, Page)).Single(e => e.Tag == "AB").Value);
    }

    [Fact]
    public void Ris_maps_a_task_to_a_report()
    {
        var record = Record(r => r with { StartDate = new DateOnly(2024, 3, 5), Members = [new PersonRecord { Name = "Trần Thị Bình" }, new PersonRecord { Name = "Lò" }] });
        var ris = CitationWriters.Ris(record, Page);
        var e = RisReader.Read(ris);
        string One(string tag) => e.Single(x => x.Tag == tag).Value;
        Assert.Equal("RPRT", One("TY"));
        Assert.Equal(record.Title, One("TI"));
        Assert.Equal(record.TitleEn, One("TT"));
        Assert.Equal(["Nguyễn, Văn An", "Trần, Thị Bình", "Lò"], e.Where(x => x.Tag == "AU").Select(x => x.Value));
        Assert.Equal("2024", One("PY"));
        Assert.Equal("2024/03/05/", One("DA"));
        Assert.Equal("Trường Đại học Hùng Vương", One("PB"));
        Assert.Equal("Phú Thọ", One("CY"));
        Assert.Equal(Page, One("UR"));
        Assert.Equal("ĐT-2024-00042-PT", One("AN"));
        Assert.Equal("vi", One("LA"));
        Assert.DoesNotContain(e, x => x.Tag == "DO");
        // Contacts are never cited.
        Assert.DoesNotContain("an.nguyen@example.vn", ris);
        Assert.DoesNotContain("0912345678", ris);
    }

    [Fact]
    public void BibTex_has_an_ascii_code_key_and_protected_vietnamese_names()
    {
        var record = Record(r => r with { Members = [new PersonRecord { Name = "Trần Văn Bình and Lê C" }, new PersonRecord { Name = "Nguyễn Văn An".Normalize(NormalizationForm.FormD) }] });
        var bib = CitationWriters.BibTex(record, Page);
        var entry = BibTexReader.Read(bib);
        Assert.Equal("DT-2024-00042-PT", entry.Key);
        // "and" inside a name is inside braces, so it does not split authors; the NFD repeat of the leader is merged.
        var authors = SplitTopLevel(entry.Fields["author"], " and ");
        Assert.Equal(["{Nguyễn}, {Văn An}", "{Trần}, {Văn Bình and Lê C}"], authors);
        Assert.Equal("Trường Đại học Hùng Vương", entry.Fields["institution"]);
        Assert.Equal("2024", entry.Fields["year"]);
        Assert.Equal("ĐT-2024-00042-PT", entry.Fields["number"]);
        Assert.Equal(Page, entry.Fields["url"]);
        Assert.Equal("English title: " + record.TitleEn, BibTexReader.Text(entry.Fields["note"]));
        Assert.Equal("chè, nhân giống", entry.Fields["keywords"]);
        Assert.True(bib.IsNormalized(NormalizationForm.FormC));
    }

    [Fact]
    public void BibTex_without_institution_or_investigator_is_misc()
    {
        var record = Record(r => r with { HostOrganization = null, PrincipalInvestigator = null, Members = null });
        var entry = BibTexReader.Read(CitationWriters.BibTex(record, Page));
        Assert.Equal("misc", entry.Type);
        Assert.False(entry.Fields.ContainsKey("author"));
    }

    [Fact]
    public void A_code_without_ascii_letters_keys_on_the_id()
    {
        var record = Record(r => r with { Code = "Đ—" });
        Assert.Equal("D", BibTexReader.Read(CitationWriters.BibTex(record, Page)).Key);
        Assert.Equal("t-123", CitationText.Key(record with { Code = "—" }));
    }

    [Fact]
    public void Csl_json_maps_a_task_to_a_report()
    {
        var record = Record();
        using var doc = JsonDocument.Parse(CitationWriters.CslJson(record, Page));
        var item = doc.RootElement.EnumerateArray().Single();
        Assert.Equal("report", item.GetProperty("type").GetString());
        Assert.Equal("DT-2024-00042-PT", item.GetProperty("id").GetString());
        Assert.Equal("ĐT-2024-00042-PT", item.GetProperty("number").GetString());
        Assert.Equal("vi", item.GetProperty("language").GetString());
        Assert.Equal(Page, item.GetProperty("URL").GetString());
        Assert.Equal(2024, item.GetProperty("issued").GetProperty("date-parts")[0][0].GetInt32());
        Assert.Equal("Trường Đại học Hùng Vương", item.GetProperty("publisher").GetString());
        Assert.Equal("Phú Thọ", item.GetProperty("publisher-place").GetString());
        var authors = item.GetProperty("author").EnumerateArray().Select(a => (a.GetProperty("family").GetString(), a.GetProperty("given").GetString())).ToList();
        Assert.Equal([("Nguyễn", "Văn An"), ("Trần", "Thị Bình")], authors);
        Assert.False(item.TryGetProperty("DOI", out _));
    }

    [Theory]
    [InlineData("application/x-bibtex", "bibtex")]
    [InlineData("application/x-research-info-systems", "ris")]
    [InlineData("application/vnd.citationstyles.csl+json", "csl")]
    [InlineData("application/json;q=0.5, application/x-bibtex", "bibtex")]
    [InlineData("application/x-bibtex;q=0.4, application/x-research-info-systems;q=0.6", "ris")]
    [InlineData("application/json, application/x-bibtex;q=0.9", null)]
    [InlineData("application/ld+json, application/x-bibtex;q=0.5", null)]
    [InlineData("application/x-bibtex;q=0", null)]
    [InlineData("text/x-bibtex", null)]
    [InlineData("*/*", null)]
    [InlineData("", null)]
    public void Accept_picks_a_citation_only_when_ranked_above_json(string accept, string? expected)
    {
        var http = new DefaultHttpContext();
        if (accept.Length > 0) http.Request.Headers.Accept = accept;
        Assert.Equal(expected, CitationFormat.Preferred(http.Request)?.Name);
    }

    private static List<string> SplitTopLevel(string value, string separator)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '{') depth++;
            else if (value[i] == '}') depth--;
            else if (depth == 0 && string.CompareOrdinal(value, i, separator, 0, separator.Length) == 0)
            {
                parts.Add(value[start..i]);
                start = i + separator.Length;
                i += separator.Length - 1;
            }
        }
        parts.Add(value[start..]);
        return parts;
    }
}
