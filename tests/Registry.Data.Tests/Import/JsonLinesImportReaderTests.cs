using System.Text;
using Registry.Data.Import;
using Registry.Data.Records;
using static Registry.Data.Tests.Import.ImportTestData;

namespace Registry.Data.Tests.Import;

public class JsonLinesImportReaderTests
{
    [Fact]
    public async Task Reads_one_record_per_line_skipping_blank_lines_and_keeping_line_numbers()
    {
        var rows = await JsonLinesAsync(Line("A-1") + "\n\n   \n" + Line("A-2", "Nuôi gà Mía"));

        Assert.Equal([1, 4], rows.Select(r => r.Line));
        Assert.Equal("Nuôi gà Mía", rows[1].Record!.Title);
        Assert.Equal(TaskKind.ResearchProject, rows[1].Record!.Kind);
        Assert.All(rows, r => Assert.Empty(r.Errors));
    }

    [Fact]
    public async Task Unknown_enum_value_names_the_line_the_field_and_the_allowed_values()
    {
        var rows = await JsonLinesAsync(Line("A-1") + "\n" + """{"code":"A-2","title":"x","kind":"foo"}""");

        var error = Assert.Single(rows[1].Errors);
        Assert.Contains("Dòng 2", error);
        Assert.Contains("'foo'", error);
        Assert.Contains("kind", error);
        Assert.Contains("researchProject", error);
        Assert.Null(rows[1].Record);
        Assert.Equal("A-2", rows[1].Code);
    }

    [Fact]
    public async Task Every_bad_field_of_a_line_is_reported_including_nested_paths()
    {
        var rows = await JsonLinesAsync("""{"code":"A-1","title":"x","budget":{"totalVnd":"nhiều"},"startDate":"31/12/2024"}""");

        var errors = rows.Single().Errors;
        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.Contains("budget.totalVnd") && e.Contains("whole number"));
        Assert.Contains(errors, e => e.Contains("startDate") && e.Contains("yyyy-MM-dd"));
    }

    [Fact]
    public async Task Line_that_is_not_json_is_a_row_error_not_a_file_error()
    {
        var rows = await JsonLinesAsync(Line("A-1") + "\n{\"code\": \"A-2\", oops}\n[1,2]");

        Assert.Empty(rows[0].Errors);
        Assert.Contains("Dòng 2", rows[1].Errors.Single());
        Assert.Contains("not valid JSON", rows[1].Errors.Single());
        Assert.Contains("JSON object", rows[2].Errors.Single());
    }

    [Fact]
    public async Task Read_only_fields_are_ignored()
    {
        var rows = await JsonLinesAsync(Line("A-1", extra: ""","id":"t_123","createdAt":"2020-01-01T00:00:00Z","updatedAt":"2020-01-02T00:00:00Z","publishedAt":"2020-01-03T00:00:00Z","hostOrganization":{"id":"o_9","name":"Trường Đại học Hùng Vương"}"""));

        var record = rows.Single().Record!;
        Assert.Null(record.Id);
        Assert.Null(record.CreatedAt);
        Assert.Null(record.UpdatedAt);
        Assert.Null(record.PublishedAt);
        Assert.Null(record.HostOrganization!.Id);
        Assert.Equal("Trường Đại học Hùng Vương", record.HostOrganization.Name);
    }

    [Theory]
    [InlineData("confidential")]
    [InlineData("topSecret")]
    [InlineData("mat")]
    public async Task Classified_line_keeps_nothing_of_its_content(string level)
    {
        var rows = await JsonLinesAsync(Line("MẬT-1", "Tên bí mật", $",\"securityClassification\":\"{level}\""));

        var row = rows.Single();
        Assert.True(row.StateSecret);
        Assert.Null(row.Record);
        Assert.Null(row.Code);
        Assert.DoesNotContain(row.Errors, e => e.Contains("bí mật") || e.Contains("MẬT-1"));
    }

    [Theory]
    [InlineData("\"none\"")]
    [InlineData("null")]
    public async Task None_empty_or_null_classification_is_an_ordinary_record(string value)
    {
        var rows = await JsonLinesAsync(Line("A-1", extra: $",\"securityClassification\":{value}"));
        Assert.False(rows.Single().StateSecret);
        Assert.NotNull(rows.Single().Record);
    }

    [Fact]
    public async Task Bytes_that_are_not_utf8_are_a_file_error()
    {
        var bytes = Encoding.UTF8.GetBytes(Line("A-1") + "\n").Concat(new byte[] { (byte)'{', 0xC3, 0x28, (byte)'}' }).ToArray();
        var ex = await Assert.ThrowsAsync<ImportFileException>(() => ReadAllAsync(new JsonLinesImportReader(), new MemoryStream(bytes)));
        Assert.Equal(ImportFileErrorKind.Encoding, ex.Kind);
        Assert.Contains("UTF-8", ex.Message);
    }

    [Fact]
    public async Task Empty_classification_is_not_a_secret_but_an_error_saying_what_is_allowed()
    {
        var row = (await JsonLinesAsync(Line("A-1", extra: ",\"securityClassification\":\"\""))).Single();

        Assert.False(row.StateSecret);
        Assert.Contains("securityClassification", row.Errors.Single());
        Assert.Contains("none", row.Errors.Single());
    }

    [Fact]
    public async Task A_later_none_cannot_hide_an_earlier_secret_on_a_line()
    {
        var rows = await JsonLinesAsync(Line("A-1", extra: ",\"securityClassification\":\"topSecret\",\"SecurityClassification\":\"none\""));

        Assert.True(rows.Single().StateSecret);
        Assert.Null(rows.Single().Record);
    }

    [Fact]
    public async Task Duplicate_and_unknown_properties_are_row_errors_naming_line_and_path()
    {
        var rows = await JsonLinesAsync(Line("A-1", extra: ",\"Title\":\"y\"") + "\n" + Line("A-2", extra: ",\"principalInvestigator\":{\"name\":\"a\",\"homepage\":\"1\"}"));

        Assert.Contains("Dòng 1", rows[0].Errors.Single());
        Assert.Contains("Title", rows[0].Errors.Single());
        Assert.Contains("duplicate property", rows[0].Errors.Single());
        Assert.Contains("principalInvestigator.homepage", rows[1].Errors.Single());
        Assert.Contains("unknown property", rows[1].Errors.Single());
        Assert.All(rows, r => Assert.Null(r.Record));
    }

    [Fact]
    public async Task Classification_labels_meaning_none_read_as_none()
    {
        var rows = await JsonLinesAsync(Line("A-1", extra: ",\"securityClassification\":\"Không\""));

        Assert.Equal(SecurityClassification.None, rows.Single().Record!.SecurityClassification);
    }

    [Fact]
    public async Task A_property_name_escaping_a_lone_surrogate_is_a_row_error_not_a_failed_import()
    {
        var rows = await JsonLinesAsync(Line("A-1", extra: ",\"\\uD800\":1") + "\n" + Line("A-2"));

        Assert.Contains("Dòng 1", rows[0].Errors.Single());
        Assert.Contains("unreadable text", rows[0].Errors.Single());
        Assert.Null(rows[0].Record);
        Assert.NotNull(rows[1].Record);
    }
}
