using Registry.Data.Abstractions;
using Registry.Data.Records;
using Registry.Data.Tests.Infrastructure;
using Registry.Data.Validation;

namespace Registry.Data.Tests.Identifiers;

/// <summary>The validator names the field of a bad identifier and says, Vietnamese first, what a good one looks like.</summary>
public sealed class IdentifierValidationTests
{
    private static IReadOnlyList<FieldError> Errors(TaskRecord r) => TaskRecordValidator.Validate(r);

    [Fact]
    public void A_record_with_every_identifier_in_pasted_forms_is_valid() =>
        Assert.Empty(Errors(TestRecords.WithIdentifiers()));

    [Fact]
    public void A_mistyped_orcid_is_refused_at_its_path_as_a_check_digit_error()
    {
        var r = TestRecords.WithIdentifiers();
        var error = Assert.Single(Errors(r with { Members = [r.Members![0] with { Orcid = "0000-0002-1694-2338" }, r.Members[1]] }));
        Assert.Equal("members[0].orcid", error.Path);
        Assert.StartsWith("ORCID sai chữ số kiểm tra", error.Message);
        Assert.Contains("(members[0].orcid: the ORCID iD check digits do not match", error.Message);
    }

    [Fact]
    public void A_ror_id_of_the_wrong_shape_says_what_a_ror_id_looks_like()
    {
        var r = TestRecords.WithIdentifiers();
        var error = Assert.Single(Errors(r with { HostOrganization = r.HostOrganization! with { Ror = "https://ror.org/hvu" } }));
        Assert.Equal("hostOrganization.ror", error.Path);
        Assert.StartsWith("Mã ROR không hợp lệ, cần dạng 05dxps055", error.Message);
        Assert.EndsWith("(hostOrganization.ror is not a valid ROR id)", error.Message);
    }

    [Fact]
    public void A_funder_identifier_needs_a_funder_name_and_must_be_ror_or_funder_registry()
    {
        var paths = Errors(TestRecords.Valid() with { Funder = new FunderRecord { Identifier = "10.1038/nphys1170" } }).Select(e => e.Path);
        Assert.Equal(["funder.identifier", "funder.name"], paths);
        Assert.Empty(Errors(TestRecords.Valid() with { Funder = new FunderRecord { Name = "UBND tỉnh Phú Thọ" } }));
    }

    [Theory]
    [InlineData(OutputIdentifierType.Doi, "10.1000 /182")]
    [InlineData(OutputIdentifierType.Isbn, "978-3-16-148410-1")]
    [InlineData(OutputIdentifierType.Issn, "0378-5954")]
    [InlineData(OutputIdentifierType.Patent, "US 9,123,456")]
    [InlineData(OutputIdentifierType.Handle, "not a handle")]
    public void A_typed_output_identifier_is_checked_against_its_type(OutputIdentifierType type, string identifier)
    {
        var r = TestRecords.Valid() with { Outputs = [new OutputRecord { Title = "Sản phẩm", Identifier = identifier, IdentifierType = type }] };
        var error = Assert.Single(Errors(r));
        Assert.Equal("outputs[0].identifier", error.Path);
    }

    [Fact]
    public void An_identifier_type_without_an_identifier_is_refused_and_an_untyped_identifier_stays_free_text()
    {
        var typeOnly = TestRecords.Valid() with { Outputs = [new OutputRecord { Title = "Sản phẩm", IdentifierType = OutputIdentifierType.Doi }] };
        Assert.Equal("outputs[0].identifier", Assert.Single(Errors(typeOnly)).Path);
        var untyped = TestRecords.Valid() with { Outputs = [new OutputRecord { Title = "Sản phẩm", Identifier = "QĐ công nhận số 12/QĐ-SNN" }] };
        Assert.Empty(Errors(untyped));
    }

    [Fact]
    public void A_foreign_patent_is_pointed_to_identifier_type_other()
    {
        var r = TestRecords.Valid() with { Outputs = [new OutputRecord { Title = "Patent", Identifier = "US 9,123,456", IdentifierType = OutputIdentifierType.Patent }] };
        Assert.Contains("identifierType other", Assert.Single(Errors(r)).Message);
        Assert.Empty(Errors(r with { Outputs = [r.Outputs![0] with { IdentifierType = OutputIdentifierType.Other }] }));
    }
}
