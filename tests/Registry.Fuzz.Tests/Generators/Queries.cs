using CsCheck;

namespace Registry.Fuzz.Tests.Generators;

/// <summary>
/// Query strings for a route: mostly its declared parameters, sometimes unknown or repeated ones, with values
/// that are hostile, or well-formed (so the request reaches the code behind the first check), or both glued.
/// </summary>
public static class Queries
{
    /// <summary>Well-formed values that lead deeper into a handler, by parameter name.</summary>
    private static readonly Dictionary<string, string[]> Good = new(StringComparer.OrdinalIgnoreCase)
    {
        ["q"] = ["chè", "nhân giống", "\"chè Phú Thọ\"", "ch*", "title:chè", "lua~2"],
        ["sort"] = ["relevance", "updated", "-updated", "title", "-title", "year", "-year", "budget"],
        ["facets"] = ["field,level,year", "field", "kind,status", "organization", "year"],
        ["select"] = ["id,title", "id", "title,fields", "budget"],
        ["pageSize"] = ["1", "25", "100", "200"],
        ["limit"] = ["1", "20", "100"],
        ["highlight"] = ["true", "false", "1"],
        ["transferable"] = ["true", "false"],
        ["level"] = ["provincial", "national", "grassroots"],
        ["kind"] = ["researchProject", "pilotProduction"],
        ["status"] = ["inProgress", "completed", "accepted"],
        ["field"] = ["401", "1", "40101"],
        ["groupBy"] = ["field", "year", "level", "kind", "organization", "status"],
        ["yearFrom"] = ["2020", "2024"],
        ["yearTo"] = ["2025", "2030"],
        ["year"] = ["2024"],
        ["verb"] = ["Identify", "ListRecords", "ListIdentifiers", "ListSets", "ListMetadataFormats", "GetRecord"],
        ["metadataPrefix"] = ["oai_dc", "oai_datacite", "marc21"],
        ["identifier"] = ["oai:registry.phutho.gov.vn:x"],
        ["from"] = ["2024-01-01", "2024-01-01T00:00:00Z"],
        ["until"] = ["2030-01-01", "2030-01-01T00:00:00Z"],
        ["format"] = ["json"],
        ["lang"] = ["vi", "en"],
        ["url"] = ["http://localhost/tasks?q=ch%C3%A8", "http://localhost/tasks/", "http://localhost/", "https://example.com/tasks"],
    };

    /// <summary>
    /// One attacked parameter (declared, upper-cased or made up; a hostile value) beside up to two declared ones
    /// with well-formed values, so most requests get past validation of the others and reach the attacked one.
    /// </summary>
    public static Gen<string> For(string[] names) =>
        Gen.Select(Attacked(names), Companion(names).Array[0, 2], Gen.Bool)
            .Select((attacked, others, first) => "?" + string.Join("&", first ? others.Prepend(attacked) : others.Append(attacked)));

    private static Gen<string> Attacked(string[] names) =>
        Gen.Select(Name(names), Gen.Int[3, 9], Hostile.Value, Hostile.RawEscape, Gen.Int[0, 99])
            .Select((name, shape, hostile, raw, pick) => Hostile.Encode(name) + "=" + ValueFor(name, shape, hostile, raw, pick));

    private static Gen<string> Companion(string[] names) => names.Length == 0
        ? Gen.Const("pageSize=10")
        : Gen.Select(Gen.OneOf(names), Gen.Int[0, 99]).Select((name, pick) => name + "=" + ValueFor(name, 0, "", "", pick));

    private static Gen<string> Name(string[] names) => names.Length == 0
        ? Gen.Frequency((3, Gen.OneOf("q", "x", "pageSize")), (1, Hostile.Text))
        : names.Contains("q")
            ? Gen.Frequency((2, Declared(names)), (1, Gen.Const("q"))) // free text is where most parsers live
            : Declared(names);

    private static Gen<string> Declared(string[] names) =>
        Gen.Frequency((12, Gen.OneOf(names)), (1, Hostile.Text), (1, Gen.OneOf(names).Select(n => n.ToUpperInvariant())));

    private static string ValueFor(string name, int shape, string hostile, string raw, int pick)
    {
        var good = Good.TryGetValue(name, out var values) ? values[pick % values.Length] : "a";
        return shape switch
        {
            <= 2 => Hostile.Encode(good),
            3 => Hostile.Encode(good + hostile),
            4 => Hostile.Encode(good) + raw,
            5 => raw + Hostile.Encode(hostile),
            _ => Hostile.Encode(hostile),
        };
    }
}
