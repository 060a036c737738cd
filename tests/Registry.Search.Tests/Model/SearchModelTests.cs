using Registry.Data.Records;
using Registry.Search.Model;

namespace Registry.Search.Tests.Model;

public sealed class SearchModelTests
{
    private static SearchFilterSet Parse(out IReadOnlyDictionary<string, string[]> errors, params (string, string?)[] raw) =>
        SearchFilterSet.Parse(raw.Select(r => KeyValuePair.Create(r.Item1, r.Item2)), out errors);

    [Fact]
    public void Filters_parse_repeats_and_comma_lists_and_normalise_case()
    {
        var set = Parse(out var errors, ("level", "Provincial,national"), ("level", "grassroots"), ("field", "401"), ("transferable", "1"));
        Assert.Empty(errors);
        var level = set.Applied.Single(a => a.Filter == SearchFilters.Level);
        Assert.Equal(["provincial", "national", "grassroots"], level.Values.Select(v => v.Term));
        Assert.Equal("true", set.Applied.Single(a => a.Filter == SearchFilters.Transferable).Values[0].Term);
    }

    [Theory]
    [InlineData("colour", "red", "colour")]
    [InlineData("field", "9", "field")]
    [InlineData("field", "4010", "field")]
    [InlineData("level", "county", "level")]
    [InlineData("yearFrom", "twenty", "yearFrom")]
    [InlineData("budgetMin", "-5", "budgetMin")]
    [InlineData("transferable", "maybe", "transferable")]
    [InlineData("updatedSince", "yesterday", "updatedSince")]
    [InlineData("organization", "org id!", "organization")]
    public void Bad_filters_are_reported_with_what_would_be_valid(string name, string value, string key)
    {
        Parse(out var errors, (name, value));
        var message = Assert.Single(errors[key]);
        Assert.Contains("(", message);   // Vietnamese first, English in brackets
    }

    [Fact]
    public void Unknown_filter_lists_the_valid_names()
    {
        Parse(out var errors, ("colour", "red"));
        Assert.Contains("yearFrom", errors["colour"][0]);
    }

    [Fact]
    public void Single_valued_filters_refuse_a_second_value()
    {
        Parse(out var errors, ("yearFrom", "2020"), ("yearFrom", "2021"));
        Assert.Contains("yearFrom", errors.Keys);
    }

    [Fact]
    public void Updated_since_without_offset_is_utc()
    {
        var set = Parse(out _, ("updatedSince", "2025-10-01T00:00:00"));
        Assert.Equal(new DateTimeOffset(2025, 10, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds(), set.Applied[0].Values[0].Number);
    }

    [Fact]
    public void Every_filter_is_documented()
    {
        Assert.Equal(11, SearchFilters.All.Count);
        Assert.All(SearchFilters.All, f =>
        {
            Assert.False(string.IsNullOrWhiteSpace(f.Description));
            Assert.Null(f.Parse(f.Example).Error);
        });
        Assert.Equal(SearchFilters.All.Count, SearchFilters.All.Select(f => f.Name).Distinct().Count());
    }

    [Theory]
    [InlineData("budget", SortBy.Budget, SortDirection.Descending)]
    [InlineData("+budget", SortBy.Budget, SortDirection.Ascending)]
    [InlineData("-endDate", SortBy.EndDate, SortDirection.Descending)]
    [InlineData("NEWEST", SortBy.Newest, SortDirection.Descending)]
    [InlineData(null, SortBy.Relevance, SortDirection.Descending)]
    public void Sorts_parse(string? text, SortBy field, SortDirection direction)
    {
        Assert.True(SearchSort.TryParse(text, out var sort));
        Assert.Equal(new SearchSort(field, direction), sort);
    }

    [Fact]
    public void Every_sort_field_is_declared_once_with_a_description_and_round_trips_by_name()
    {
        Assert.Equal(Enum.GetValues<SortBy>(), SearchSort.Declared.Select(o => o.By));
        Assert.Equal(["relevance", "newest", "budget", "endDate", "updated"], SearchSort.Names);
        Assert.All(SearchSort.Declared, o =>
        {
            Assert.False(string.IsNullOrWhiteSpace(o.Description));
            Assert.True(SearchSort.TryParse("+" + o.Name, out var sort));
            Assert.Equal(new SearchSort(o.By, SortDirection.Ascending), sort);
            Assert.Equal("+" + o.Name, sort.ToString());
        });
    }

    [Fact]
    public void Filter_kinds_say_how_a_filter_reads_its_values()
    {
        Assert.All(SearchFilters.All, f =>
        {
            Assert.Equal(f.IsRange, f.Bound is not null);
            Assert.Equal(f.Kind == FilterKind.Enum, f.Names is { Count: > 0 });
            Assert.True(!f.IsRange || !f.MultiValued, f.Name);
            var parsed = f.Parse(f.Example).Value!;
            Assert.Equal(f.IsRange, parsed.Number is not null);
        });
        Assert.Equal(FilterKind.Prefix, SearchFilters.Field.Kind);
        Assert.Equal(["true", "false"], SearchFilters.Transferable.AllowedValues);
        Assert.Equal(RangeBound.AtMost, SearchFilters.BudgetMax.Bound);
        Assert.Equal(FilterKind.DateTimeRange, SearchFilters.UpdatedSince.Kind);
        Assert.Equal(["national", "ministerial", "provincial", "grassroots"], SearchFilters.Level.AllowedValues);
    }

    [Theory]
    [InlineData("price")]
    [InlineData("1")]
    [InlineData("--budget")]
    public void Unknown_sorts_are_refused(string text) => Assert.False(SearchSort.TryParse(text, out _));

    [Fact]
    public void Cursor_round_trips_and_is_bound_to_its_sort()
    {
        var sort = new SearchSort(SortBy.Budget, SortDirection.Ascending);
        var text = new SearchCursor(sort.ToString(), ["123", "t-1"]).Encode();
        Assert.True(SearchCursor.TryDecode(text, sort, out var cursor));
        Assert.Equal(["123", "t-1"], cursor.Values);
        Assert.False(SearchCursor.TryDecode(text, SearchSort.Default, out _));
        Assert.False(SearchCursor.TryDecode("not a cursor", sort, out _));
        Assert.DoesNotContain('+', text);
        Assert.DoesNotContain('/', text);
    }

    [Fact]
    public void Request_validation_names_each_bad_parameter()
    {
        var errors = new SearchRequest { PageSize = 0, Facets = ["colour"], Cursor = "zzz" }.Validate();
        Assert.Equal(["cursor", "facets", "pageSize"], errors.Keys.Order());
        Assert.Empty(new SearchRequest { Facets = ["field", "sector", "organization"] }.Validate());
    }

    [Fact]
    public void Document_rolls_field_codes_up_and_flags_transferable_outputs()
    {
        var record = new TaskRecord
        {
            Id = "t1", Code = "ĐT-2024-40101-PT", Title = "Hoà Bình", Fields = ["40101", "302"],
            HostOrganization = new OrganizationRef { Id = "org-1", Name = "Viện A" },
            Outputs = [new OutputRecord { Transferable = false }, new OutputRecord { Transferable = true }],
            StartDate = new DateOnly(2024, 3, 1),
        };
        var d = SearchDocument.From(record);
        Assert.Equal(["4", "401", "40101", "3", "302"], d.FieldPrefixes);
        Assert.Equal(["4", "3"], d.FieldsLevel1);
        Assert.Equal(["401", "302"], d.Sectors);
        Assert.True(d.Transferable);
        Assert.Equal("Hòa Bình", d.Title);
        Assert.Equal("dt202440101pt", d.CodeKey);
        Assert.Equal(2024, d.StartYear);
        Assert.Equal(("org-1", "Viện A"), OrganizationFacetKey.Split(d.OrganizationFacet!));
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(record, RegistryJson.Options), d.SourceJson);
        Assert.Equal(record.HostOrganization, d.ToRecord().HostOrganization);
    }

