using CsCheck;

namespace Registry.Fuzz.Tests.Generators;

/// <summary>
/// GraphQL requests: documents over every query field with hostile literals, hostile variables (wrong types,
/// repeated names in either case, deep values), deep selection sets, garbage documents and operation names.
/// Selections ask only for __typename, valid on every object type, so the arguments are what is attacked.
/// </summary>
public static class GraphQLDocuments
{
    public sealed record Request(string Query, string? VariablesJson, string? OperationName);

    private static string Lit(string s) => Json.Quote(s);

    /// <summary>A bare enum literal for the level filter: the right name, wrong cases, an unknown name.</summary>
    private static string EnumName(string s) => (s.Length % 5) switch
    {
        0 => "provincial",
        1 => "Provincial",
        2 => "PROVINCIAL",
        3 => "galactic",
        _ => "_" + s.Length,
    };

    private static Gen<string> Number => Gen.OneOf("0", "-1", "1", "100", "101", "2147483647", "2147483648", "9223372036854775808", "1e400", "1.5", "\"5\"", "null");

    private static Gen<string> LiteralDocument => Gen.Select(Hostile.Value, Number, Gen.Int[0, 11]).Select((s, n, which) => which switch
    {
        0 => $"{{ tasks(query: {Lit(s)}, first: {n}) {{ __typename }} }}",
        1 => $"{{ tasks(after: {Lit(s)}) {{ __typename }} }}",
        2 => $"{{ tasks(filter: {{ updatedSince: {Lit(s)}, yearFrom: {n}, budgetMin: {n}, field: [{Lit(s)}], level: [{EnumName(s)}], status: [{Lit(s)}] }}) {{ __typename }} }}",
        3 => $"{{ suggest(query: {Lit(s)}) {{ __typename }} }}",
        4 => $"{{ organizations(query: {Lit(s)}, after: {Lit(s)}, first: {n}) {{ __typename }} }}",
        5 => $"{{ task(id: {Lit(s)}) {{ __typename }} }}",
        6 => $"{{ taskByCode(code: {Lit(s)}) {{ __typename }} }}",
        7 => $"{{ organization(id: {Lit(s)}) {{ __typename }} }}",
        8 => $"{{ stats(groupBy: FIELD, yearFrom: {n}, yearTo: {n}, field: {Lit(s)}) {{ __typename }} }}",
        9 => $"{{ coverage(year: {n}) {{ __typename }} }}",
        10 => $"{{ related(id: {Lit(s)}, first: {n}) {{ __typename }} }}",
        _ => $"{{ tasks(orderBy: {{ field: {s.Length % 7}, direction: DESC }}) {{ __typename }} }}",
    });

    private static Gen<(string Query, string Variables)> VariablesDocument => Gen.Select(Hostile.Value, Number, Gen.Int[0, 5], Gen.Int[1, 300])
        .Select((s, n, which, depth) => (
            "query Q($q: String, $n: Int, $f: TaskFilter) { tasks(query: $q, first: $n, filter: $f) { __typename } }",
            which switch
            {
                0 => $"{{\"q\":{Lit(s)},\"n\":{n}}}",
                1 => $"{{\"q\":\"chè\",\"q\":{Lit(s)}}}",
                2 => $"{{\"q\":\"chè\",\"Q\":{Lit(s)},\"n\":{n},\"N\":1}}",
                3 => $"{{\"f\":{{\"updatedSince\":{Lit(s)},\"yearFrom\":{n},\"yearFrom\":2020,\"level\":[{Lit(s)}],\"kind\":{Lit(s)}}}}}",
                4 => $"{{\"q\":{Json.Nested(depth, objects: depth % 2 == 0)}}}",
                _ => $"{{\"q\":{n},\"n\":{Lit(s)},\"f\":[{Lit(s)}]}}",
            }));

    private static Gen<string> DeepDocument => Gen.Int[1, 400].Select(depth =>
        "{ tasks { " + string.Concat(Enumerable.Repeat("edges { node { organization { tasks { ", depth / 4 + 1)) + "__typename" + new string('}', 4 * (depth / 4 + 1)) + " } }");

    public static Gen<Request> Requests => Gen.Frequency(
        (4, LiteralDocument.Select(q => new Request(q, null, null))),
        (3, VariablesDocument.Select(d => new Request(d.Query, d.Variables, "Q"))),
        (1, DeepDocument.Select(q => new Request(q, null, null))),
        (1, Gen.Int[1, 3000].Select(n => new Request(new string('{', n), null, null))),
        (1, Hostile.Text.Select(t => new Request(t, null, null))),
        (1, Gen.Select(LiteralDocument, Hostile.Text).Select((q, op) => new Request(q, "{}", op))));

    /// <summary>The POST body; sometimes with "query" repeated or not JSON at all.</summary>
    public static string Body(Request r, int shape) => shape switch
    {
        0 => Json.Object([("query", Lit(r.Query)), ("query", Lit("{ __typename }"))]),
        1 => r.Query,
        2 => Json.Object([("query", Lit(r.Query)), ("variables", Lit(r.VariablesJson ?? "{}"))]),
        _ => Json.Object(new (string, string)[] { ("query", Lit(r.Query)) }
            .Concat(r.VariablesJson is null ? [] : [("variables", r.VariablesJson)])
            .Concat(r.OperationName is null ? [] : [("operationName", Lit(r.OperationName))])),
    };
}
