using System.Text;
using Registry.Api.GraphQL.Transport;

namespace Registry.EndToEnd.Tests.GraphQL;

/// <summary>
/// Introspection has limits of its own (depth, ofType nesting, a cost per type of the schema, how many
/// __schema/__type), so tools can load the schema while hostile introspection is still refused, and introspection
/// mixed into a data query gets the data limits.
/// </summary>
[Collection(GraphQLCatalogueCollection.Name)]
public sealed class GraphQLIntrospectionLimitsTests(GraphQLApiFactory factory)
{
    /// <summary>graphql-js getIntrospectionQuery()'s shape: a type reference 9 ofType deep under fields, args and input fields.</summary>
    private static readonly string TypeRef = "fragment TypeRef on __Type { kind name " + Nest("ofType", 9, "kind name") + " }";

    private static readonly string FullIntrospection = """
        query IntrospectionQuery {
          __schema {
            description queryType { name } mutationType { name } subscriptionType { name }
            types { ...FullType }
            directives { name description isRepeatable locations args(includeDeprecated: true) { ...InputValue } }
          }
        }
        fragment FullType on __Type {
          kind name description specifiedByURL isOneOf
          fields(includeDeprecated: true) { name description args(includeDeprecated: true) { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
          inputFields(includeDeprecated: true) { ...InputValue }
          interfaces { ...TypeRef }
          enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
          possibleTypes { ...TypeRef }
        }
        fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue isDeprecated deprecationReason }
        """ + TypeRef;

    [Fact]
    public async Task The_full_introspection_query_answers_with_the_whole_schema()
    {
        var (status, body, json) = await factory.QueryAsync(FullIntrospection);
        Assert.True(status == HttpStatusCode.OK, body);
        Assert.DoesNotContain("\"errors\"", body);
        var types = json.GetProperty("data").GetProperty("__schema").GetProperty("types").EnumerateArray().ToList();
        Assert.Contains(types, t => t.GetProperty("name").GetString() == "TaskFilter");
        Assert.All(types, t => Assert.Equal(System.Text.Json.JsonValueKind.Null, t.GetProperty("specifiedByURL").ValueKind));
        Assert.All(json.GetProperty("data").GetProperty("__schema").GetProperty("directives").EnumerateArray(),
            d => Assert.False(d.GetProperty("isRepeatable").GetBoolean()));
    }

    [Fact]
    public async Task The_same_introspection_inside_a_data_query_gets_the_data_limits()
    {
        await AssertRefusedAsync("{ tasks(first: 1) { totalCount } " + FullIntrospection[(FullIntrospection.IndexOf("__schema", StringComparison.Ordinal))..],
            "MAX_DEPTH", "at most 10");
        // Shallow enough for the data depth, but costed as data: every list counts 20 and types as many as there are.
        await AssertRefusedAsync("{ tasks(first: 1) { totalCount } __schema { types { fields { args { type { name } } } } } }", "TOO_COMPLEX", "at most 20000");
        // A data field hidden in a fragment at the root makes the operation a data query too.
        await AssertRefusedAsync("{ ...Root } fragment Root on Query { suggest(query: \"ch\") { text } " +
            FullIntrospection[(FullIntrospection.IndexOf("__schema", StringComparison.Ordinal))..], "MAX_DEPTH", "at most 10");
        var (status, body, _) = await factory.QueryAsync("{ __schema { types { fields { args { type { name } } } } } }");
        Assert.True(status == HttpStatusCode.OK, body);
    }

    [Fact]
    public async Task The_full_introspection_query_also_answers_over_GET()
    {
        var response = await factory.Anonymous().GetAsync("/graphql?query=" + Uri.EscapeDataString(FullIntrospection));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        Assert.Contains("\"__schema\"", body);
        Assert.DoesNotContain("\"errors\"", body);
    }