    [Fact]
    public void Contacts_never_reach_the_index()
    {
        var record = new TaskRecord
        {
            Id = "t1", Code = "X-1", Title = "Tên",
            PrincipalInvestigator = new PersonRecord { Name = "Nguyễn Văn An", Email = "an@example.vn", Phone = "0912345678" },
            Members = [new PersonRecord { Name = "Trần Thị Bình", Email = "binh@example.vn" }],
        };
        var d = SearchDocument.From(record);
        Assert.DoesNotContain("example.vn", d.SourceJson);
        Assert.DoesNotContain("0912345678", d.SourceJson);
        Assert.DoesNotContain(d.Body, t => t.Contains("example.vn"));
        Assert.Contains("Nguyễn Văn An", d.SourceJson);
    }

    [Fact]
    public void Each_facet_declares_the_filters_of_its_own_dimension()
    {
        Assert.Equal([SearchFilters.YearFrom, SearchFilters.YearTo], SearchFacets.Year.Dimension);
        Assert.Equal(SearchFacets.Field.Dimension, SearchFacets.Sector.Dimension);
        Assert.Equal([SearchFilters.Organization], SearchFacets.Organization.Dimension);
        Assert.Equal(["field", "field", "level", "kind", "status", "yearFrom", "organization"], SearchFacets.All.Select(f => f.FilterName));
    }

    [Fact]
    public void Facets_of_filtered_dimensions_get_one_pass_per_dropped_filter_set()
    {
        var filters = SearchFilterSet.Of(("field", "4"), ("level", "provincial"), ("yearTo", "2024"), ("budgetMin", "1000"));
        var (main, extra) = DisjunctiveFacets.Plan(SearchFacets.All, filters);
        Assert.Equal(["kind", "status", "organization"], main.Select(f => f.Name));
        Assert.Equal(3, extra.Count);
        var fieldPass = extra.Single(p => p.Facets.Contains(SearchFacets.Field));
        Assert.Equal(["field", "sector"], fieldPass.Facets.Select(f => f.Name));
        Assert.Equal("level=provincial&yearTo=2024&budgetMin=1000", fieldPass.Filters.ToString());
        Assert.Equal("field=4&level=provincial&budgetMin=1000", extra.Single(p => p.Facets.Contains(SearchFacets.Year)).Filters.ToString());
        Assert.Equal("field=4&yearTo=2024&budgetMin=1000", extra.Single(p => p.Facets.Contains(SearchFacets.Level)).Filters.ToString());
    }

    [Fact]
    public void Without_filtered_dimensions_every_facet_counts_with_the_hits()
    {
        var (main, extra) = DisjunctiveFacets.Plan([SearchFacets.Kind, SearchFacets.Level], SearchFilterSet.Of(("status", "accepted")));
        Assert.Equal([SearchFacets.Kind, SearchFacets.Level], main);
        Assert.Empty(extra);
        Assert.True(DisjunctiveFacets.Faceted([SearchFacets.Kind], SearchFilterSet.Of(("status", "accepted"))).IsEmpty);
        Assert.Equal("level=provincial", DisjunctiveFacets.Faceted([SearchFacets.Level], SearchFilterSet.Of(("level", "provincial"), ("status", "accepted"))).ToString());
    }
}
