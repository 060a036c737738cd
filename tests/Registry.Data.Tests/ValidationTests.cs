using Registry.Data.Records;
using Registry.Data.Tests.Infrastructure;
using Registry.Data.Validation;

namespace Registry.Data.Tests;

public sealed class ValidationTests
{
    private static IReadOnlyList<string> Paths(TaskRecord record) => TaskRecordValidator.Validate(record).Select(e => e.Path).ToList();

    [Fact]
    public void A_complete_record_is_valid()
    {
        Assert.Empty(TaskRecordValidator.Validate(TestRecords.Valid()));
    }

    [Fact]
    public void An_empty_record_lists_every_required_field_in_Vietnamese_then_English()
    {
        var errors = TaskRecordValidator.Validate(new TaskRecord());

        Assert.Equal(["code", "title", "kind", "level", "status", "fields", "hostOrganization.name"], errors.Select(e => e.Path));
        Assert.Equal("Bắt buộc nhập tên nhiệm vụ (title is required)", errors.Single(e => e.Path == "title").Message);
    }

    [Theory]
    [InlineData("9")]
    [InlineData("4x")]
    [InlineData("40")]
    [InlineData("99901")]
    [InlineData("")]
    public void Unknown_field_codes_are_refused(string code)
    {
        Assert.Equal(["fields[1]"], Paths(TestRecords.Valid() with { Fields = ["4", code] }));
    }

    [Fact]
    public void Deeper_field_codes_under_a_known_sector_are_accepted_and_duplicates_refused()
    {
        Assert.Empty(Paths(TestRecords.Valid() with { Fields = ["401", "40101", "4010101"] }));
        var errors = TaskRecordValidator.Validate(TestRecords.Valid() with { Fields = ["401", " 401"] });
        Assert.Equal("fields[1]", Assert.Single(errors).Path);
        Assert.Contains("duplicate field code", errors[0].Message);
    }

    [Fact]
    public void Budget_must_be_non_negative_with_state_part_not_above_total()
    {
        Assert.Equal(["budget.stateBudgetVnd"], Paths(TestRecords.Valid() with { Budget = new BudgetRecord { TotalVnd = 100, StateBudgetVnd = 101 } }));
        Assert.Equal(["budget.totalVnd", "budget.stateBudgetVnd"], Paths(TestRecords.Valid() with { Budget = new BudgetRecord { TotalVnd = -1, StateBudgetVnd = -2 } }));
        Assert.Empty(Paths(TestRecords.Valid() with { Budget = new BudgetRecord { StateBudgetVnd = 5 } }));
    }

    [Fact]
    public void The_end_date_may_not_precede_the_start_date()
    {
        var record = TestRecords.Valid() with { StartDate = new DateOnly(2025, 1, 2), EndDate = new DateOnly(2025, 1, 1) };
        Assert.Equal(["endDate"], Paths(record));
        Assert.Empty(Paths(record with { EndDate = new DateOnly(2025, 1, 2) }));
    }

    [Theory]
    [InlineData("ftp://example.org/file")]
    [InlineData("/relative/path")]
    [InlineData("javascript:alert(1)")]
    public void Output_urls_must_be_absolute_http_or_https(string url)
    {
        var record = TestRecords.Valid() with { Outputs = [new OutputRecord { Title = "Giống chè", Url = url }] };
        Assert.Equal(["outputs[0].url"], Paths(record));
    }

    [Fact]
    public void Outputs_need_a_title_and_texts_have_limits()
    {
        var record = TestRecords.Valid() with
        {
            Code = new string('X', 65),
            Outputs = [new OutputRecord { Type = OutputType.Patent }],
            Summary = new string('a', TextLimits.LongText + 1),
            PrincipalInvestigator = new PersonRecord { Name = "Nguyễn Văn An", Email = "not-an-email" },
        };

        Assert.Equal(["code", "principalInvestigator.email", "summary", "outputs[0].title"], Paths(record));
    }

    [Theory]
    [InlineData(SecurityClassification.Confidential, true)]
    [InlineData(SecurityClassification.Secret, true)]
    [InlineData(SecurityClassification.TopSecret, true)]
    [InlineData(SecurityClassification.None, false)]
    public void Classified_records_are_recognised(SecurityClassification level, bool classified)
    {
        Assert.Equal(classified, StateSecretGuard.IsClassified(TestRecords.Valid() with { SecurityClassification = level }));
        Assert.False(StateSecretGuard.IsClassified(TestRecords.Valid() with { SecurityClassification = null }));
    }

    [Fact]
    public void A_required_text_made_only_of_control_characters_is_missing()
    {
        var errors = TaskRecordValidator.Validate(TestRecords.Valid() with { Title = "\u0001\u000B\uFFFE" });

        Assert.Equal("title", Assert.Single(errors).Path);
    }

    [Theory]
    [InlineData(null, Visibility.Withdrawn, true)]
    [InlineData(Visibility.Published, Visibility.Withdrawn, true)]
    [InlineData(Visibility.Draft, Visibility.Withdrawn, true)]
    [InlineData(Visibility.Withdrawn, Visibility.Withdrawn, false)]
    [InlineData(Visibility.Published, Visibility.Draft, false)]
    [InlineData(null, null, false)]
    public void Only_the_withdraw_operation_withdraws(Visibility? current, Visibility? requested, bool refused)
    {
        var error = WithdrawalRule.Check(current, requested);

        Assert.Equal(refused, error is not null);
        if (refused) Assert.Contains("/withdraw", error!.Message);
    }
}
