using System.IO.Compression;
using System.Text;
using Registry.Data.Import;
using static Registry.Data.Tests.Import.ImportTestData;
using static Registry.Data.Tests.Import.RawXlsx;

namespace Registry.Data.Tests.Import;

/// <summary>
/// Workbooks built to mislead or exhaust the reader. Each is either read by cell reference, as Excel reads it, or
/// refused as a whole with a file-level error, quickly and with bounded allocation; none may crash the process.
/// </summary>
public class XlsxHostileTests
{
    /// <summary>Generous for one small file, far below what the attacks above used to take (gigabytes, or the stack).</summary>
    private const long AllocationBound = 64L * 1024 * 1024;

    [Fact]
    public async Task Classification_cell_written_after_the_others_is_still_read_as_a_state_secret()
    {
        using var book = Build(Header + Row(2, ("C2", "Tuyệt mật"), ("A2", "MẬT-1"), ("B2", "Bí mật")));

        var row = (await ReadAllAsync(new XlsxImportReader(), book)).Single();

        Assert.True(row.StateSecret);
        Assert.Null(row.Record);
    }

    [Fact]
    public async Task Cells_are_placed_by_reference_and_a_cell_without_one_takes_the_next_column()
    {
        using var book = Build(Header + $"<row r=\"2\">{Cell("B2", "Gốm Phù Ninh")}<c t=\"inlineStr\"><is><t>Không</t></is></c>{Cell("A2", "A-1")}</row>");

        var record = (await ReadAllAsync(new XlsxImportReader(), book)).Single().Record!;

        Assert.Equal(("A-1", "Gốm Phù Ninh"), (record.Code, record.Title));
    }

    [Theory]
    [InlineData("<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>A-1</t></is></c><c r=\"A2\" t=\"inlineStr\"><is><t>A-2</t></is></c></row>", "A2")]
    [InlineData("<row r=\"2\"><c r=\"C2\" t=\"inlineStr\"><is><t>Tuyệt mật</t></is></c><c r=\"B2\"/><c t=\"inlineStr\"><is><t>Không</t></is></c></row>", "C2")]
    [InlineData("<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>A-1</t></is></c></row><row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>A-2</t></is></c></row>", "row 3")]
    [InlineData("<row r=\"5\"><c r=\"A5\" t=\"inlineStr\"><is><t>A-1</t></is></c></row><row r=\"4\"><c r=\"A4\" t=\"inlineStr\"><is><t>A-2</t></is></c></row>", "row 4")]
    [InlineData("<row r=\"2\"><c r=\"A7\" t=\"inlineStr\"><is><t>A-1</t></is></c></row>", "A7")]
    public async Task Anything_that_needs_a_guess_refuses_the_whole_file(string rows, string named)
    {
        using var book = Build(Header + rows);

        var ex = await Assert.ThrowsAsync<ImportFileException>(() => ReadAllAsync(new XlsxImportReader(), book));

        Assert.Equal(ImportFileErrorKind.MalformedFile, ex.Kind);
        Assert.Contains(named, ex.Message);
    }

    [Fact]
    public async Task Formula_in_the_classification_column_refuses_the_file_whatever_its_cached_value()
    {
        using var book = Build(Header + Row(2, ("A2", "A-1"), ("B2", "Tên")).Replace("</row>", "<c r=\"C2\" t=\"str\"><f>IF(1,\"Không\")</f><v>Không</v></c></row>"));

        var ex = await Assert.ThrowsAsync<ImportFileException>(() => ReadAllAsync(new XlsxImportReader(), book));

        Assert.Equal(ImportFileErrorKind.Formula, ex.Kind);
        Assert.Contains("Độ mật", ex.Message);
    }

    [Theory]
    [InlineData("ZZZZZ2", ImportFileErrorKind.MalformedFile)]
    [InlineData("XFE2", ImportFileErrorKind.MalformedFile)]
    [InlineData("XFD2", ImportFileErrorKind.TooLarge)]  // within Excel, beyond the 256 columns the import reads
    public async Task Cell_far_to_the_right_is_refused_without_allocating_for_the_columns_before_it(string reference, string kind)
    {
        using var book = Build(Header + $"<row r=\"2\">{Cell("A2", "A-1")}{Cell(reference, "x")}</row>");

        var (ex, allocated) = await MeasureRefusalAsync(book);

        Assert.Equal(kind, ex.Kind);
        Assert.InRange(allocated, 0, AllocationBound);
    }

