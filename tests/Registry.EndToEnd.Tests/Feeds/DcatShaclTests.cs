using System.Text.Json;
using Registry.EndToEnd.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Registry.EndToEnd.Tests.Feeds;

/// <summary>
/// The catalogue as served (JSON-LD and Turtle) validated by rdf-validate-shacl against the official DCAT-AP 3.0.1
/// shapes shipped in <c>Feeds/Shapes/dcat-ap-3.0.1</c> (README there names the source and commit).
/// </summary>
[Collection(FeedsCollection.Name)]
public sealed class DcatShaclTests(FeedsFactory factory, ITestOutputHelper output)
{
    /// <summary>Every shapes file of the release: the one-file template, its ranges, and the split files (existence and
    /// cardinality, object ranges, recommended properties, controlled vocabularies, deprecated terms).</summary>
    private static readonly string[] ShapeFiles =
    [
        "dcat-ap-SHACL.ttl", "ranges.ttl", "html-shacl-shapes.ttl", "html-shacl-range.ttl", "html-shacl-shapes_recommended.ttl",
        "html-shacl-mdr-vocabularies.shape.ttl", "html-shacl-deprecateduris.ttl",
    ];

    private static string ShapesDirectory =>
        Path.Combine(NodeValidators.Directory, "..", "Registry.EndToEnd.Tests", "Feeds", "Shapes", "dcat-ap-3.0.1");

    [Theory]
    [InlineData("application/ld+json", ".jsonld")]
    [InlineData("text/turtle", ".ttl")]
    public async Task Catalogue_has_no_violation_of_the_dcat_ap_3_0_1_shapes(string accept, string extension)
    {
        var report = await ValidateServedAsync(accept, extension);
        Assert.True(report.Violations.Count == 0, "DCAT-AP 3.0.1 violations:\n" + string.Join("\n", report.Violations));
        Assert.True(report.Triples > 100, $"only {report.Triples} triples were read");
    }

    /// <summary>
    /// Recommended properties are all there (issued, modified, temporal, theme, format, conformsTo …). Three kinds of
    /// warning stay, all true: the Phú Thọ department is no EU corporate body; the country concept for Viet Nam
    /// carries no bounding box or centroid; and the field-of-science themes are not EU data themes (the shape checks
    /// every theme although its own description asks for "at least one" EU theme, which TECH is).
    /// </summary>
    [Fact]
    public async Task Recommended_properties_leave_only_the_warnings_that_cannot_apply()
    {
        var report = await ValidateServedAsync("application/ld+json", ".jsonld");
        Assert.NotEmpty(report.Warnings);
        Assert.All(report.Warnings, w => Assert.True(
            w.Contains("CorporateBodyRestriction")
            || w.StartsWith("http://publications.europa.eu/resource/authority/country/VNM http://www.w3.org/ns/dcat#")
            || (w.Contains("DataThemeRestriction") && w.Contains($"= {FeedsFactory.PublicBase}/api/v1/fields#")),
            "unexpected warning: " + w));
    }

    [Fact]
    public async Task The_validator_finds_violations_when_there_are_some()
    {
        // A distribution without its mandatory accessURL and with a literal where an IRI of a class belongs.
        var broken = """
            {"@context": {"dcat": "http://www.w3.org/ns/dcat#", "dct": "http://purl.org/dc/terms/"},
             "@id": "https://example.vn/catalog", "@type": "dcat:Catalog",
             "dct:title": "x", "dct:description": "y",
             "dct:publisher": "not an agent",
             "dcat:dataset": {"@id": "https://example.vn/d", "@type": "dcat:Dataset", "dct:title": "d", "dct:description": "d",
               "dcat:distribution": {"@id": "https://example.vn/dist", "@type": "dcat:Distribution"}}}
            """;
        var report = await ValidateAsync(broken, ".jsonld");
        Assert.Contains(report.Violations, v => v.Contains("accessURL"));
        Assert.Contains(report.Violations, v => v.Contains("publisher"));
    }

    private async Task<ShaclReport> ValidateServedAsync(string accept, string extension)
    {
        await factory.SeedAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, "/catalog");
        request.Headers.Accept.ParseAdd(accept);
        var response = await factory.Anonymous().SendAsync(request);
        Assert.Equal(accept, response.Content.Headers.ContentType?.MediaType);
        return await ValidateAsync(await response.Content.ReadAsStringAsync(), extension);
    }

    private async Task<ShaclReport> ValidateAsync(string document, string extension)
    {
        var file = Path.Combine(Path.GetTempPath(), $"registry-catalog-{Guid.NewGuid():N}{extension}");
        await File.WriteAllTextAsync(file, document);
        try
        {
            var shapes = ShapeFiles.Select(f => Path.Combine(ShapesDirectory, f));
            var vocabulary = Path.Combine(ShapesDirectory, "..", "vocabularies", "dcat-ap-vocabularies.ttl");
            var result = await NodeValidators.RunAsync("shacl-dcat.mjs", [file, "--shapes", .. shapes, "--vocabulary", vocabulary]);
            Assert.True(result.ExitCode is 0 or 1, "validator failed:\n" + result.Output);
            var report = ShaclReport.Parse(result.StandardOutput);
            foreach (var warning in report.Warnings) output.WriteLine("warning: " + warning);
            return report;
        }
        finally
        {
            File.Delete(file);
        }
    }
}

/// <summary>What shacl-dcat.mjs printed: each result as one line (focus node, path, value, message, constraint).</summary>
public sealed record ShaclReport(int Triples, IReadOnlyList<string> Violations, IReadOnlyList<string> Warnings)
{
    public static ShaclReport Parse(string json)
    {
        var root = JsonDocument.Parse(json).RootElement;
        static IReadOnlyList<string> Lines(JsonElement list) => list.EnumerateArray().Select(r =>
            $"{Text(r, "focusNode")} {Text(r, "path")} = {Text(r, "value")}: {Text(r, "message")} [{Text(r, "constraint")} {Text(r, "shape")}]").ToList();
        return new ShaclReport(root.GetProperty("triples").GetInt32(), Lines(root.GetProperty("violations")), Lines(root.GetProperty("warnings")));
    }

    private static string Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "-";
}
