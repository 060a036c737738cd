using Registry.Search.Analysis;

namespace Registry.Search.Tests.Analysis;

/// <summary>The plan both engines execute, from counts a test sets (docs/search.md, "Query semantics").</summary>
public sealed class QueryPlanTests
{
    /// <summary>Counts per word or pair ("a b"); anything unlisted is in no task.</summary>
    private sealed class Counts(long docs, Dictionary<string, long> counts) : ITermStatistics
    {
        public long DocCount => docs;
        public long DocFreq(IReadOnlyList<string> terms) => counts.GetValueOrDefault(string.Join(' ', terms));
    }

    private static QueryPlan Plan(string query, Dictionary<string, long> counts, long docs = 1000) =>
        QueryPlan.Build(QueryText.Parse(query), new Counts(docs, counts));

    [Fact]
    public void Syllables_the_catalogue_writes_together_become_one_unit_and_others_stay_apart()
    {
        var plan = Plan("nhà kính thông minh", new()
        {
            ["nhà"] = 300, ["kính"] = 40, ["thông"] = 200, ["minh"] = 60,
            ["nhà kính"] = 35, ["kính thông"] = 2, ["thông minh"] = 50,
        });
        Assert.Equal(["nhà kính", "thông minh"], plan.Units.Select(u => u.Unit.Tokens.ToString()));
        Assert.All(plan.Units, u => Assert.True(u.Unit.IsWord));
    }

    [Fact]
    public void A_pair_found_together_in_only_one_task_is_not_a_word()
    {
        var plan = Plan("người tày", new() { ["người"] = 400, ["tày"] = 3, ["người tày"] = 1 });
        Assert.Equal(2, plan.Units.Count);
    }

    [Fact]
    public void A_common_concept_is_minor_and_the_rarest_decides()
    {
        var plan = Plan("người tày", new() { ["người"] = 400, ["tày"] = 3, ["người tày"] = 1 });
        Assert.True(plan.Units[0].Minor);
        Assert.False(plan.Units[1].Minor);
        Assert.Equal(1, plan.Required);
        Assert.True(plan.RankAllFirst);
    }

    [Theory]
    [InlineData("lợn", 1)]
    [InlineData("lợn gà", 2)]
    [InlineData("lợn gà vịt", 2)]
    [InlineData("lợn gà vịt ngan ngỗng dê", 5)]
    [InlineData("lợn gà vịt ngan ngỗng dê bò trâu", 6)]
    public void Major_concepts_required_all_of_two_all_but_one_of_three_to_six_three_quarters_beyond(string query, int required)
    {
        var counts = query.Split(' ').ToDictionary(w => w, _ => 10L);
        Assert.Equal(required, Plan(query, counts).Required);
    }

    [Fact]
    public void Relaxations_are_at_most_three_more_searches_however_long_the_query()
    {
        var words = Enumerable.Range(0, QueryText.MaxUnits).Select(i => $"từ{i}").ToList();
        var plan = Plan(string.Join(' ', words), words.ToDictionary(w => w, _ => 5L));
        var relaxations = plan.Relaxations().ToList();
        Assert.InRange(relaxations.Count, 1, 3);
        Assert.Equal(1, relaxations[^1].Required);
        Assert.All(relaxations, r => Assert.True(r.Relaxed));
        Assert.True(relaxations.Select(r => r.Required).SequenceEqual(relaxations.Select(r => r.Required).OrderDescending()));
    }

    [Fact]
    public void A_lone_word_is_split_into_its_syllables_at_last()
    {
        var plan = Plan("vụ đông", new() { ["vụ"] = 20, ["đông"] = 30, ["vụ đông"] = 15 });
        var unit = Assert.Single(plan.Units);
        Assert.True(unit.Unit.IsWord);
        var relaxed = Assert.Single(plan.Relaxations());
        Assert.Equal(["vụ", "đông"], relaxed.Units.Select(u => u.Unit.Tokens.ToString()));
        Assert.Equal(1, relaxed.Required);
    }

    [Fact]
    public void An_empty_index_plans_without_dividing_by_zero()
    {
        var plan = Plan("giống lúa", [], docs: 0);
        Assert.Equal(2, plan.Required);
        Assert.DoesNotContain(plan.Units, u => u.Minor);
    }
}
