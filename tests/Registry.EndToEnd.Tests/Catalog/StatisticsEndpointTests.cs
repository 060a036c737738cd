using Registry.Data.Records;
using Registry.EndToEnd.Tests.Infrastructure;
using static Registry.EndToEnd.Tests.Catalog.CatalogSeeding;

namespace Registry.EndToEnd.Tests.Catalog;

/// <summary>Each test uses its own years, so the shared host's other tasks fall outside its filters.</summary>
public sealed class StatisticsEndpointTests(RegistryApiFactory factory) : IClassFixture<RegistryApiFactory>
{
    private static Func<TaskRecord, TaskRecord> Started(int year, TaskKind kind, long total, long state) => r => r with
    {
        StartDate = new DateOnly(year, 2, 1), EndDate = new DateOnly(year + 1, 2, 1), Kind = kind,
        Budget = new BudgetRecord { TotalVnd = total, StateBudgetVnd = state },
    };

    [Fact]
    public async Task Stats_by_kind_count_and_sum_published_tasks_in_the_year_range()
    {
        var curator = await factory.CuratorAsync();
        await SeedAsync(curator, Visibility.Published, Started(1991, TaskKind.ResearchProject, 100, 80));
        await SeedAsync(curator, Visibility.Published, Started(1992, TaskKind.ResearchProject, 200, 150));
        await SeedAsync(curator, Visibility.Published, Started(1992, TaskKind.BasicSurvey, 50, 50));
        await SeedAsync(curator, Visibility.Draft, Started(1991, TaskKind.ResearchProject, 999, 999));
        await SeedAsync(curator, Visibility.Withdrawn, Started(1991, TaskKind.BasicSurvey, 999, 999));

        var byKind = await GetOkAsync(factory.Anonymous(), "/api/v1/stats?groupBy=kind&yearFrom=1991&yearTo=1992");
        var byYear = await GetOkAsync(factory.Anonymous(), "/api/v1/stats?groupBy=year&yearFrom=1991&yearTo=1992");

        var kinds = byKind.GetProperty("results").EnumerateArray().ToList();
        Assert.Equal(["researchProject", "basicSurvey"], kinds.Select(b => b.GetProperty("key").GetString()));
        Assert.Equal([2, 1], kinds.Select(b => b.GetProperty("count").GetInt32()));
        Assert.Equal([300L, 50L], kinds.Select(b => b.GetProperty("budgetTotalVnd").GetInt64()));
        Assert.Equal([230L, 50L], kinds.Select(b => b.GetProperty("stateBudgetVnd").GetInt64()));
        Assert.Equal("Đề tài", kinds[0].GetProperty("displayName").GetString());
        Assert.Equal("Research project", kinds[0].GetProperty("displayNameEn").GetString());
        Assert.Equal(3, byKind.GetProperty("meta").GetProperty("taskCount").GetInt32());
        Assert.Equal("kind", byKind.GetProperty("meta").GetProperty("groupBy").GetString());
        Assert.Equal(["1991", "1992"], byYear.GetProperty("results").EnumerateArray().Select(b => b.GetProperty("key").GetString()));
    }