    [Fact]
    public async Task Empty_formatted_cells_far_to_the_right_are_ignored()
    {
        using var book = Build(Header + $"<row r=\"2\">{Cell("A2", "A-1")}{Cell("B2", "Tên")}<c r=\"XFD2\" s=\"3\"/></row>");
        Assert.Equal("A-1", (await ReadAllAsync(new XlsxImportReader(), book)).Single().Record!.Code);
    }

    [Fact]
    public async Task Row_beyond_excels_last_row_is_refused()
    {
        using var book = Build(Header + Row(2_000_000, ("A2000000", "A-1")));
        var ex = await Assert.ThrowsAsync<ImportFileException>(() => ReadAllAsync(new XlsxImportReader(), book));
        Assert.Contains("2000000", ex.Message);
    }

    [Fact]
    public async Task Row_nesting_200000_elements_deep_is_refused_not_a_stack_overflow()
    {
        const int depth = 200_000;
        var nested = new StringBuilder(Header).Append("<row r=\"2\">");
        for (var i = 0; i < depth; i++) nested.Append("<x>"); // never closed: the reader must stop long before the end
        using var book = Build(nested.Append("</row>").ToString());
        Assert.InRange(book.Length, 0, 8 * 1024); // a few KB on disk

        var (ex, allocated) = await MeasureRefusalAsync(book);

        Assert.Equal(ImportFileErrorKind.TooLarge, ex.Kind);
        Assert.Contains("32", ex.Message);
        Assert.InRange(allocated, 0, AllocationBound);
    }

    [Fact]
    public async Task Dtd_and_entity_expansion_are_refused()
    {
        var billion = "<!DOCTYPE worksheet [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">]>";
        using var book = BuildParts(new Dictionary<string, string>
        {
            ["xl/worksheets/sheet1.xml"] = $"<?xml version=\"1.0\"?>{billion}<worksheet xmlns=\"{Main}\"><sheetData>{Header}{Row(2, ("A2", "&c;"))}</sheetData></worksheet>",
        });

        var ex = await Assert.ThrowsAsync<ImportFileException>(() => ReadAllAsync(new XlsxImportReader(), book));

