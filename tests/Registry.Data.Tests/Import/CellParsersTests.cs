using Registry.Data.Import;

namespace Registry.Data.Tests.Import;

public class CellParsersTests
{
    [Theory]
    [InlineData("1.250,5", 1250.5)]
    [InlineData("1250.5", 1250.5)]
    [InlineData("1.250", 1250)]
    [InlineData("1.250.000", 1250000)]
    [InlineData("1,250,000.75", 1250000.75)]
    [InlineData("12,5", 12.5)]
    [InlineData(" 900 ", 900)]
    public void Numbers_in_vietnamese_and_plain_formatting(string text, double expected)
    {
        Assert.True(CellParsers.TryDecimal(new SheetCell(text), out var value));
        Assert.Equal((decimal)expected, value);
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1 triệu")]
    [InlineData("")]
    public void Not_numbers(string text) => Assert.False(CellParsers.TryDecimal(new SheetCell(text), out _));

    [Theory]
    [InlineData("15/03/2024", 2024, 3, 15)]
    [InlineData("5/3/2024", 2024, 3, 5)]
    [InlineData("2024-03-15", 2024, 3, 15)]
    [InlineData("03/2024", 2024, 3, 1)]
    [InlineData("3/2024", 2024, 3, 1)]
    public void Dates(string text, int y, int m, int d)
    {
        Assert.True(CellParsers.TryDate(new SheetCell(text), out var date));
        Assert.Equal(new DateOnly(y, m, d), date);
    }

    [Theory]
    [InlineData("PGS.TS. Nguyễn Văn An", "PGS.TS.", "Nguyễn Văn An", null)]
    [InlineData("BS.CKII Hoàng Thị Hoa", "BS.CKII", "Hoàng Thị Hoa", null)]
    [InlineData("ThS. Lê Văn Cường (thư ký)", "ThS.", "Lê Văn Cường", "thư ký")]
    [InlineData("Đinh Thị Mai", null, "Đinh Thị Mai", null)]
    [InlineData("GS.TSKH. Phạm Minh", "GS.TSKH.", "Phạm Minh", null)]
    public void People_with_academic_titles(string text, string? title, string name, string? role)
    {
        var person = CellParsers.ParsePerson(text);
        Assert.Equal((title, name, role), (person.AcademicTitle, person.Name, person.Role));
    }
}
