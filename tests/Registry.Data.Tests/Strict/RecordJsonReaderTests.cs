using Registry.Data.Records;
using Registry.Data.Validation;
using static Registry.Data.Tests.Import.ImportTestData;

namespace Registry.Data.Tests.Strict;

public sealed class RecordJsonReaderTests
{
    private const string Marker = "MARKERc0ffee";

    [Theory]
    [MemberData(nameof(SecretSpellings.Theory), MemberType = typeof(SecretSpellings))]
    public void Every_secret_spelling_is_a_state_secret_and_nothing_else_is_said(string value)
    {
        // Other fields are also bad: the secret still wins and none of them is described.
        var json = Line($"A-{Marker}", $"Tên {Marker}", $",\"securityClassification\":{value},\"kind\":\"{Marker}\",\"bogus{Marker}\":1");

        var read = RecordJsonReader.Read(json);

        Assert.True(read.StateSecret);
        Assert.Null(read.Record);
        Assert.Empty(read.Errors);
    }

    [Theory]
    [InlineData("\"securityClassification\":\"topSecret\",\"securityClassification\":\"none\"")]
    [InlineData("\"securityClassification\":\"none\",\"securityClassification\":\"topSecret\"")]
    [InlineData("\"SecurityClassification\":\"Tuyệt mật\",\"securityClassification\":\"none\"")]
    [InlineData("\"securityClassification\":\"none\",\"SECURITYCLASSIFICATION\":\"mat\"")]
    [InlineData("\"SecurityClassification\":\"topSecret\"")]
    public void A_repeated_classification_cannot_hide_a_secret(string properties)
    {
        var read = RecordJsonReader.Read(Line("A-1", extra: "," + properties));

        Assert.True(read.StateSecret);
    }

    [Theory]
    [MemberData(nameof(SecretSpellings.NotClassified), MemberType = typeof(SecretSpellings))]
    public void Not_classified_spellings_give_an_ordinary_record(string value)
    {
        var read = RecordJsonReader.Read(Line("A-1", extra: $",\"securityClassification\":{value}"));

        Assert.False(read.StateSecret);
        Assert.Empty(read.Errors);
        Assert.NotNull(read.Record);
        Assert.True(read.Record.SecurityClassification is null or SecurityClassification.None);
    }

    [Theory]
    [InlineData(",\"code\":\"A-2\"", "code")]
    [InlineData(",\"Code\":\"A-2\"", "Code")]
    [InlineData(",\"TITLE\":\"x\"", "TITLE")]
    [InlineData(",\"hostOrganization\":{\"name\":\"a\",\"Name\":\"b\"}", "hostOrganization.Name")]
    [InlineData(",\"outputs\":[{\"title\":\"a\"},{\"title\":\"a\",\"title\":\"b\"}]", "outputs[1].title")]
    [InlineData(",\"budget\":{\"totalVnd\":1,\"TotalVnd\":2}", "budget.TotalVnd")]
    public void Duplicate_properties_at_any_depth_and_in_any_case_are_refused_by_path(string extra, string path)
    {
        var read = RecordJsonReader.Read(Line("A-1", extra: extra));

        var error = Assert.Single(read.Errors);
        Assert.Equal(path, error.Path);
        Assert.Contains("duplicate property", error.Message);
        Assert.Null(read.Record);
    }

    [Theory]
    [InlineData(",\"colour\":\"red\"", "colour")]
    [InlineData(",\"hostOrganization\":{\"name\":\"a\",\"taxCode\":\"1\"}", "hostOrganization.taxCode")]
    [InlineData(",\"members\":[{\"name\":\"a\"},{\"name\":\"b\",\"age\":3}]", "members[1].age")]
    [InlineData(",\"budget\":{\"totalVnd\":1,\"vat\":2}", "budget.vat")]
    public void Unknown_properties_at_any_depth_are_refused_by_path(string extra, string path)
    {
        var read = RecordJsonReader.Read(Line("A-1", extra: extra));

        var error = Assert.Single(read.Errors);
        Assert.Equal(path, error.Path);
        Assert.Contains("unknown property", error.Message);
    }

    [Fact]
    public void Read_only_fields_of_record_v1_are_known_so_an_export_reads_back()
    {
        var read = RecordJsonReader.Read(Line("A-1", extra: ",\"id\":\"t_1\",\"visibility\":\"published\",\"createdAt\":\"2024-01-01T00:00:00Z\"," +
            "\"updatedAt\":\"2024-01-02T00:00:00Z\",\"publishedAt\":\"2024-01-03T00:00:00Z\",\"hostOrganization\":{\"id\":\"o_1\",\"name\":\"Viện\"}"));

        Assert.Empty(read.Errors);
        Assert.Equal("t_1", read.Record!.Id);
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_malformed_without_quoting_the_body()
    {
        var deep = new string('[', 500) + new string(']', 500);
        var read = RecordJsonReader.Read(Line("A-1", extra: $",\"keywords\":{deep},\"summary\":\"{Marker}\""));

        var error = Assert.Single(read.Errors);
        Assert.Equal("$", error.Path);
        Assert.Contains(RecordJsonReader.MaxDepth.ToString(), error.Message);
        Assert.DoesNotContain(Marker, error.Message);
    }

    [Fact]
    public void Value_errors_name_the_field_without_quoting_it_unless_asked()
    {
        var json = Line("A-1", extra: $",\"level\":\"{Marker}\"");

        Assert.DoesNotContain(Marker, RecordJsonReader.Read(json).Errors.Single().Message);
        Assert.Contains(Marker, RecordJsonReader.Read(json, quoteValues: true).Errors.Single().Message);
        Assert.Equal("level", RecordJsonReader.Read(json).Errors.Single().Path);
    }

    [Theory]
    [InlineData("Tối mật", SecurityClassification.Secret)]
    [InlineData("TOI-MAT", SecurityClassification.Secret)]
    [InlineData("tuyệt mật", SecurityClassification.TopSecret)]
    [InlineData("Mật", SecurityClassification.Confidential)]
    [InlineData("Thường", SecurityClassification.None)]
    public void Security_levels_fold_labels_and_names_to_one_level(string text, SecurityClassification level)
    {
        Assert.True(SecurityLevels.TryParse(text, out var parsed));
        Assert.Equal(level, parsed);
    }

    [Theory]
    [InlineData(",\"\\uD800\":1")]
    [InlineData(",\"summary\":\"a\\uDC00b\"")]
    [InlineData(",\"securityClassification\":\"\\uD800\"")]
    public void Lone_surrogate_escapes_are_refused_never_thrown(string extra)
    {
        var read = RecordJsonReader.Read(Line("A-1", extra: extra));

        Assert.Null(read.Record);
        Assert.True(read.StateSecret || read.Errors.Count > 0);
    }

    [Fact]
    public void Bytes_that_are_not_utf8_inside_a_name_are_an_error_not_an_exception()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(Line("A-1", extra: ",\"x\":1")).ToArray();
        bytes[Array.LastIndexOf(bytes, (byte)'x')] = 0xFF;

        var read = RecordJsonReader.Read(bytes);

        Assert.Equal("$", Assert.Single(read.Errors).Path);
    }
}
