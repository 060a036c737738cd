using Registry.Data.Import;

namespace Registry.Data.Tests.Import;

public class ImportDocsTests
{
    [Fact]
    public void Docs_table_lists_every_column_the_reader_accepts()
    {
        var doc = File.ReadAllText(Path.Combine(CsvImportReaderTests.RepoRoot(), "docs", "import.md"));
        var missing = ImportColumns.All.Where(c => !doc.Contains($"| {c.Header} | {c.Alias} |")).Select(c => c.Header).ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public async Task Minimal_example_in_the_docs_parses()
    {
        var doc = File.ReadAllText(Path.Combine(CsvImportReaderTests.RepoRoot(), "docs", "import.md"));
        var start = doc.IndexOf("```csv\n", StringComparison.Ordinal) + 7;
        var csv = doc[start..doc.IndexOf("```", start, StringComparison.Ordinal)];
        var rows = await ImportTestData.CsvAsync(csv);
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Empty(r.Errors));
    }
}
