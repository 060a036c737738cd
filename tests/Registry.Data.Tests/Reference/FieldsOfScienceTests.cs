using Registry.Data.Reference;

namespace Registry.Data.Tests.Reference;

public sealed class FieldsOfScienceTests
{
    [Theory]
    [InlineData("4", "Khoa học nông nghiệp")]
    [InlineData("405", "Thủy sản")]
    [InlineData("40503", "Thủy sản")]
    [InlineData("4050301", "Thủy sản")]
    public void A_code_is_named_by_its_own_entry_or_the_nearest_one_above_it(string code, string name)
    {
        Assert.Equal(name, FieldsOfScience.Nearest(code)?.NameVi);
    }

    [Theory]
    [InlineData("9")]
    [InlineData("99901")]
    public void A_code_under_no_known_field_has_no_name(string code)
    {
        Assert.Null(FieldsOfScience.Nearest(code));
    }
}
