using System.Text;
using Registry.Data.Import;
using static Registry.Data.Tests.Import.ImportTestData;

namespace Registry.Data.Tests.Import;

/// <summary>CSV files built to exhaust the reader: each is refused at its first breach, with bounded allocation.</summary>
public class CsvHostileTests
{
    private const long AllocationBound = 64L * 1024 * 1024;

    [Fact]
    public async Task Header_of_a_million_empty_cells_is_refused_as_too_many_columns()
    {
        var (ex, allocated) = await MeasureRefusalAsync(new GeneratedStream("Mã số,Tên nhiệm vụ", 1_000_000, (byte)','));

        Assert.Equal(ImportFileErrorKind.TooLarge, ex.Kind);
        Assert.Contains("256", ex.Message);
        Assert.InRange(allocated, 0, AllocationBound);
    }

    [Fact]
    public async Task Field_of_100_MB_is_refused_at_the_cell_limit()
    {
        var (ex, allocated) = await MeasureRefusalAsync(new GeneratedStream("Mã số,Tên nhiệm vụ\nA-1,", 100L << 20, (byte)'x'));

        Assert.Equal(ImportFileErrorKind.TooLarge, ex.Kind);
        Assert.Contains("row 2, column 2", ex.Message);
        Assert.InRange(allocated, 0, AllocationBound);
    }

    [Fact]
    public async Task Unterminated_quote_over_the_whole_file_is_refused_not_read_to_the_end()
    {
        // A quote opened on row 2 swallows every later line into one field.
        var (ex, allocated) = await MeasureRefusalAsync(new GeneratedStream("Mã số,Tên nhiệm vụ\nA-1,\"Gốm", 100L << 20, (byte)'\n'));

        Assert.Equal(ImportFileErrorKind.TooLarge, ex.Kind);
        Assert.Contains("unclosed quote", ex.Message);
        Assert.InRange(allocated, 0, AllocationBound);
    }

    [Fact]
    public async Task Record_longer_than_the_limit_is_refused_even_when_each_field_fits()
    {
        var field = new string('x', 30_000);
        var csv = "Mã số,Tên nhiệm vụ\n" + string.Join(",", Enumerable.Repeat(field, 40));

        var ex = await Assert.ThrowsAsync<ImportFileException>(() => CsvAsync(csv));

        Assert.Equal(ImportFileErrorKind.TooLarge, ex.Kind);
        Assert.Contains("row 2 is longer", ex.Message);
    }

    [Fact]
    public async Task Data_row_with_too_many_columns_is_refused_but_256_are_read()
    {
        var header = "Mã số,Tên nhiệm vụ" + new string(',', 254); // 256 columns, the last 254 blank and trimmed
        Assert.Single(await CsvAsync($"{header}\nA-1,Tên"));

        var ex = await Assert.ThrowsAsync<ImportFileException>(() => CsvAsync($"{header}\nA-1,Tên{new string(',', 255)}"));
        Assert.Contains("row 2 has more than 256 columns", ex.Message);
    }

    private static async Task<(ImportFileException Error, long Allocated)> MeasureRefusalAsync(Stream csv)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var ex = await Assert.ThrowsAsync<ImportFileException>(() => ReadAllAsync(new CsvImportReader(), csv));
        return (ex, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
