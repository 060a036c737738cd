using Registry.Data.Records;
using Ids = Registry.Data.Records.Identifiers;

namespace Registry.Data.Tests.Identifiers;

/// <summary>DOIs, funders, patents and handles: the forms accepted, the one stored, and what is refused.</summary>
public sealed class IdentifierFormTests
{
    [Theory]
    [InlineData("10.1000/182", "10.1000/182")]
    [InlineData("doi:10.31276/VJST.64(2).01", "10.31276/VJST.64(2).01")]
    [InlineData("DOI: 10.1038/nphys1170", "10.1038/nphys1170")]
    [InlineData("https://doi.org/10.1038/nphys1170", "10.1038/nphys1170")]
    [InlineData("http://dx.doi.org/10.1002/(SICI)1097-4571(199806)49:8%3C693::AID-ASI4%3E3.0.CO;2-0", "10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-0")]
    [InlineData("10.5555.1/abc", "10.5555.1/abc")]
    public void Dois_are_stored_bare(string input, string stored) => Assert.Equal(stored, Ids.Doi(input).Value);

    [Theory]
    [InlineData("10.1000")]
    [InlineData("10.1000/")]
    [InlineData("11.1000/182")]
    [InlineData("10.12/182")]
    [InlineData("10.1000/has space")]
    [InlineData("https://example.org/10.1000/182")]
    [InlineData("doi 10.1000/182 and more")]
    public void Text_that_is_not_a_doi_is_refused(string input) => Assert.False(Ids.Doi(input).Ok);

    [Theory]
    [InlineData("10.13039/100007224", "https://doi.org/10.13039/100007224")]
    [InlineData("https://doi.org/10.13039/501100000780", "https://doi.org/10.13039/501100000780")]
    [InlineData("05dxps055", "https://ror.org/05dxps055")]
    [InlineData("https://ror.org/05dxps055", "https://ror.org/05dxps055")]
    public void Funders_are_a_ror_or_a_funder_registry_doi_stored_as_urls(string input, string stored) =>
        Assert.Equal(stored, Ids.Funder(input).Value);

    [Theory]
    [InlineData("10.1038/nphys1170")] // a DOI, but not of the Funder Registry
    [InlineData("10.13039/abc")]
    [InlineData("05dxps056")]
    [InlineData("Bộ Khoa học và Công nghệ")]
    public void Other_funder_identifiers_are_refused(string input) => Assert.False(Ids.Funder(input).Ok);

    [Theory]
    [InlineData("1-0012345", "1-0012345")]
    [InlineData("2-0001234", "2-0001234")]
    [InlineData("VN 1-0012345", "1-0012345")]
    [InlineData("Số 2-0001234", "2-0001234")]
    [InlineData("10012345", "1-0012345")]
    [InlineData("1-2024-01234", "1-2024-01234")]
    public void Vietnamese_patent_and_utility_solution_numbers_are_accepted(string input, string stored) =>
        Assert.Equal(stored, Ids.VietnamesePatent(input).Value);

    [Theory]
    [InlineData("3-0012345")] // only 1 (sáng chế) and 2 (giải pháp hữu ích)
    [InlineData("1-001234")]
    [InlineData("1-00123456")]
    [InlineData("US 9,123,456 B2")]
    [InlineData("1-1899-01234")]
    public void Other_patent_numbers_are_refused(string input) => Assert.False(Ids.VietnamesePatent(input).Ok);

    [Theory]
    [InlineData("20.500.12345/678", "20.500.12345/678")]
    [InlineData("hdl:1887/4321", "1887/4321")]
    [InlineData("https://hdl.handle.net/10568/1234", "10568/1234")]
    public void Handles_are_stored_bare(string input, string stored) => Assert.Equal(stored, Ids.Handle(input).Value);

    [Fact]
    public void Output_uris_are_resolvable_forms_of_the_stored_value()
    {
        Assert.Equal("https://doi.org/10.1000/182", Ids.OutputUri(OutputIdentifierType.Doi, "10.1000/182"));
        Assert.Equal("https://hdl.handle.net/1887/4321", Ids.OutputUri(OutputIdentifierType.Handle, "1887/4321"));
        Assert.Equal("urn:isbn:9783161484100", Ids.OutputUri(OutputIdentifierType.Isbn, "9783161484100"));
        Assert.Equal("urn:issn:0317-8471", Ids.OutputUri(OutputIdentifierType.Issn, "0317-8471"));
        Assert.Null(Ids.OutputUri(OutputIdentifierType.Patent, "1-0012345"));
        Assert.Null(Ids.OutputUri(null, "free text"));
    }
}
