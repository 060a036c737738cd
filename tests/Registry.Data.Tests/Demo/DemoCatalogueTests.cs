using System.Text.Json;
using Registry.Data.Demo;
using Registry.Data.Records;
using Registry.Data.Reference;
using TaskStatus = Registry.Data.Records.TaskStatus;

namespace Registry.Data.Tests.Demo;

public class DemoCatalogueTests
{
    private static readonly List<TaskRecord> Catalogue = DemoCatalogue.Generate().ToList();

    [Fact]
    public void Same_seed_gives_identical_json_and_another_seed_differs()
    {
        var again = DemoCatalogue.Generate().Select(Json);
        Assert.Equal(Catalogue.Select(Json), again);
        Assert.NotEqual(Json(Catalogue[1]), Json(DemoCatalogue.Generate(2, seed: 7).Last()));
    }

    [Fact]
    public void Large_generation_starts_with_the_demo_catalogue()
    {
        var large = DemoCatalogue.GenerateLarge(3000).Take(Catalogue.Count).Select(Json);
        Assert.Equal(Catalogue.Select(Json), large);
    }

    [Fact]
    public void At_least_2000_tasks_with_unique_codes()
    {
        Assert.True(Catalogue.Count >= 2000);
        Assert.Equal(Catalogue.Count, Catalogue.Select(t => t.Code).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(Catalogue, t => Assert.Matches(@"^(ĐT|SXTN|ĐA|DA|CT|ĐTCB|NV)-20\d\d-\d{5,}-PT$", t.Code));
    }

    [Fact]
    public void Every_sector_has_at_least_20_tasks_and_every_field_code_is_valid()
    {
        var bySector = Catalogue.SelectMany(t => t.Fields!.Select(f => f[..3]).Distinct()).GroupBy(s => s).ToDictionary(g => g.Key, g => g.Count());
        foreach (var sector in FieldsOfScience.Sectors)
            Assert.True(bySector.GetValueOrDefault(sector.Code) >= 20, $"sector {sector.Code} has {bySector.GetValueOrDefault(sector.Code)} tasks");
        Assert.All(Catalogue.SelectMany(t => t.Fields!), f => Assert.True(FieldsOfScience.IsValid(f), f));
    }

    [Fact]
    public void Every_record_is_complete_and_its_budget_sane()
    {
        Assert.All(Catalogue, t =>
        {
            Assert.False(string.IsNullOrWhiteSpace(t.Title));
            Assert.NotNull(t.HostOrganization?.Name);
            Assert.NotNull(t.PrincipalInvestigator?.AcademicTitle);
            Assert.Equal(SecurityClassification.None, t.SecurityClassification);
            Assert.InRange(t.Budget!.TotalVnd!.Value, 10_000_000, 99_000_000_000);
            Assert.InRange(t.Budget.StateBudgetVnd!.Value, 1, t.Budget.TotalVnd.Value);
            Assert.InRange(Sentences(t.Summary), 2, 4);
            Assert.InRange(Sentences(t.Objectives), 2, 4);
            Assert.InRange(Sentences(t.Methods), 2, 4);
            Assert.InRange(Sentences(t.ExpectedResults), 2, 4);
        });
    }

    [Fact]
    public void Dates_are_consistent_with_status()
    {
        var today = DemoCatalogue.ReferenceDate;
        Assert.All(Catalogue, t =>
        {
            Assert.True(t.StartDate < t.EndDate, t.Code);
            Assert.True(t.ApprovalDecision!.Date <= t.StartDate, t.Code);
            Assert.InRange(t.StartDate!.Value.Year, 2015, 2026);
            switch (t.Status)
            {
                case TaskStatus.Approved:
                    Assert.True(t.StartDate > today.AddMonths(-4), t.Code);
                    Assert.Null(t.Acceptance);
                    break;
                case TaskStatus.InProgress:
                    Assert.True(t.StartDate <= today && t.EndDate > new DateOnly(2026, 6, 30), t.Code);
                    Assert.Null(t.Acceptance);
                    break;
                case TaskStatus.Accepted or TaskStatus.ResultsRegistered or TaskStatus.Applied:
                    Assert.True(t.EndDate < t.Acceptance!.Date && t.Acceptance.Date < today, t.Code);
                    Assert.NotNull(t.Acceptance.Rating);
                    Assert.NotEmpty(t.Outputs!);
                    Assert.Equal(t.Status != TaskStatus.Accepted, t.ResultRegistration is not null);
                    if (t.ResultRegistration is { } reg) Assert.True(reg.Date > t.Acceptance.Date && reg.Date < today, t.Code);
                    break;
                case TaskStatus.Terminated:
                    Assert.Null(t.ResultRegistration);
                    break;
            }
        });
    }

    [Fact]
    public void Timestamps_and_visibility_are_consistent()
    {
        var cutoff = new DateTimeOffset(DemoCatalogue.ReferenceDate.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(7));
        Assert.All(Catalogue, t =>
        {
            Assert.True(t.CreatedAt <= t.UpdatedAt && t.UpdatedAt < cutoff, t.Code);
            Assert.Equal(t.Visibility != Visibility.Draft, t.PublishedAt is not null);
            if (t.PublishedAt is { } p) Assert.True(t.CreatedAt <= p && p <= t.UpdatedAt, t.Code);
        });
        var published = Catalogue.Count(t => t.Visibility == Visibility.Published) / (double)Catalogue.Count;
        Assert.InRange(published, 0.92, 0.98);
        Assert.Contains(Catalogue, t => t.Visibility == Visibility.Draft);
        Assert.Contains(Catalogue, t => t.Visibility == Visibility.Withdrawn);
    }

    [Fact]
    public void Proportions_look_like_a_provincial_registry()
    {
        double Share(Func<TaskRecord, bool> p) => Catalogue.Count(p) / (double)Catalogue.Count;
        Assert.InRange(Share(t => t.Kind == TaskKind.ResearchProject), 0.6, 0.8);
        Assert.InRange(Share(t => t.Level is TaskLevel.Provincial or TaskLevel.Grassroots), 0.75, 0.95);
        Assert.InRange(Share(t => t.TitleEn is not null), 0.33, 0.47);
        Assert.Contains(Catalogue, t => t.Outputs?.Any(o => o.Transferable == true) == true);
        Assert.Contains(Catalogue, t => t.Outputs?.Any(o => o.Type == OutputType.PlantVariety) == true);
        Assert.Contains(Catalogue, t => t.Outputs?.Any(o => o.Identifier?.StartsWith("10.") == true) == true);
    }

    [Theory]
    [InlineData("lụa")]
    [InlineData("lúa")]
    [InlineData("nấm")]
    [InlineData("năm")]
    [InlineData("chuyển đổi số")]
    [InlineData("an toàn thông tin")]
    [InlineData("trí tuệ nhân tạo")]
    [InlineData("Hòa Bình")]
    [InlineData("Vĩnh Yên")]
    [InlineData("bưởi Đoan Hùng")]
    public void Words_that_search_tests_rely_on_appear(string word) =>
        Assert.Contains(Catalogue, t => $"{t.Title} {t.Summary} {t.Methods} {t.Objectives}".Contains(word, StringComparison.Ordinal));

    private static string Json(TaskRecord t) => JsonSerializer.Serialize(t, RegistryJson.Options);

    private static int Sentences(string? text) => text?.Split(". ", StringSplitOptions.RemoveEmptyEntries).Length ?? 0;
}