    [Fact]
    public async Task A_small_introspection_beside_data_is_allowed()
    {
        var (status, body, json) = await factory.QueryAsync("{ tasks(first: 1) { totalCount } __type(name: \"TaskLevel\") { enumValues { name } } __typename }");
        Assert.True(status == HttpStatusCode.OK, body);
        Assert.Equal(60, json.GetProperty("data").GetProperty("tasks").GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task Nested_ofType_is_allowed_to_the_limit_and_refused_beyond_it()
    {
        var (status, body, _) = await factory.QueryAsync("{ __type(name: \"Task\") { " + Nest("ofType", GraphQLLimits.MaxOfTypeNesting, "name") + " } }");
        Assert.True(status == HttpStatusCode.OK, body);
        await AssertRefusedAsync("{ __type(name: \"Task\") { " + Nest("ofType", GraphQLLimits.MaxOfTypeNesting + 1, "name") + " } }", "MAX_DEPTH", "ofType");
        // The same through fragments: the run of ofType continues into a spread.
        await AssertRefusedAsync("{ __type(name: \"Task\") { ofType { ...Deep } } } fragment Deep on __Type { " + Nest("ofType", GraphQLLimits.MaxOfTypeNesting, "name") + " }",
            "MAX_DEPTH", "ofType");
    }

    [Fact]
    public async Task Introspection_deeper_than_its_limit_is_refused()
    {
        // types → fields → type → fields … goes past 15 levels without any ofType.
        var deep = "{ __schema { types { " + string.Concat(Enumerable.Repeat("fields { type { ", 7)) + "name" + new string('}', 14) + " } } }";
        await AssertRefusedAsync(deep, "MAX_DEPTH", $"at most {GraphQLLimits.IntrospectionMaxDepth}");
    }

    [Fact]
    public async Task Introspection_nesting_types_in_fields_four_times_is_too_complex()
    {
        var cyclic = "{ __schema { types { " + string.Concat(Enumerable.Repeat("fields { type { ", 4)) + "name" + new string('}', 8) + " } } }";
        await AssertRefusedAsync(cyclic, "TOO_COMPLEX", "introspection");
        var three = "{ __schema { types { " + string.Concat(Enumerable.Repeat("fields { type { ", 3)) + "name" + new string('}', 6) + " } } }";
        var (status, body, _) = await factory.QueryAsync(three);
        Assert.True(status == HttpStatusCode.OK, body);
    }

    [Fact]
    public async Task Aliased_schema_fields_are_refused_even_hidden_in_a_fragment()
    {
        await AssertRefusedAsync("{ a: __schema { description } b: __schema { description } }", "TOO_MANY_INTROSPECTION_FIELDS", "__schema 2");
        await AssertRefusedAsync("{ ...Twice } fragment Twice on Query { a: __schema { description } b: __schema { description } }", "TOO_MANY_INTROSPECTION_FIELDS", "__schema 2");
        var many = "{ " + string.Join(" ", Enumerable.Range(0, 25).Select(i => $"s{i}: __schema {{ types {{ name }} }}")) + " }";
        await AssertRefusedAsync(many, "TOO_MANY_INTROSPECTION_FIELDS", "__schema 25");
        // One key asked twice is one answer (GraphQL merges the fields).
        var (status, body, _) = await factory.QueryAsync("{ __schema { description } __schema { queryType { name } } }");
        Assert.True(status == HttpStatusCode.OK, body);
    }

    [Fact]
    public async Task Type_lookups_are_limited()
    {
        string Lookups(int n) => "{ " + string.Join(" ", Enumerable.Range(0, n).Select(i => $"t{i}: __type(name: \"Task\") {{ name }}")) + " }";
        var (status, body, _) = await factory.QueryAsync(Lookups(GraphQLLimits.MaxTypeFields));
        Assert.True(status == HttpStatusCode.OK, body);
        await AssertRefusedAsync(Lookups(GraphQLLimits.MaxTypeFields + 1), "TOO_MANY_INTROSPECTION_FIELDS", "__type 11");
    }

    [Fact]
    public async Task Fragments_that_multiply_each_other_are_refused_before_they_are_expanded()
    {
        // Each fragment spreads the next one twice under two aliases: 2^13 fields once expanded, in 1,500 characters.
        var fragments = new StringBuilder("{ __type(name: \"Task\") { ...F0 } }");
        for (var i = 0; i < 13; i++) fragments.Append($" fragment F{i} on __Type {{ a: ofType {{ ...F{i + 1} }} b: ofType {{ ...F{i + 1} }} }}");
        fragments.Append(" fragment F13 on __Type { name }");
        var started = System.Diagnostics.Stopwatch.StartNew();
        await AssertRefusedAsync(fragments.ToString(), "TOO_COMPLEX", GraphQLLimits.MaxExpandedFields.ToString());
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(5), $"Took {started.Elapsed}.");
    }

    private static string Nest(string field, int times, string leaf) =>
        string.Concat(Enumerable.Repeat(field + " { ", times)) + leaf + new string('}', times).Replace("}", " }");

    private async Task AssertRefusedAsync(string query, string code, string messagePart)
    {
        var (status, body, json) = await factory.QueryAsync(query);
        Assert.True(status == HttpStatusCode.BadRequest, body);
        var error = json.GetProperty("errors")[0];
        Assert.Equal(code, error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains(messagePart, error.GetProperty("message").GetString());
        Assert.False(json.TryGetProperty("data", out _), body);
    }
}