    [Theory]
    [InlineData("/api/v1/stats", "groupBy")]
    [InlineData("/api/v1/stats?groupBy=province", "groupBy")]
    [InlineData("/api/v1/stats?groupBy=year&yearFrom=2025&yearTo=2020", "yearTo")]
    [InlineData("/api/v1/stats?groupBy=year&yearFrom=abc", "yearFrom")]
    [InlineData("/api/v1/stats?groupBy=field&field=999", "field")]
    [InlineData("/api/v1/coverage?year=10", "year")]
    [InlineData("/api/v1/coverage?year=x", "year")]
    [InlineData("/api/v1/stats?groupBy=year&from=2020", "from")]
    [InlineData("/api/v1/fields?lang=en", "lang")]
    [InlineData("/api/v1/organizations?name=hung", "name")]
    [InlineData("/api/v1/changes?cursor=abc", "cursor")]
    public async Task Bad_parameters_answer_400_naming_the_parameter(string url, string parameter)
    {
        var problem = await (await factory.Anonymous().GetAsync(url)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");

        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    [Fact]
    public async Task An_unknown_grouping_is_answered_with_the_valid_ones()
    {
        var problem = await (await factory.Anonymous().GetAsync("/api/v1/stats?groupBy=province")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation");

        var message = problem.GetProperty("errors").GetProperty("groupBy")[0].GetString()!;
        foreach (var valid in new[] { "year", "field", "sector", "level", "kind", "status", "organization", "managingAgency" })
        {
            Assert.Contains(valid, message);
        }
    }

    [Fact]
    public async Task The_field_tree_has_6_fields_46_sectors_and_counts_a_new_published_task_once()
    {
        var curator = await factory.CuratorAsync();
        var before = await GetOkAsync(factory.Anonymous(), "/api/v1/fields");
        await SeedAsync(curator, Visibility.Published, r => r with { Fields = ["40101", "40102", "402"] });
        await SeedAsync(curator, Visibility.Draft, r => r with { Fields = ["401"] });
        var after = await GetOkAsync(factory.Anonymous(), "/api/v1/fields");

        Assert.Equal(6, after.GetProperty("meta").GetProperty("count").GetInt32());
        Assert.Equal(46, after.GetProperty("meta").GetProperty("sectorCount").GetInt32());
        var agriculture = after.GetProperty("results").EnumerateArray().Single(f => f.GetProperty("code").GetString() == "4");
        Assert.Equal("Khoa học nông nghiệp", agriculture.GetProperty("displayName").GetString());
        Assert.Equal(Count(before, "4") + 1, Count(after, "4"));
        Assert.Equal(Count(before, "401") + 1, Count(after, "401"));
        Assert.Equal(Count(before, "402") + 1, Count(after, "402"));
    }

    [Fact]
    public async Task Coverage_for_a_year_reports_shares_and_the_next_deadline()
    {
        var curator = await factory.CuratorAsync();
        var agency = $"Sở Kiểm thử {Token()}";
        Func<TaskRecord, TaskRecord> approved = r => r with
        {
            ManagingAgency = agency, ApprovalDecision = new ApprovalDecisionRecord { Number = "9/QĐ", Date = new DateOnly(1987, 3, 3) },
        };
        await SeedAsync(curator, Visibility.Published, approved);
        await SeedAsync(curator, Visibility.Published, r => approved(r) with { Summary = null });
        await SeedAsync(curator, Visibility.Draft, approved);
        await SeedAsync(curator, Visibility.Withdrawn, approved);

        var report = await GetOkAsync(factory.Anonymous(), "/api/v1/coverage?year=1987");

        var row = report.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("managingAgency").GetString() == agency);
        Assert.Equal(1987, row.GetProperty("year").GetInt32());
        Assert.Equal(3, row.GetProperty("registered").GetInt32());
        Assert.Equal(2, row.GetProperty("published").GetInt32());
        Assert.Equal(66.7, row.GetProperty("sharePublished").GetDouble());
        Assert.Equal(1, row.GetProperty("publishedMissingSummary").GetInt32());
        var meta = report.GetProperty("meta");
        Assert.Equal(1987, meta.GetProperty("year").GetInt32());
        var deadline = DateOnly.Parse(meta.GetProperty("nextReportingDeadline").GetString()!);
        Assert.Equal(1, deadline.Day);
        Assert.Contains(deadline.Month, new[] { 6, 12 });
        Assert.True(meta.GetProperty("asOf").GetDateTimeOffset() <= DateTimeOffset.UtcNow);
        Assert.True(report.GetProperty("totals").GetProperty("registered").GetInt32() >= 3);
    }

    private static int Count(System.Text.Json.JsonElement tree, string code)
    {
        foreach (var field in tree.GetProperty("results").EnumerateArray())
        {
            if (field.GetProperty("code").GetString() == code) return field.GetProperty("count").GetInt32();
            foreach (var sector in field.GetProperty("sectors").EnumerateArray())
            {
                if (sector.GetProperty("code").GetString() == code) return sector.GetProperty("count").GetInt32();
            }
        }
        throw new InvalidOperationException(code);
    }
}
