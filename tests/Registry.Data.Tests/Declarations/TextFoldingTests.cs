namespace Registry.Data.Tests.Declarations;

public sealed class TextFoldingTests
{
    [Theory]
    [InlineData("  Trường  Đại học\tHùng Vương ", "truong dai hoc hung vuong")]
    [InlineData("Hòa Bình", "hoa binh")]
    [InlineData("Hoà Bình", "hoa binh")]
    [InlineData("Ho\u0300a Bi\u0300nh", "hoa binh")]
    [InlineData("   ", "")]
    [InlineData(null, "")]
    public void Names_fold_marks_case_and_spacing_but_keep_words(string? name, string folded) =>
        Assert.Equal(folded, TextFolding.Name(name));

    [Theory]
    [InlineData("Mã số", "maso")]
    [InlineData("MÃ  SỐ", "maso")]
    [InlineData("Tỉnh/Thành phố", "tinhthanhpho")]
    [InlineData("Dự án KH&CN", "duankh&cn")]
    [InlineData("Tối-mật", "toimat")]
    public void Keys_keep_only_letters_digits_and_ampersand(string text, string folded) =>
        Assert.Equal(folded, TextFolding.Key(text));
}