        Assert.Equal(ImportFileErrorKind.MalformedFile, ex.Kind);
    }

    [Theory]
    // 1 GB of spaces in about 1 MB, and the headers say so: refused before inflating a byte.
    [InlineData(1L << 30, null, ImportFileErrorKind.TooLarge)]
    // 64 MB that claims to be 1 KB: the zip layer stops at the claimed size (and XlsxPartStream would stop it at
    // 100 times its compressed size); either way a refusal.
    [InlineData(64L << 20, 1024L, ImportFileErrorKind.MalformedFile)]
    public async Task Zip_bomb_is_refused(long bytes, long? claimed, string kind)
    {
        using var bomb = Bomb("xl/worksheets/sheet1.xml", bytes, claimed);
        Assert.InRange(bomb.Length, 0, bytes / 500);

        var (ex, allocated) = await MeasureRefusalAsync(bomb);

        Assert.Equal(kind, ex.Kind);
        Assert.InRange(allocated, 0, AllocationBound);
    }

    [Theory]
    [InlineData(1_000L, 1L << 40)]   // 1,000 compressed bytes may inflate to 1 MB (ratio-free) but not 10 MB
    [InlineData(1L << 20, 2L << 20)] // within its ratio, but past the workbook's budget
    public void Part_stream_stops_inflation_past_its_ratio_or_the_budget(long compressed, long budget)
    {
        var limits = new ImportReadLimits();
        using var part = new XlsxPartStream(new GeneratedStream("", 10L << 20, (byte)' '), "xl/worksheets/sheet1.xml",
            compressed, limits, new InflateBudget(budget));

        var ex = Assert.Throws<ImportFileException>(() => part.CopyTo(Stream.Null));

        Assert.Equal(ImportFileErrorKind.TooLarge, ex.Kind);
    }

    [Fact]
    public async Task Shared_strings_table_with_too_many_entries_is_refused()
    {
        // The default is 1,048,576 entries; a smaller limit keeps the test fast, the mechanism is the same.
        var limits = new ImportReadLimits { MaxSharedStrings = 50_000 };
        var strings = new StringBuilder($"<sst xmlns=\"{Main}\">");
        for (var i = 0; i < 100_000; i++) strings.Append("<si><t>").Append(i).Append("</t></si>"); // distinct, so it compresses as text does
        using var book = Build(Header, strings.Append("</sst>").ToString(), CompressionLevel.Fastest);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var ex = await Assert.ThrowsAsync<ImportFileException>(() => ReadAllAsync(new XlsxImportReader(limits), book));

        Assert.Equal(ImportFileErrorKind.TooLarge, ex.Kind);
        Assert.Contains("shared strings", ex.Message);
        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, AllocationBound);
    }

    [Fact]
    public async Task Shared_strings_past_their_total_size_are_refused()
    {
        var limits = new ImportReadLimits { MaxSharedStringChars = 100_000 };
        var strings = new StringBuilder($"<sst xmlns=\"{Main}\">");
        for (var i = 0; i < 10; i++) strings.Append("<si><t>").Append('x', 20_000).Append("</t></si>");
        using var book = Build(Header, strings.Append("</sst>").ToString());

        var ex = await Assert.ThrowsAsync<ImportFileException>(() => ReadAllAsync(new XlsxImportReader(limits), book));

        Assert.Equal(ImportFileErrorKind.TooLarge, ex.Kind);
    }

    [Theory]
    [InlineData("<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>{0}</t></is></c></row>")]        // a cell's text
    [InlineData("<row r=\"2\"><c r=\"A2\" t=\"inlineStr\" x=\"{0}\"><is><t>A-1</t></is></c></row>")] // a tag's attributes
    public async Task Oversized_cell_or_tag_is_refused(string template)
    {
        using var book = Build(Header + string.Format(template, new string('x', 2_000_000)));

        var (ex, allocated) = await MeasureRefusalAsync(book);

        Assert.Equal(ImportFileErrorKind.TooLarge, ex.Kind);
        Assert.InRange(allocated, 0, AllocationBound);
    }

    [Fact]
    public async Task Long_text_outside_any_cell_is_skipped_without_being_held()
    {
        // 40 M characters loose in a row (80 MB if held), which the reader never asks for; the ratio limit is lifted.
        var limits = new ImportReadLimits { MaxCompressionRatio = 100_000 };
        using var book = Build(Header + "<row r=\"2\">" + Cell("A2", "A-1") + Cell("B2", "Tên") + new string('x', 40_000_000) + "</row>");

        var before = GC.GetAllocatedBytesForCurrentThread();
        var rows = await ReadAllAsync(new XlsxImportReader(limits), book);

        Assert.Equal("A-1", rows.Single().Record!.Code);
        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, AllocationBound);
    }

    [Fact]
    public async Task Zip_with_too_many_entries_is_refused_before_its_directory_is_read()
    {
        var parts = Enumerable.Range(0, 50).ToDictionary(i => $"xl/media/image{i}.bin", _ => "x");
        using var book = BuildParts(parts);

        var ex = await Assert.ThrowsAsync<ImportFileException>(() =>
            ReadAllAsync(new XlsxImportReader(new ImportReadLimits { MaxZipEntries = 20 }), book));

        Assert.Equal(ImportFileErrorKind.TooLarge, ex.Kind);
    }

    /// <summary>The refusal and the bytes allocated on this thread to reach it (the reader runs synchronously on a MemoryStream).</summary>
    private static async Task<(ImportFileException Error, long Allocated)> MeasureRefusalAsync(Stream book)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var ex = await Assert.ThrowsAsync<ImportFileException>(() => ReadAllAsync(new XlsxImportReader(), book));
        return (ex, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
